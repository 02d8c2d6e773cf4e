/// What the sources say about a claim.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// A source states the same value about the same thing.
    case supported
    /// A source states a different value about the same thing.
    case contradicted
    /// No source speaks to the claim.
    case unverified
}
