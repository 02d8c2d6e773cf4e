/// A baseline fact lined up with a draft claim, with how well they speak about the same thing.
public struct Alignment: Sendable {
    public let fact: Fact
    /// The fact's index in `FactBase.facts`.
    public var factIndex: Int = 0
    /// 0...1: the share of the claim's weighted context found around the fact, adjusted by the key.
    public let score: Double
    public let agreement: Agreement
    /// 0...1: how near the two values are (1 equal, 0 far apart or not numeric).
    public let closeness: Double
    /// The fact counts in a word one level broader or narrower than the claim's ("climbers" for "people"): it
    /// may confirm the claim, never refute it (see `Comparator.verdict`).
    public var keyIsBroader = false
    /// The shared context terms, each with the word the claim has for it and what it adds to the score, in no
    /// particular order: a draft aligns with thousands of facts and shows a few, so only those are sorted.
    private let shares: [(term: String, word: String, contribution: Double)]

    /// The context words both share, heaviest first (for explanations).
    public var sharedTerms: [String] {
        // Ties broken by the term itself: dictionary order changes from run to run, reports must not.
        shares.sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.term < $1.term }
            .map(\.word)
    }

    /// An alignment whose shared words are given heaviest first.
    public init(fact: Fact, factIndex: Int = 0, score: Double, agreement: Agreement, sharedTerms: [String],
                closeness: Double) {
        self.init(fact: fact, factIndex: factIndex, score: score, agreement: agreement, closeness: closeness,
                  shares: sharedTerms.enumerated().map { ($1, $1, Double(sharedTerms.count - $0)) })
    }

    init(fact: Fact, factIndex: Int, score: Double, agreement: Agreement, closeness: Double,
         shares: [(term: String, word: String, contribution: Double)]) {
        self.fact = fact
        self.factIndex = factIndex
        self.score = score
        self.agreement = agreement
        self.closeness = closeness
        self.shares = shares
    }
}
