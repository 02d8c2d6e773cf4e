/// Everything factcheck found in one draft.
public struct DraftReport: Sendable {
    /// The draft's path as the user gave it ("-" for standard input).
    public let path: String
    /// One finding per claim, in text order.
    public let findings: [Finding]
    /// The draft's text, for reporters that show it.
    public let text: String
    /// Claims left out because an editor silenced their paragraph with `<!-- factcheck-ignore -->`.
    public let ignoredClaims: Int
    /// Sign-offs recorded for this draft that match no contradicted finding any more: the claim was edited or
    /// removed, or its source changed. Reported as warnings; they never fail a run.
    public let staleSignOffs: [SignOff]

    public init(path: String, findings: [Finding], text: String, ignoredClaims: Int = 0, staleSignOffs: [SignOff] = []) {
        self.path = path
        self.findings = findings
        self.text = text
        self.ignoredClaims = ignoredClaims
        self.staleSignOffs = staleSignOffs
    }

    /// Number of findings with a verdict.
    public func count(_ verdict: Verdict) -> Int {
        findings.count { $0.verdict == verdict }
    }

    /// The finding with an ID, if the draft has one.
    public func finding(id: String) -> Finding? {
        findings.first { $0.id == id }
    }

    /// The findings that fail a run at `threshold`: contradictions at or above that severity (accepted ones
    /// never do).
    public func failures(at threshold: Severity?) -> [Finding] {
        guard let threshold else { return [] }
        return findings.filter { $0.verdict == .contradicted && $0.severity >= threshold }
    }
}
