/// A checkable statement found in a document: a value of some kind, what it is about, and where it is.
public struct Claim: Sendable {
    /// The rule that found the claim.
    public let ruleID: String
    public let kind: String
    public let severity: Severity
    public let message: String
    public let value: Value
    /// Bytes of the claim as reported ("18 prisoners"), in the document.
    public let span: Range<Int>
    /// Bytes of the value alone ("18").
    public let valueSpan: Range<Int>
    /// Index of the sentence in `Document.sentences`.
    public let sentenceIndex: Int
    /// What must match before two claims are compared (the counted thing, ...), as canonical terms; empty for none.
    public let key: [String]
    /// The key as written (stemmed, before the lexicon): "detainee" where `key` says "prisoner".
    public let keyWords: [String]
    /// Keys one level broader or narrower than `key` in the lexicon ("people" for "climbers", and the reverse): a
    /// fact counting the one may confirm the claim, never refute it (see `Aligner`). Read for a draft's claims
    /// only; a stored fact does not keep them.
    public let relatedKeys: [[String]]
    /// Context terms of the sentence, weighted by closeness to the claim (1 beside it, falling with distance).
    public let context: [String: Double]
    /// A context term → the word it was read from, for explanations.
    public let words: [String: String]
    /// Capitalized names in the sentence ("Yuri Zenkovich", "Anchorage").
    public let entities: [String]
    /// The words of the full names in the sentence ("Yuri Zenkovich"), as context terms (lower-cased, stemmed).
    public let names: Set<String>
    /// The words of the names in the sentence that surely name people: given with a title ("President Putin"),
    /// through an alias ("the Kremlin leader") or by a pronoun that refers to one of them.
    public let people: Set<String>
    /// The event the claim is about: the lexicon's event word nearest the claim in its clause ("sentence" in
    /// "was detained in 2021 and sentenced to 11 years"), as a canonical term; nil when the clause names none.
    public let event: String?
    /// Whether the claim's clause states its value, denies it or supposes it.
    public let assertion: Assertion
    /// Whether the value is the base a change is measured from ("up 17% from $0.29"), not what its sentence
    /// reports (see `ComparisonBase`).
    public let isComparisonBase: Bool
    /// The context terms of the words within two of the value in its clause, sorted: what tells the claim from
    /// the other figures of its sentence ("a net gain of 239, and a majority of 146").
    public let nearTerms: [String]

    public init(ruleID: String, kind: String, severity: Severity, message: String, value: Value, span: Range<Int>,
                valueSpan: Range<Int>, sentenceIndex: Int, key: [String], keyWords: [String],
                relatedKeys: [[String]] = [], context: [String: Double],
                words: [String: String], entities: [String], names: Set<String> = [], people: Set<String> = [], event: String? = nil, assertion: Assertion = .stated,
                isComparisonBase: Bool = false, nearTerms: [String] = []) {
        self.ruleID = ruleID
        self.kind = kind
        self.severity = severity
        self.message = message
        self.value = value
        self.span = span
        self.valueSpan = valueSpan
        self.sentenceIndex = sentenceIndex
        self.key = key
        self.keyWords = keyWords
        self.relatedKeys = relatedKeys
        self.context = context
        self.words = words
        self.entities = entities
        self.names = names
        self.people = people
        self.event = event
        self.assertion = assertion
        self.isComparisonBase = isComparisonBase
        self.nearTerms = nearTerms
    }
}
