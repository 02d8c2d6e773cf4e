/// What a store holds, for `factcheck base stats`.
public struct FactStoreStatistics: Sendable, Equatable {
    public let documents: Int
    /// Total size of the source documents.
    public let sourceBytes: Int
    public let facts: Int
    /// Distinct context terms, and (term, context) postings that index claim contexts by them.
    public let terms: Int
    public let postings: Int
    public let entities: Int
    public let sentences: Int
    /// The fingerprint of the rules that built the base ("" while empty).
    public let rulesFingerprint: String
    /// Size of the SQLite file and its write-ahead log on disk.
    public let fileBytes: Int
    /// Distinct claims among the facts (the same sentence in many documents is one).
    public let distinctClaims: Int
    /// Distinct contexts among the claims (one sentence stated with different figures is one).
    public let distinctContexts: Int

    public init(documents: Int, sourceBytes: Int, facts: Int, terms: Int, postings: Int, entities: Int, sentences: Int,
                rulesFingerprint: String, fileBytes: Int, distinctClaims: Int, distinctContexts: Int) {
        self.documents = documents
        self.sourceBytes = sourceBytes
        self.facts = facts
        self.terms = terms
        self.postings = postings
        self.entities = entities
        self.sentences = sentences
        self.rulesFingerprint = rulesFingerprint
        self.fileBytes = fileBytes
        self.distinctClaims = distinctClaims
        self.distinctContexts = distinctContexts
    }
}
