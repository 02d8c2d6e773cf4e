/// The verdict on one draft claim, with everything a report shows: the claim, where it is, and the source
/// passages that decided it.
public struct Finding: Sendable {
    public let verdict: Verdict
    /// The rule's severity for a contradiction; `info` for supported and unverified claims.
    public let severity: Severity
    public let kind: String
    public let rule: String
    public let message: String
    public let claim: Passage
    public let evidence: [Evidence]
    /// A short, stable name for the finding ("fc-1a2b3c4d") that an editor quotes to sign it off: it depends on
    /// the claim and its evidence, not on where the claim stands in the draft (see `ClaimFingerprint`).
    public internal(set) var id: String
    /// The claim and evidence in the form that sign-offs are keyed on.
    public let fingerprint: ClaimFingerprint
    /// The editor's sign-off, when the verdict is `accepted`.
    public internal(set) var signOff: SignOff?

    public init(verdict: Verdict, severity: Severity, kind: String, rule: String, message: String, claim: Passage,
                evidence: [Evidence], fingerprint: ClaimFingerprint? = nil, id: String = "", signOff: SignOff? = nil) {
        self.verdict = verdict
        self.severity = severity
        self.kind = kind
        self.rule = rule
        self.message = message
        self.claim = claim
        self.evidence = evidence
        self.fingerprint = fingerprint ?? ClaimFingerprint(kind: kind, rule: rule, claim: claim, key: [],
                                                           evidence: evidence, pathBase: nil)
        self.id = id
        self.signOff = signOff
    }

    /// The finding as an editor signed it off: verdict `accepted`, everything else kept.
    public func accepted(by signOff: SignOff) -> Finding {
        Finding(verdict: .accepted, severity: severity, kind: kind, rule: rule, message: message, claim: claim,
                evidence: evidence, fingerprint: fingerprint, id: id, signOff: signOff)
    }
}

/// A claim's text and value, located in its document.
public struct Passage: Sendable, Equatable {
    public let text: String
    public let value: Value
    public let location: TextLocation
    /// Length in Unicode scalars.
    public let length: Int
    /// The sentence the claim stands in, whitespace collapsed.
    public let sentence: String

    public init(text: String, value: Value, location: TextLocation, length: Int, sentence: String) {
        self.text = text
        self.value = value
        self.location = location
        self.length = length
        self.sentence = sentence
    }
}

/// A source passage that a finding rests on, and why it was compared with the claim.
public struct Evidence: Sendable, Equatable {
    /// The source document's path.
    public let source: String
    /// The source document's date, when it has one.
    public let sourceDate: DateValue?
    public let passage: Passage
    /// The alignment score (0...1).
    public let score: Double
    /// Context terms the claim and the source passage share, heaviest first.
    public let sharedTerms: [String]

    public init(source: String, sourceDate: DateValue?, passage: Passage, score: Double, sharedTerms: [String]) {
        self.source = source
        self.sourceDate = sourceDate
        self.passage = passage
        self.score = score
        self.sharedTerms = sharedTerms
    }
}
