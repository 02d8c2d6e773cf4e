import Foundation

/// SARIF 2.1.0 for code-scanning pipelines: the rules as `tool.driver.rules`, one result per contradicted
/// (`kind: fail`) and unverified (`kind: review`) claim at the claim's place in the draft, and `relatedLocations`
/// at the source passages it was compared with. Columns and character offsets count Unicode code points
/// (`columnKind: unicodeCodePoints`), as every factcheck location does.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The rules to describe, usually the run's rule set; a rule a finding names that is not among them is
    /// described from the finding.
    public let rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    public func generateReport(_ reports: [DraftReport]) -> String {
        generateReport(reports, version: ToolInfo.version)
    }

    /// The SARIF log of every draft.
    /// - Parameter version: The tool version the log states.
    public func generateReport(_ reports: [DraftReport], version: String) -> String {
        let descriptors = ruleDescriptors(for: reports)
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($0.element.id, $0.offset) })
        var results: [Result] = []
        for report in reports {
            for finding in report.findings where finding.verdict != .supported {
                results.append(Result(finding, draft: report.path, ruleIndex: ruleIndex[finding.rule] ?? 0))
            }
        }
        let driver = Driver(name: ToolInfo.name, version: version, semanticVersion: version, rules: descriptors)
        let log = Log(schema: Self.schema, runs: [Run(tool: Tool(driver: driver), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // These plain structs hold only strings and integers, so encoding cannot fail.
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Every rule of the rule set and every rule a finding names, sorted by id so that `ruleIndex` is stable.
    private func ruleDescriptors(for reports: [DraftReport]) -> [RuleDescriptor] {
        var byID: [String: RuleDescriptor] = [:]
        for rule in rules {
            byID[rule.id] = RuleDescriptor(id: rule.id, message: rule.message, kind: rule.kind, severity: rule.severity)
        }
        for finding in reports.flatMap(\.findings) where byID[finding.rule] == nil {
            byID[finding.rule] = RuleDescriptor(id: finding.rule, message: "\(finding.kind) differs from the sources",
                                                kind: finding.kind, severity: .error)
        }
        return byID.keys.sorted().compactMap { byID[$0] }
    }

    /// SARIF's `level` for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a SARIF URI reference: relative paths stay relative (so results land in the repository that
    /// code scanning checks out), absolute ones become `file://` URIs; both percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    // MARK: - The SARIF objects factcheck writes

    private struct Log: Encodable {
        var schema: String
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [RuleDescriptor]
    }

    private struct Message: Encodable {
        var text: String
    }

    private struct RuleDescriptor: Encodable {
        var id: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
        var properties: Properties

        struct Configuration: Encodable {
            var level: String
        }

        struct Properties: Encodable {
            var kind: String
            var tags: [String]
        }

        init(id: String, message: String, kind: String, severity: Severity) {
            self.id = id
            shortDescription = Message(text: message)
            defaultConfiguration = Configuration(level: SARIFReporter.level(severity))
            properties = Properties(kind: kind, tags: ["factcheck", kind])
        }
    }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var kind: String
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        /// The finding's ID: it depends on the claim and its evidence, not on lines, so code scanning follows a
        /// result through edits of the draft.
        var partialFingerprints: [String: String]
        /// An editor's sign-off: SARIF's external suppression, with the editor's reason.
        var suppressions: [Suppression]?
        var properties: Properties

        struct Suppression: Encodable {
            var kind = "external"
            var status = "accepted"
            var justification: String
        }

        struct Properties: Encodable {
            var verdict: String
            var claimKind: String
        }

        init(_ finding: Finding, draft: String, ruleIndex: Int) {
            ruleId = finding.rule
            self.ruleIndex = ruleIndex
            // SARIF: a result whose kind is not "fail" has level "none"; an unverified claim asks for review.
            // An accepted contradiction is still a failure of the comparison, suppressed by the editor.
            let contradicted = finding.verdict == .contradicted || finding.verdict == .accepted
            kind = contradicted ? "fail" : "review"
            level = contradicted ? SARIFReporter.level(finding.severity) : "none"
            message = Message(text: finding.message)
            locations = [Location(id: nil, path: draft, passage: finding.claim, message: nil)]
            let related = finding.evidence.enumerated().map { index, evidence in
                Location(id: index + 1, path: evidence.source, passage: evidence.passage,
                         message: Message(text: "source says '\(Checker.oneLine(evidence.passage.text))': \(evidence.passage.sentence)"))
            }
            relatedLocations = related.isEmpty ? nil : related
            partialFingerprints = ["factcheckFinding/v1": finding.id]
            suppressions = finding.signOff.map { signOff in
                [Suppression(justification: "accepted by \(signOff.by) on \(signOff.at): \(signOff.reason)")]
            }
            properties = Properties(verdict: finding.verdict.rawValue, claimKind: finding.kind)
        }
    }

    private struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?

        init(id: Int?, path: String, passage: Passage, message: Message?) {
            self.id = id
            physicalLocation = PhysicalLocation(artifactLocation: ArtifactLocation(uri: SARIFReporter.uri(path)),
                                                region: Region(passage))
            self.message = message
        }
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        /// One past the last code point, as SARIF counts it.
        var endColumn: Int
        var charOffset: Int
        var charLength: Int
        var snippet: Message

        init(_ passage: Passage) {
            let location = passage.location
            let lines = passage.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            startLine = location.line
            startColumn = location.column
            endLine = location.line + lines.count - 1
            endColumn = lines.count == 1 ? location.column + passage.length : (lines.last?.count ?? 0) + 1
            charOffset = location.offset
            charLength = passage.length
            snippet = Message(text: passage.text)
        }
    }
}
