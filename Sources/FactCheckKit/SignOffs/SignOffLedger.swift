import Foundation
import Yams

/// The sign-off ledger: a YAML list of `SignOff`s that newsrooms commit beside their drafts.
///
/// New entries are appended to the file's text, so everything already in it (entries, their order, anything an
/// editor wrote by hand) stays byte for byte; the result is re-read before it replaces the file, through a
/// temporary file and a rename, so a failed or interrupted write leaves the old ledger whole. A ledger that does
/// not read is an error with its line, and is never overwritten.
public struct SignOffLedger: Sendable, Equatable {
    /// The default place of the ledger, relative to the configuration folder.
    public static let defaultPath = ".factcheck/accepted.yml"

    /// The file, as it was named.
    public let path: String
    /// The entries, in file order.
    public let entries: [SignOff]
    /// The file's text when the entries were read from it, so that appending need not read them again.
    private let text: String?

    public init(path: String, entries: [SignOff]) {
        self.init(path: path, entries: entries, text: nil)
    }

    private init(path: String, entries: [SignOff], text: String?) {
        self.path = path
        self.entries = entries
        self.text = text
    }

    // MARK: - Reading

    /// Reads the ledger at `path`; a ledger that does not exist yet has no entries.
    /// - Throws: `InputError` with the line of the problem when the file is unreadable or malformed.
    public static func read(path: String) throws(InputError) -> SignOffLedger {
        guard FileManager.default.fileExists(atPath: path) else { return SignOffLedger(path: path, entries: []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(path: path, message: "cannot read the sign-off ledger", hint: "check that it is a readable UTF-8 file")
        }
        return SignOffLedger(path: path, entries: try parse(text, path: path), text: text)
    }

    static let entryKeys: Set<String> = ["id", "draft", "claim", "evidence", "reason", "by", "at"]
    static let claimKeys: Set<String> = ["kind", "rule", "text", "value", "key"]
    static let evidenceKeys: Set<String> = ["source", "text"]

    /// The entries of a ledger's text.
    /// - Throws: `InputError` naming the file and line of the first problem.
    public static func parse(_ text: String, path: String) throws(InputError) -> [SignOff] {
        let hint = "fix the entry by hand (see README.md, Sign-offs), or remove it and accept the finding again"
        do throws(RuleError) {
            // Every field of an entry is text: typing plain scalars would only cost time on large ledgers.
            let document = try YAMLDocument(file: path, text: text, resolver: .basic)
            guard let root = document.root else { return [] }
            guard case let .sequence(items) = root else {
                throw RuleError(file: path, line: root.mark?.line, message: "the sign-off ledger must be a list of entries ('- id: ...')")
            }
            return try items.map { item throws(RuleError) in try entry(item, in: document) }
        } catch {
            throw InputError(path: path, line: error.line, message: "malformed sign-off ledger: \(error.message)",
                             hint: error.hint ?? hint)
        }
    }

    private static func entry(_ node: Node, in document: YAMLDocument) throws(RuleError) -> SignOff {
        var fields: [String: String] = [:]
        var claim: ClaimFingerprint?
        var evidence: [ClaimFingerprint.EvidenceKey] = []
        for (key, value) in try document.entries(of: node, allowed: entryKeys) {
            switch key {
            case "claim": claim = try fingerprint(value, in: document)
            case "evidence":
                evidence = try document.sequence(value, field: key).map { item throws(RuleError) in
                    var source: String?, text: String?
                    for (field, value) in try document.entries(of: item, allowed: evidenceKeys) {
                        if field == "source" { source = try document.string(value, field: field) }
                        else { text = try document.string(value, field: field) }
                    }
                    guard let source, let text else {
                        throw RuleError(file: document.file, line: item.mark?.line, message: "evidence needs 'source' and 'text'")
                    }
                    return ClaimFingerprint.EvidenceKey(source: source, text: text)
                }
            default: fields[key] = try document.string(value, field: key)
            }
        }
        let line = node.mark?.line
        for required in ["id", "draft", "reason", "by", "at"] where fields[required] == nil {
            throw RuleError(file: document.file, line: line, message: "the entry has no '\(required)'")
        }
        guard var claim else { throw RuleError(file: document.file, line: line, message: "the entry has no 'claim'") }
        guard let reason = fields["reason"], !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleError(file: document.file, line: line, message: "the entry's 'reason' is empty")
        }
        claim.evidence = evidence
        return SignOff(id: fields["id"] ?? "", draft: fields["draft"] ?? "", claim: claim, reason: reason,
                       by: fields["by"] ?? "", at: fields["at"] ?? "")
    }

    private static func fingerprint(_ node: Node, in document: YAMLDocument) throws(RuleError) -> ClaimFingerprint {
        var fields: [String: String] = [:]
        var key: [String] = []
        for (field, value) in try document.entries(of: node, allowed: claimKeys) {
            if field == "key" { key = try document.strings(value, field: field) }
            else { fields[field] = try document.string(value, field: field) }
        }
        for required in ["kind", "rule", "text", "value"] where fields[required] == nil {
            throw RuleError(file: document.file, line: node.mark?.line, message: "the claim has no '\(required)'")
        }
        return ClaimFingerprint(kind: fields["kind"] ?? "", rule: fields["rule"] ?? "", text: fields["text"] ?? "",
                                value: fields["value"] ?? "", key: key, evidence: [])
    }

