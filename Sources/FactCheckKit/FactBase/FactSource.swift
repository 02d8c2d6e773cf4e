import Foundation

/// Where the aligner gets facts from: the in-memory `FactBase` (built per run, used by the accuracy harness and
/// `--baseline`) or the SQLite `FactStore` (built once, grown incrementally, queried without loading it whole).
///
/// A source need not hand the aligner every fact, only a superset of those whose alignment can change a verdict:
/// the facts that share a context term or the key with a claim (they can score above zero), and, when none of
/// those agrees with the claim, one fact anywhere that does (whether a source states the value at all decides
/// which threshold applies).
public protocol FactSource: Sendable {
    /// The facts that hold a comparable value and share `claim`'s non-empty key, or share enough of its context
    /// to overlap it by at least `minimumOverlap` (the aligner's share of the claim's weighted context mass), in
    /// the order of `Fact.index`. May return more (the in-memory base returns all facts).
    /// - Parameter terms: the claim's context terms with their weights and rarities, as the aligner scores them.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) throws(FactStoreError) -> [Fact]

    /// Facts of a comparable kind whose value may agree with `claim`'s (a superset), in a fixed order, from
    /// `offset`, at most `limit` of them: the aligner pages through them until one agrees. Which one does not
    /// matter (it scores zero; only its existence counts). Sources whose `relatedFacts` returns every fact
    /// return none.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func factsWithValue(near claim: Claim, offset: Int, limit: Int) throws(FactStoreError) -> [Fact]

    /// How much a shared term says: rare terms (a name, "roses") more than common ones ("president").
    /// - Throws: `FactStoreError` when the store cannot be read.
    func weight(ofTerm term: String) throws(FactStoreError) -> Double

    /// The weights of several terms at once (a store answers in one query).
    /// - Throws: `FactStoreError` when the store cannot be read.
    func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double]

    /// Whether the sources name anyone by one of these name words (lower-cased, stemmed).
    /// - Throws: `FactStoreError` when the store cannot be read.
    func knowsAnyName(in names: Set<String>) throws(FactStoreError) -> Bool

    /// Runs `body`, whose reads of this source all see one state of it (a store answers them in one read
    /// transaction). Errors of `body` pass through.
    /// - Throws: what `body` throws, or `FactCheckError.store` when the store cannot be read.
    func readingConsistently<T>(_ body: () throws(FactCheckError) -> T) throws(FactCheckError) -> T

    /// The document and passage a fact was read from.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func origin(of fact: Fact) throws(FactStoreError) -> FactOrigin
}

extension FactSource {
    /// An in-memory source does not change while it is read.
    public func readingConsistently<T>(_ body: () throws(FactCheckError) -> T) throws(FactCheckError) -> T {
        try body()
    }

    public func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double] {
        var weights: [String: Double] = [:]
        for term in terms { weights[term] = try weight(ofTerm: term) }
        return weights
    }

    /// The inverse document frequency the aligner weighs terms with, from a term's sentence frequency.
    public static func weight(sentenceFrequency: Int, sentenceCount: Int) -> Double {
        log((Double(sentenceCount) + 1) / (Double(sentenceFrequency) + 0.5)) + 1
    }
}
