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

extension WeightedTerm {
    /// The MaxScore cut both stores prune candidates by: the commonest terms, as long as their mass together falls
    /// short of what a fact needs (`needed`), cannot lift one to it alone, so a candidate must share one of the
    /// others (the driving terms) and the long posting lists of the common ones are never read. Their mass still
    /// counts towards each candidate's bound (`skippedMass`).
    /// - Parameters:
    ///   - items: the claim's terms that the base knows, each with how many sentences state it.
    ///   - sentences: an item's sentence count; `term`: its term.
    /// - Returns: the driving items, rarest last, and the mass of those cut.
    public static func maxScoreCut<Item>(_ items: [Item], needed: Double, sentences: (Item) -> Int,
                                         term: (Item) -> WeightedTerm) -> (driving: ArraySlice<Item>, skippedMass: Double) {
        let sorted = items.sorted {
            let (left, right) = (sentences($0), sentences($1))
            return left != right ? left > right : term($0).term < term($1).term
        }
        var skippedMass = 0.0
        var driving = sorted[...]
        while let first = driving.first, skippedMass + term(first).weight * term(first).rarity < needed {
            skippedMass += term(first).weight * term(first).rarity
            driving = driving.dropFirst()
        }
        return (driving, skippedMass)
    }
}
