/// A claim of a trusted document, with where it came from.
public struct Fact: Sendable {
    /// The claim, shared: a store's facts of one claim hold the same one, and a fact is copied several times on
    /// its way through the aligner (a stress check weighs thousands of candidates per draft claim), where a
    /// whole claim copied each time was a tenth of the check.
    public var claim: Claim { _read { yield shared.claim } }
    let shared: SharedClaim
    /// The fact's place in its base: facts are compared in this order and ties are broken by it, so reports are
    /// the same on every run. In memory, the index into `FactBase.facts`; in a store, the fact's row id.
    public let index: Int
    /// Index into `FactBase.documents` (in memory), or the document's row id (in a store).
    public let documentIndex: Int
    /// Facts of one group share everything alignment reads but their value (a store's claim context), so the
    /// aligner scores their context once; nil when the source does not say.
    let group: Int?

    public init(claim: Claim, index: Int, documentIndex: Int) {
        self.init(shared: SharedClaim(claim), index: index, documentIndex: documentIndex, group: nil)
    }

    init(shared: SharedClaim, index: Int, documentIndex: Int, group: Int?) {
        self.shared = shared
        self.index = index
        self.documentIndex = documentIndex
        self.group = group
    }
}

/// A claim held once for all the facts that state it.
final class SharedClaim: Sendable {
    let claim: Claim

    init(_ claim: Claim) {
        self.claim = claim
    }
}
