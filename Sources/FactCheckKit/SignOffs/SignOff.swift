/// An editor's decision to publish a contradicted claim as it stands: one entry of the sign-off ledger
/// (`.factcheck/accepted.yml`). It is keyed on the draft and the claim's fingerprint (claim and evidence), not on
/// lines, so it follows the claim through unrelated edits and lapses when the claim or its source changes.
public struct SignOff: Sendable, Equatable {
    /// The finding's ID when it was accepted ("fc-1a2b3c4d"), for people: matching uses `draft` and `claim`.
    public var id: String
    /// The draft's path relative to the configuration folder.
    public var draft: String
    /// The accepted claim and the evidence it was accepted against.
    public var claim: ClaimFingerprint
    /// Why the editor accepted it; never empty.
    public var reason: String
    /// Who accepted it (git's user.name, else the login name).
    public var by: String
    /// When, as an ISO 8601 date-time in UTC ("2026-11-29T09:30:00Z").
    public var at: String

    public init(id: String, draft: String, claim: ClaimFingerprint, reason: String, by: String, at: String) {
        self.id = id
        self.draft = draft
        self.claim = claim
        self.reason = reason
        self.by = by
        self.at = at
    }
}
