/// What the sources say about a claim.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// A source states the same value about the same thing.
    case supported
    /// A source states a different value about the same thing.
    case contradicted
    /// No source speaks to the claim.
    case unverified
    /// A source states a different value, and an editor has signed the claim off (see `SignOff`): reported with
    /// the editor's reason, never a failure. Only a contradicted finding is ever accepted.
    case accepted
}
