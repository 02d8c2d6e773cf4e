/// The SQLite store's encodings of claims, values and passages, for other stores that keep the same records
/// (the PostgreSQL store keeps `FactStore.PreparedFact`'s bytes as they are and decodes them here): one encoding,
/// so that both stores hand the aligner the same claims.
public enum StoredFactCoding {
    /// A claim from its context's and its value's bytes (`PreparedFact.context`, `.value`); nil when they do
    /// not decode (a damaged record).
    public static func claim(context: [UInt8], value: [UInt8]) -> Claim? {
        guard let stored = FactRecord.decodeContext(context), let value = FactRecord.decodeValue(value) else { return nil }
        return stored.claim(value: value)
    }

    /// A fact's passage from its bytes (`PreparedFact.passage`); nil when they do not decode.
    public static func passage(_ bytes: [UInt8], value: Value) -> Passage? {
        FactRecord.decodePassage(bytes, value: value)
    }

    /// The class of values a claim's value is compared with (`PreparedFact.valueClass`).
    public static func valueClass(of value: Value) -> Int { ValueIndex.valueClass(of: value) }

    /// The interval a value may agree with (`PreparedFact.low`, `.high`).
    public static func interval(of value: Value) -> (low: Double, high: Double) { ValueIndex.interval(of: value) }

    /// A claim's key as stored (`PreparedFact.key`).
    public static func key(of claim: Claim) -> String { FactStore.key(of: claim) }
    /// The keys one level broader or narrower than a claim's, as stored (`Claim.relatedKeys`).
    public static func relatedKeys(of claim: Claim) -> [String] { FactStore.relatedKeys(of: claim) }

    /// A publication date from its stored text (`PreparedDocument.date`).
    public static func date(from text: String?) -> DateValue? { FactStore.date(from: text) }

    /// The signature of a fact's context (value class and context bytes), as hex digits: facts that share it
    /// are scored once (`Fact.group`) and counted as one context.
    public static func contextSignature(of fact: FactStore.PreparedFact, in factBytes: [UInt8]) -> String {
        FactStore.contextDigest(of: fact, in: factBytes).hexDigits
    }

    /// A fact as a store hands it to the aligner.
    /// - Parameter group: facts of one group share their context (see `Fact.group`).
    public static func fact(claim: Claim, index: Int, documentIndex: Int, group: Int?) -> Fact {
        Fact(shared: SharedClaim(claim), index: index, documentIndex: documentIndex, group: group)
    }
}
