/// A claim of a trusted document, with where it came from.
public struct Fact: Sendable {
    public let claim: Claim
    /// Index into `FactBase.documents`.
    public let documentIndex: Int

    public init(claim: Claim, documentIndex: Int) {
        self.claim = claim
        self.documentIndex = documentIndex
    }
}