    // MARK: - Writing

    /// Appends an entry to the ledger file and returns the ledger with it.
    /// - Throws: `InputError` when the file as it is now does not read (it is left as it is), or cannot be written.
    public func appending(_ signOff: SignOff) throws(InputError) -> SignOffLedger {
        // Two editors accepting at once would each append to the file as they read it, and the last rename would
        // drop the other's entry: hold an advisory lock on a file beside the ledger from reading to renaming.
        let lockPath = path + ".lock"
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let lock = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else {
            throw InputError(path: lockPath, message: "cannot lock the sign-off ledger: \(String(cString: strerror(errno)))",
                             hint: "check that its folder is writable")
        }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else {
            throw InputError(path: lockPath, message: "cannot lock the sign-off ledger: \(String(cString: strerror(errno)))")
        }
        defer { flock(lock, LOCK_UN) }
        // Read the file again rather than trusting `entries`: another editor may have signed off meanwhile.
        var text = ""
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path), let existing = String(data: data, encoding: .utf8) else {
                throw InputError(path: path, message: "cannot read the sign-off ledger", hint: "check that it is a readable UTF-8 file")
            }
            text = existing
        }
        // The file as these entries were read from it needs no second reading: only a changed file is parsed again.
        let before = text == self.text ? entries : try Self.parse(text, path: path)
        // Another editor accepted the same finding while this one was checking the draft: one entry is enough
        // (two `accept`s at once each wrote theirs).
        if before.contains(where: { $0.draft == signOff.draft && $0.claim == signOff.claim }) {
            return SignOffLedger(path: path, entries: before, text: text)
        }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += Self.render(signOff)
        let after = try Self.parse(text, path: path)
        guard after.count == before.count + 1, after.last == signOff else {
            // A file whose list is not in block style ('[]' or '[{...}]') cannot take an appended entry.
            throw InputError(path: path, message: "cannot add an entry to the sign-off ledger as it is written",
                             hint: "write it as a YAML block list ('- id: ...' entries), or move it away to start a new one")
        }
        try Self.writeAtomically(text, to: path)
        return SignOffLedger(path: path, entries: after, text: text)
    }

    /// An entry as YAML: a block-list item with every text double-quoted, so no wording can break the file.
    public static func render(_ signOff: SignOff) -> String {
        let claim = signOff.claim
        var lines = [
            "- id: \(quoted(signOff.id))",
            "  draft: \(quoted(signOff.draft))",
            "  claim:",
            "    kind: \(quoted(claim.kind))",
            "    rule: \(quoted(claim.rule))",
            "    text: \(quoted(claim.text))",
            "    value: \(quoted(claim.value))",
            "    key: [\(claim.key.map(quoted).joined(separator: ", "))]",
        ]
        if claim.evidence.isEmpty {
            lines.append("  evidence: []")
        } else {
            lines.append("  evidence:")
            for item in claim.evidence {
                lines.append("    - source: \(quoted(item.source))")
                lines.append("      text: \(quoted(item.text))")
            }
        }
        lines += ["  reason: \(quoted(signOff.reason))", "  by: \(quoted(signOff.by))", "  at: \(quoted(signOff.at))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped; everything else as it is.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}": result += String(format: "\\x%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func writeAtomically(_ text: String, to path: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: path, message: "cannot write the sign-off ledger: \(error.localizedDescription)",
                             hint: "check that its folder is writable")
        }
        // rename(2) replaces the old file in one step: readers see the old ledger or the new one, never half.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(path: path, message: "cannot replace the sign-off ledger: \(reason)", hint: "check that its folder is writable")
        }
    }

    // MARK: - Applying

    /// The report with its contradicted findings that match an entry for `draft` marked `accepted`, and the
    /// entries for `draft` that match no contradicted finding listed as stale.
    /// - Parameter draft: the draft's path relative to the configuration folder, as entries name it.
    public func apply(to report: DraftReport, draft: String, reportingStale: Bool = true) -> DraftReport {
        let signOffs = entries.filter { $0.draft == draft }
        guard !signOffs.isEmpty else { return report }
        let contradicted = Set(report.findings.filter { $0.verdict == .contradicted }.map(\.fingerprint))
        let findings = report.findings.map { finding in
            guard finding.verdict == .contradicted,
                  let signOff = signOffs.first(where: { $0.claim == finding.fingerprint }) else { return finding }
            return finding.accepted(by: signOff)
        }
        return DraftReport(path: report.path, findings: findings, text: report.text, ignoredClaims: report.ignoredClaims,
                           staleSignOffs: reportingStale ? signOffs.filter { !contradicted.contains($0.claim) } : [])
    }
}
