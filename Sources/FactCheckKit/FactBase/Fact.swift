/// A claim of a trusted document, with where it came from.
public struct Fact: Sendable {
    public let claim: Claim
    /// The fact's place in its base: facts are compared in this order and ties are broken by it, so reports are
    /// the same on every run. In memory, the index into `FactBase.facts`; in a store, the fact's row id.
    public let index: Int
    /// Index into `FactBase.documents` (in memory), or the document's row id (in a store).
    public let documentIndex: Int
    /// Facts of one group share everything alignment reads but their value (a store's claim context), so the
    /// aligner scores their context once; nil when the source does not say.
    let group: Int?

    public init(claim: Claim, index: Int, documentIndex: Int) {
        self.init(claim: claim, index: index, documentIndex: documentIndex, group: nil)
    }

    init(claim: Claim, index: Int, documentIndex: Int, group: Int?) {
        self.claim = claim
        self.index = index
        self.documentIndex = documentIndex
        self.group = group
    }
}
