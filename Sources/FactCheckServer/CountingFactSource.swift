import FactCheckKit

/// A `FactSource` that counts every read a check makes of the one it wraps (`factcheck_fact_store_queries_total`),
/// whatever the store: it sees only the protocol, so the SQLite store and any other behind `FactSource` are
/// counted alike, and the store itself knows nothing of metrics.
struct CountingFactSource: FactSource {
    /// Which read: one label per method of `FactSource` that reads the store.
    enum Query: String, CaseIterable, Sendable {
        case relatedFacts = "related_facts"
        case factsWithValue = "facts_with_value"
        case termWeight = "term_weight"
        case termWeights = "term_weights"
        case knownNames = "known_names"
        case origin
    }

    let wrapped: any FactSource
    let metrics: ServerMetrics

    func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) throws(FactStoreError) -> [Fact] {
        metrics.recordQuery(.relatedFacts)
        return try wrapped.relatedFacts(to: claim, terms: terms, minimumOverlap: minimumOverlap)
    }

    func factsWithValue(near claim: Claim, offset: Int, limit: Int) throws(FactStoreError) -> [Fact] {
        metrics.recordQuery(.factsWithValue)
        return try wrapped.factsWithValue(near: claim, offset: offset, limit: limit)
    }

    func weight(ofTerm term: String) throws(FactStoreError) -> Double {
        metrics.recordQuery(.termWeight)
        return try wrapped.weight(ofTerm: term)
    }

    func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double] {
        metrics.recordQuery(.termWeights)
        return try wrapped.weights(ofTerms: terms)
    }

    func knowsAnyName(in names: Set<String>) throws(FactStoreError) -> Bool {
        metrics.recordQuery(.knownNames)
        return try wrapped.knowsAnyName(in: names)
    }

    /// Not a query of its own (the store opens a read transaction around the reads it counts): passed through, so
    /// that the wrapped store's consistent reading is kept.
    func readingConsistently<T>(_ body: () throws(FactCheckError) -> T) throws(FactCheckError) -> T {
        try wrapped.readingConsistently(body)
    }

    func origin(of fact: Fact) throws(FactStoreError) -> FactOrigin {
        metrics.recordQuery(.origin)
        return try wrapped.origin(of: fact)
    }
}
