/// What one trusted document contributes to a fact base: its claims (with the passages evidence shows), the
/// sentence frequency of its terms, and the names it uses. Computed once per document, in parallel when a store
/// is built; each sentence is tokenized once for both the claims and the statistics.
public struct DocumentFacts: Sendable {
    public let claims: [Claim]
    /// The passage of each claim, as evidence shows it (same order as `claims`); empty unless asked for.
    public let passages: [Passage]
    public let sentenceCount: Int
    /// Term → number of the document's sentences it occurs in.
    public let termSentenceCounts: [String: Int]
    /// The words of the full names the document gives ("yuri", "zenkovich").
    public let nameTerms: Set<String>
    /// The capitalized names around its claims ("Yuri Zenkovich"), for the gazetteer.
    public let entities: [String]

    /// Extracts a document's facts and statistics.
    /// - Parameter withPassages: also locate each claim's passage (a store keeps them; memory locates on demand).
    /// - Throws: `ExtractionError` when a rule fails on the document.
    public init(document: Document, extractor: ClaimExtractor, withPassages: Bool = false) throws(ExtractionError) {
        let lexicon = extractor.ruleSet.lexicon
        var sentenceTokens: [[Terms.Token]] = []
        sentenceTokens.reserveCapacity(document.sentences.count)
        var frequency: [String: Int] = [:]
        var nameTerms: Set<String> = []
        for sentence in document.sentences {
            let tokens = Terms.tokens(in: document.readable, range: sentence.range)
            sentenceTokens.append(tokens)
            var terms = Set<String>()
            for token in tokens {
                if let term = Terms.term(token.text, lexicon: lexicon) { terms.insert(term) }
            }
            nameTerms.formUnion(SentenceNames(tokens: tokens, lexicon: lexicon).nameTerms(lexicon: lexicon))
            for term in terms { frequency[term, default: 0] += 1 }
        }
        let claims = try extractor.claims(in: document, sentenceTokens: sentenceTokens)
        self.claims = claims
        passages = withPassages ? claims.map { Checker.passage(of: $0, in: document) } : []
        sentenceCount = document.sentences.count
        termSentenceCounts = frequency
        self.nameTerms = nameTerms
        entities = claims.flatMap(\.entities)
    }
}
