/// A baseline fact lined up with a draft claim, with how well they speak about the same thing.
public struct Alignment: Sendable {
    public let fact: Fact
    /// The fact's index in `FactBase.facts`.
    public var factIndex: Int = 0
    /// 0...1: the share of the claim's weighted context found around the fact, adjusted by the key.
    public let score: Double
    public let agreement: Agreement
    /// The context words both share, heaviest first (for explanations).
    public let sharedTerms: [String]
    /// 0...1: how near the two values are (1 equal, 0 far apart or not numeric).
    public let closeness: Double
}
