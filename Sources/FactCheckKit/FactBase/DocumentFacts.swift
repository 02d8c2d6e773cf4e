/// What one trusted document contributes to a fact base: its claims (with the passages evidence shows), the
/// sentence frequency of its terms, and the names it uses. Computed once per document, in parallel when a store
/// is built; each sentence's words are read once for both the claims and the statistics.
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
        var sentenceWords: [SentenceWords] = []
        sentenceWords.reserveCapacity(document.sentences.count)
        // Term → the number of sentences it occurs in, and the last of them: a term counts once per sentence,
        // and one lookup per word tells whether this sentence counted it already.
        // Sized for the distinct terms of a news article (about one per ten bytes), so that it rarely regrows.
        var frequency = [String: (sentences: Int, last: Int)](minimumCapacity: document.readable.count / 10)
        var nameTerms: Set<String> = []
        for (index, sentence) in document.sentences.enumerated() {
            let words = SentenceWords(bytes: document.readable, range: sentence.range, lexicon: lexicon)
            sentenceWords.append(words)
            for case let term? in words.terms {
                Self.count(&frequency[term, default: (0, -1)], in: index)
            }
            for mention in words.names.mentions where mention.isFullName {
                for (term, _) in words.terms(of: mention, lexicon: lexicon) { nameTerms.insert(term) }
            }
        }
        let claims = try extractor.claims(in: document, sentenceWords: sentenceWords)
        self.claims = claims
        passages = withPassages ? claims.map { Checker.passage(of: $0, in: document) } : []
        sentenceCount = document.sentences.count
        termSentenceCounts = frequency.mapValues(\.sentences)
        self.nameTerms = nameTerms
        entities = claims.flatMap(\.entities)
    }

    /// Counts a term's occurrence in a sentence, unless that sentence counted it already.
    private static func count(_ entry: inout (sentences: Int, last: Int), in sentence: Int) {
        if entry.last != sentence { entry = (entry.sentences + 1, sentence) }
    }
}
