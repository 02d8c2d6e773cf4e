/// Everything factcheck found in one draft.
public struct DraftReport: Sendable {
    /// The draft's path as the user gave it ("-" for standard input).
    public let path: String
    /// One finding per claim, in text order.
    public let findings: [Finding]
    /// The draft's text, for reporters that show it.
    public let text: String

    public init(path: String, findings: [Finding], text: String) {
        self.path = path
        self.findings = findings
        self.text = text
    }

    /// Number of findings with a verdict.
    public func count(_ verdict: Verdict) -> Int {
        findings.count { $0.verdict == verdict }
    }

    /// The findings that fail a run at `threshold`: contradictions at or above that severity.
    public func failures(at threshold: Severity?) -> [Finding] {
        guard let threshold else { return [] }
        return findings.filter { $0.verdict == .contradicted && $0.severity >= threshold }
    }
}
