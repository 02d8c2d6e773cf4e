/// A context term of a draft claim with its closeness weight and its rarity in the base: what the aligner scores
/// overlap with, and what a store prunes candidates by.
public struct WeightedTerm: Sendable {
    public let term: String
    /// Closeness to the claim (1 beside it, falling with distance).
    public let weight: Double
    /// `FactSource.weight(ofTerm:)`: rare terms count more.
    public let rarity: Double

    public init(term: String, weight: Double, rarity: Double) {
        self.term = term
        self.weight = weight
        self.rarity = rarity
    }
}
