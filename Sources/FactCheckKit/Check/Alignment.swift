/// A baseline fact lined up with a draft claim, with how well they speak about the same thing.
public struct Alignment: Sendable {
    public let fact: Fact
    /// 0...1: the share of the claim's weighted context found around the fact, adjusted by the key.
    public let score: Double
    public let agreement: Agreement
    /// The context terms both share, heaviest first (for explanations).
    public let sharedTerms: [String]
}
