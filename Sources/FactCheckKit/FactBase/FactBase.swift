import Foundation

/// The facts of the trusted documents, with provenance, the names they use, and the term statistics alignment
/// weighs context with.
///
/// Held in memory and built on every run: the accuracy harness, the rule examples and `--baseline` use it. It
/// hands the aligner every fact (a linear scan), which keeps its figures exactly those of a full comparison;
/// `FactStore` is the persistent, indexed counterpart.
public struct FactBase: FactSource {
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
            let contribution = try DocumentFacts(document: document, extractor: extractor)
            for claim in contribution.claims {
                facts.append(Fact(claim: claim, index: facts.count, documentIndex: index))
            }
            names.append(contentsOf: contribution.entities)
            nameTerms.formUnion(contribution.nameTerms)
            sentences += contribution.sentenceCount
            for (term, sentences) in contribution.termSentenceCounts { frequency[term, default: 0] += sentences }
        }
        self.facts = facts
        self.entities = EntityGazetteer(names: names)
        self.names = nameTerms
        sentenceFrequency = frequency
        sentenceCount = sentences
    }

    /// How much a shared term says: rare terms (a name, "roses") more than common ones ("president").
    public func weight(ofTerm term: String) -> Double {
        Self.weight(sentenceFrequency: sentenceFrequency[term] ?? 0, sentenceCount: sentenceCount)
    }

    // MARK: FactSource

    /// Every fact: the in-memory base is small enough to compare with in full.
    public func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) -> [Fact] { facts }

    /// None: `relatedFacts` already returned every fact.
    public func factsWithValue(near claim: Claim, offset: Int, limit: Int) -> [Fact] { [] }

    public func knowsAnyName(in names: Set<String>) -> Bool { !names.isDisjoint(with: self.names) }

    public func origin(of fact: Fact) -> FactOrigin {
        let document = documents[fact.documentIndex]
        return FactOrigin(source: document.path, sourceDate: document.date,
                          passage: Checker.passage(of: fact.claim, in: document))
    }
}
