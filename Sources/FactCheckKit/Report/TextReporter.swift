import Foundation

/// Compiler-style text: `draft.txt:2:38: error: ...`, the draft's line with the claim underlined, and each piece of
/// evidence with its file and line. Colour only when writing to a terminal.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    /// Use ANSI colours.
    public var colored: Bool
    /// Also list supported and unverified claims, not only contradictions.
    public var showAll: Bool
    /// End each draft with its summary line ("7 claims: 4 contradicted, ..."); off for `--quiet`.
    public var summarized: Bool

    public init(colored: Bool = false, showAll: Bool = false, summarized: Bool = true) {
        self.colored = colored
        self.showAll = showAll
        self.summarized = summarized
    }

    public func generateReport(_ reports: [DraftReport]) -> String {
        var output = ""
        for report in reports {
            // Lines as the checker numbers them (CRLF, CR and LF line ends), not Swift's split: "\r\n" is one
            // Character, so a CRLF draft split on "\n" was one line.
            let lines = SourceText(report.text)
            // The scalars of the line the last finding was on: the findings of a long line share them.
            var lineScalars: (number: Int, scalars: [Unicode.Scalar]) = (0, [])
            // Accepted findings are always listed: an editor's sign-off is part of the record, not noise.
            for finding in report.findings where showAll || [.contradicted, .accepted].contains(finding.verdict) {
                output += render(finding, path: report.path, lines: lines, lineScalars: &lineScalars)
            }
            for signOff in report.staleSignOffs {
                output += renderStale(signOff, path: report.path)
            }
            if summarized { output += summary(of: report) + "\n" }
        }
        return output
    }

    private func render(_ finding: Finding, path rawPath: String, lines: SourceText,
                        lineScalars: inout (number: Int, scalars: [Unicode.Scalar])) -> String {
        // Everything that comes from a draft or a source is escaped: it may hold terminal control codes.
        let path = TerminalText.escaped(rawPath)
        let location = finding.claim.location
        let label: String
        switch finding.verdict {
        case .contradicted: label = paint(finding.severity.rawValue, finding.severity == .error ? "1;31" : "1;33")
        case .unverified: label = paint("note", "1;36") + ": unverified"
        case .supported: label = paint("note", "1;32") + ": supported"
        case .accepted: label = paint("note", "1;35") + ": accepted"
        }
        // The ID comes last so that an editor can copy it for `factcheck accept`.
        var text = "\(paint("\(path):\(location.line):\(location.column)", "1")): \(label): \(TerminalText.escaped(finding.message)) [\(finding.rule)]\(finding.id.isEmpty ? "" : " [\(finding.id)]")\n"
        if let signOff = finding.signOff {
            text += TerminalText.escaped("    accepted by \(signOff.by) on \(signOff.at): \(Checker.oneLine(signOff.reason))") + "\n"
        }
        guard finding.verdict == .contradicted else { return text }
        if lineScalars.number != location.line {
            lineScalars = (location.line, Array(lines.line(location.line).unicodeScalars))
        }
        if !lineScalars.scalars.isEmpty {
            let excerpt = TerminalText.excerpt(of: lineScalars.scalars, column: location.column, length: finding.claim.length)
            text += "    \(excerpt.line)\n    \(paint(excerpt.underline, "1;32"))\n"
        }
        for evidence in finding.evidence {
            let place = TerminalText.escaped("\(evidence.source):\(evidence.passage.location.line):\(evidence.passage.location.column)")
            let says = TerminalText.escaped("source says '\(Checker.oneLine(evidence.passage.text))': \(evidence.passage.sentence)")
            text += "  \(paint(place, "1")): \(paint("note", "1;36")): \(says)\n"
            if !evidence.sharedTerms.isEmpty {
                let terms = evidence.sharedTerms.prefix(6).joined(separator: ", ")
                text += "    compared because both speak of: \(terms) (alignment \(formatScore(evidence.score)))\n"
            }
        }
        return text
    }

    /// A sign-off whose claim is gone: a warning, so that the ledger gets tidied, never a failure.
    private func renderStale(_ signOff: SignOff, path: String) -> String {
        "\(paint(TerminalText.escaped(path), "1")): \(paint("warning", "1;33")): " + TerminalText.escaped("sign-off \(signOff.id) is stale: no contradicted claim "
            + "'\(signOff.claim.text)' [\(signOff.claim.rule)] with the same evidence is left in the draft "
            + "(accepted by \(signOff.by) on \(signOff.at): \(Checker.oneLine(signOff.reason))); remove it from the sign-off ledger") + "\n"
    }

    private func summary(of report: DraftReport) -> String {
        let claims = report.findings.count
        var line = "\(TerminalText.escaped(report.path)): \(claims) claim\(claims == 1 ? "" : "s"): \(report.count(.contradicted)) contradicted, "
            + "\(report.count(.unverified)) unverified, \(report.count(.supported)) supported"
        // Only when there are any, so the familiar summary line stays as it was.
        let accepted = report.count(.accepted)
        if accepted > 0 { line += ", \(accepted) accepted" }
        if report.ignoredClaims > 0 { line += ", \(report.ignoredClaims) ignored" }
        if !report.staleSignOffs.isEmpty { line += ", \(report.staleSignOffs.count) stale sign-off\(report.staleSignOffs.count == 1 ? "" : "s")" }
        return line
    }

    private func formatScore(_ score: Double) -> String {
        String(format: "%.2f", score)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
