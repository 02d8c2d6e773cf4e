import Foundation

/// The facts of the trusted documents, with provenance, the names they use, and the term statistics alignment
/// weighs context with.
///
/// Held in memory; everything that reads the base goes through this type.
public struct FactBase: Sendable {
    public let documents: [Document]
    public let facts: [Fact]
    public let entities: EntityGazetteer
    /// The words of every full name the documents give ("yuri", "zenkovich").
    public let names: Set<String>
    /// Number of sentences each context term occurs in.
    private let sentenceFrequency: [String: Int]
    private let sentenceCount: Int

    /// Extracts the facts of every document.
    /// - Throws: `ExtractionError` when a rule fails on a document.
    public init(documents: [Document], extractor: ClaimExtractor) throws(ExtractionError) {
        self.documents = documents
        var facts: [Fact] = []
        var frequency: [String: Int] = [:]
        var sentences = 0
        var names: [String] = []
        var nameTerms: Set<String> = []
        for (index, document) in documents.enumerated() {
            for claim in try extractor.claims(in: document) {
                facts.append(Fact(claim: claim, documentIndex: index))
                names.append(contentsOf: claim.entities)
            }
            for sentence in document.sentences {
                sentences += 1
                let tokens = Terms.tokens(in: document.readable, range: sentence.range)
                let terms = Set(tokens.compactMap { Terms.term($0.text, lexicon: extractor.ruleSet.lexicon) })
                let lexicon = extractor.ruleSet.lexicon
                nameTerms.formUnion(SentenceNames(tokens: tokens, lexicon: lexicon).nameTerms(lexicon: lexicon))
                for term in terms { frequency[term, default: 0] += 1 }
            }
        }
        self.facts = facts
        self.entities = EntityGazetteer(names: names)
        self.names = nameTerms
        sentenceFrequency = frequency
        sentenceCount = sentences
    }

    /// How much a shared term says: rare terms (a name, "roses") more than common ones ("president").
    public func weight(ofTerm term: String) -> Double {
        let frequency = Double(sentenceFrequency[term] ?? 0)
        return log((Double(sentenceCount) + 1) / (frequency + 0.5)) + 1
    }
}
