import FactCheckKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// The fact base in a PostgreSQL database, for a newsroom: one archive loaded by one writer, read by many
/// `factcheck check` runs and servers at once. Behaves as the SQLite `FactStore` does (same documents, same
/// findings) and stores the same encoded records (`StoredFactCoding`).
///
/// Reads hand the aligner a superset of the SQLite store's candidates: the first two occurrences of the claims
/// of the draft claim's value class that share one of its rarer context terms (the SQLite store's MaxScore cut,
/// so that the commonest terms' long lists are not read) or its key. That is all `FactSource` asks; the aligner
/// scores them as it scores the in-memory base's every fact, so findings are the same (the SQLite store's caps on
/// candidates, past 512 similar claims, are not applied: where they would bind, the PostgreSQL store gives the
/// uncapped comparison's findings). A check reads one snapshot
/// (`readingConsistently`: a REPEATABLE READ, READ ONLY transaction); writes are one transaction per batch of
/// documents (`add(files:...)`).
public final class PostgresFactStore: ManagedFactStore, @unchecked Sendable {
    // @unchecked: the state is the URL (immutable) and the reader pool (locked).

    public let url: PostgresURL
    let readers: ReaderConnections
    /// What was read of the latest version of the base seen (see `SnapshotCache`).
    private let cache = NIOLockedValueBox<SnapshotCache?>(nil)

    public var location: String { url.redacted }

    /// Connects and checks the schema version.
    /// - Throws: `FactStoreError` when the server cannot be reached or refuses the login, the database is
    ///   missing, or its schema is missing, older or newer than this factcheck's (`base migrate`).
    public init(url: PostgresURL) throws(FactStoreError) {
        self.url = url
        let connection = try BlockingConnection.connect(to: url)
        try PostgresSchema.checkVersion(connection)
        readers = ReaderConnections(url: url, first: connection)
    }

    deinit {
        readers.closeAll()
    }

    /// Opens the store a rule set may use: built by these rules, or empty.
    /// - Throws: `FactStoreError`, as `init`, or `.builtByOtherRules`-like when the rules changed since.
    public static func openForChecking(url: PostgresURL, rules: RuleSet) throws(FactStoreError) -> PostgresFactStore {
        let store = try PostgresFactStore(url: url)
        guard try store.isBuilt(by: rules) else {
            throw FactStoreError(path: url.redacted,
                                 message: "built by other rules (the rule or lexicon files, or the store's layout in a new factcheck, changed since)",
                                 hint: "run `factcheck base rebuild`")
        }
        return store
    }

    /// Creates or upgrades the schema of the database at `url` (`factcheck base migrate`).
    /// - Returns: the schema version before and after.
    /// - Throws: `FactStoreError` for a database of a newer schema (nothing is written), or one that cannot be
    ///   reached or written.
    public static func migrate(url: PostgresURL) throws(FactStoreError) -> (from: Int, to: Int) {
        let connection = try BlockingConnection.connect(to: url)
        defer { connection.close() }
        return try PostgresSchema.migrate(connection)
    }

    /// The schema version this factcheck writes.
    public static var schemaVersion: Int { PostgresSchema.version }

    // MARK: Reading

    func read<T>(_ body: (BlockingConnection) throws(FactStoreError) -> T) throws(FactStoreError) -> T {
        try readers.with(body)
    }

    public func isBuilt(by rules: RuleSet) throws(FactStoreError) -> Bool {
        let recorded = try read { connection throws(FactStoreError) in
            try connection.query("SELECT value FROM meta WHERE key = 'rules_fingerprint'").first.flatMap { try? $0.decode(String.self) }
        }
        return recorded == nil || recorded == "" || recorded == FactStore.fingerprint(of: rules)
    }

    public func documents() throws(FactStoreError) -> [StoredDocument] {
        try read { connection throws(FactStoreError) in
            let rows = try connection.query("SELECT path, content_hash, size, date, fact_count FROM documents ORDER BY path")
            return try rows.map { row throws(FactStoreError) in
                let (path, hash, size, date, facts) = try decode(row, as: (String, String, Int, String?, Int).self)
                return StoredDocument(path: path, contentHash: hash, size: size, date: StoredFactCoding.date(from: date),
                                      factCount: facts)
            }
        }
    }

    public func statistics() throws(FactStoreError) -> FactStoreStatistics {
        try read { connection throws(FactStoreError) in
            let rows = try connection.query("""
                SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(size), 0)::bigint FROM documents),
                       (SELECT count(*) FROM facts), (SELECT count(*) FROM terms),
                       (SELECT coalesce(sum(n), 0)::bigint FROM (
                            SELECT DISTINCT ON (c.context_group) cardinality(c.terms) AS n FROM claims c
                            WHERE EXISTS (SELECT 1 FROM facts f WHERE f.claim_id = c.id)) AS contexts),
                       (SELECT count(*) FROM entities),
                       (SELECT value FROM meta WHERE key = 'sentence_count'),
                       (SELECT value FROM meta WHERE key = 'rules_fingerprint'),
                       (SELECT count(DISTINCT claim_id) FROM facts),
                       (SELECT count(DISTINCT c.context_group) FROM claims c
                        WHERE EXISTS (SELECT 1 FROM facts f WHERE f.claim_id = c.id)),
                       (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'S'))
                """)
            guard let row = rows.first else { throw FactStoreError(path: url.redacted, message: "no statistics") }
            let (documents, sourceBytes, facts, terms, postings, entities, sentences, fingerprint, claims, contexts, bytes)
                = try decode(row, as: (Int, Int, Int, Int, Int, Int, String, String, Int, Int, Int).self)
            return FactStoreStatistics(documents: documents, sourceBytes: sourceBytes, facts: facts, terms: terms,
                                       postings: postings, entities: entities, sentences: Int(sentences) ?? 0,
                                       rulesFingerprint: fingerprint, fileBytes: bytes, distinctClaims: claims,
                                       distinctContexts: contexts)
        }
    }

    /// Whether the counts kept beside the documents agree with them: "ok", or what does not.
    public func integrityCheck() throws(FactStoreError) -> String {
        try read { connection throws(FactStoreError) in
            let rows = try connection.query("""
                SELECT (SELECT coalesce(sum(fact_count), 0)::bigint FROM documents), (SELECT count(*) FROM facts),
                       (SELECT coalesce(sum(sentence_count), 0)::bigint FROM documents),
                       (SELECT value::bigint FROM meta WHERE key = 'sentence_count')
                """)
            guard let row = rows.first else { return "no answer" }
            let (documentFacts, facts, documentSentences, sentences) = try decode(row, as: (Int, Int, Int, Int).self)
            var problems: [String] = []
            if documentFacts != facts { problems.append("documents list \(documentFacts) facts, the facts table holds \(facts)") }
            if documentSentences != sentences { problems.append("documents hold \(documentSentences) sentences, the base counts \(sentences)") }
            return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
        }
    }

    // MARK: FactSource

    public func readingConsistently<T>(_ body: () throws(FactCheckError) -> T) throws(FactCheckError) -> T {
        if readers.isBound { return try body() }
        do {
            return try readers.bindingOne { connection in
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                let rows = try connection.query("SELECT value FROM meta WHERE key = 'version'")
                let version = try rows.first.map { row throws(FactStoreError) in try decode(row, as: String.self) } ?? ""
                connection.snapshot = cache.withLockedValue { current in
                    if let current, current.version == version { return current }
                    current = SnapshotCache(version: version)
                    return current
                }
                defer { connection.snapshot = nil }
                do {
                    let result = try body()
                    try connection.execute("COMMIT")
                    return result
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
        } catch let error as FactCheckError {
            throw error
        } catch let error as FactStoreError {
            throw .store(error)
        } catch {
            throw .store(FactStoreError(path: url.redacted, message: "\(error)"))
        }
    }

    public func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) throws(FactStoreError) -> [Fact] {
        let valueClass = StoredFactCoding.valueClass(of: claim.value)
        let key = StoredFactCoding.key(of: claim)
        // The claim's key and those one level broader or narrower, whose contexts align whatever they share.
        let alignedKeys = key.isEmpty ? [] : [key] + StoredFactCoding.relatedKeys(of: claim)
        let total = terms.reduce(0) { $0 + $1.weight * $1.rarity }
        let needed = minimumOverlap * total * (1 - 1e-9)
        return try read { connection throws(FactStoreError) in
            let frequencies = try sentenceFrequencies(connection, of: terms.map(\.term))
            // The SQLite store's MaxScore cut: a candidate must share one of the driving terms. The aligner scores
            // what comes back, so the cut mass is not needed here.
            let stored = terms.compactMap { term in frequencies[term.term].map { (sentences: $0, term: term) } }
            let driving = WeightedTerm.maxScoreCut(stored, needed: needed, sentences: \.sentences, term: \.term).driving
            let drivingTerms = driving.map(\.term.term)
            if drivingTerms.isEmpty, key.isEmpty { return [] }
            let cacheKey = "related \(valueClass) \(alignedKeys.joined(separator: ",")) \(drivingTerms.sorted().joined(separator: " "))"
            if let known = connection.snapshot?.facts(for: cacheKey) { return known }
            // Of each claim (the same wire sentence in a hundred papers), its first occurrences only, as the SQLite
            // store hands them over (`FactStore.copiesAligned`): all a verdict and its runner-up can use.
            let rows = try connection.query("""
                SELECT f.id, f.document_id, c.context_group, c.signature, c.context, c.value
                FROM claims c CROSS JOIN LATERAL (
                    SELECT id, document_id FROM facts WHERE claim_id = c.id ORDER BY id LIMIT \(Self.copiesAligned)) AS f
                WHERE c.value_class = \(valueClass) AND (c.terms && \(drivingTerms) OR c.key = ANY(\(alignedKeys)))
                ORDER BY f.id
                """)
            let found = try facts(from: rows)
            connection.snapshot?.setFacts(found, for: cacheKey)
            return found
        }
    }

    public func factsWithValue(near claim: Claim, offset: Int, limit: Int) throws(FactStoreError) -> [Fact] {
        let valueClass = StoredFactCoding.valueClass(of: claim.value)
        let (low, high) = StoredFactCoding.interval(of: claim.value)
        let key = StoredFactCoding.key(of: claim)
        let cacheKey = "near \(valueClass) \(low) \(high) \(key) \(offset) \(limit)"
        return try read { connection throws(FactStoreError) in
            if let known = connection.snapshot?.facts(for: cacheKey) { return known }
            // Each claim once, by its first occurrence, as the SQLite store pages through them.
            let rows = try connection.query("""
                SELECT f.id, f.document_id, c.context_group, c.signature, c.context, c.value
                FROM claims c CROSS JOIN LATERAL (
                    SELECT id, document_id FROM facts WHERE claim_id = c.id ORDER BY id LIMIT 1) AS f
                WHERE c.value_class = \(valueClass) AND c.low <= \(high) AND c.high >= \(low)
                  AND (\(key) = '' OR c.key = '' OR c.key = \(key))
                ORDER BY f.id OFFSET \(offset) LIMIT \(limit)
                """)
            let found = try facts(from: rows)
            connection.snapshot?.setFacts(found, for: cacheKey)
            return found
        }
    }

    public func weight(ofTerm term: String) throws(FactStoreError) -> Double {
        try weights(ofTerms: [term])[term] ?? 1
    }

    public func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double] {
        guard !terms.isEmpty else { return [:] }
        return try read { connection throws(FactStoreError) in
            let frequencies = try sentenceFrequencies(connection, of: terms)
            let sentences: Int
            if let known = connection.snapshot?.sentenceCount {
                sentences = known
            } else {
                let rows = try connection.query("SELECT value::bigint FROM meta WHERE key = 'sentence_count'")
                sentences = try rows.first.map { row throws(FactStoreError) in try decode(row, as: Int.self) } ?? 0
                connection.snapshot?.sentenceCount = sentences
            }
            var weights: [String: Double] = [:]
            for term in terms {
                weights[term] = Self.weight(sentenceFrequency: frequencies[term] ?? 0, sentenceCount: sentences)
            }
            return weights
        }
    }

    public func knowsAnyName(in names: Set<String>) throws(FactStoreError) -> Bool {
        guard !names.isEmpty else { return false }
        return try read { connection throws(FactStoreError) in
            let rows = try connection.query("SELECT EXISTS (SELECT 1 FROM name_terms WHERE term = ANY(\(Array(names))))")
            return try rows.first.map { row throws(FactStoreError) in try decode(row, as: Bool.self) } ?? false
        }
    }

    public func origin(of fact: Fact) throws(FactStoreError) -> FactOrigin {
        try read { connection throws(FactStoreError) in
            let rows = try connection.query("""
                SELECT d.path, d.date, f.passage FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = \(fact.index)
                """)
            guard let row = rows.first else {
                throw FactStoreError(path: url.redacted, message: "fact \(fact.index) is missing (removed since the check began?)",
                                     hint: "check again")
            }
            let (path, date, passageBytes) = try decode(row, as: (String, String?, ByteBuffer).self)
            guard let passage = StoredFactCoding.passage(Array(passageBytes.readableBytesView), value: fact.claim.value) else {
                throw FactStoreError(path: url.redacted, message: "the stored passage of fact \(fact.index) (\(path)) cannot be read",
                                     hint: "run `factcheck base rebuild`")
            }
            return FactOrigin(source: PathExpander.displayPath(path), sourceDate: StoredFactCoding.date(from: date),
                              passage: passage)
        }
    }

    // MARK: Helpers

    /// The sentence frequency of each of `terms` the base knows.
    private func sentenceFrequencies(_ connection: BlockingConnection, of terms: [String]) throws(FactStoreError) -> [String: Int] {
        guard !terms.isEmpty else { return [:] }
        var frequencies: [String: Int] = [:]
        var missing = terms
        if let cache = connection.snapshot {
            missing = terms.filter { term in
                guard let known = cache.frequency(of: term) else { return true }
                if let known { frequencies[term] = known }
                return false
            }
        }
        guard !missing.isEmpty else { return frequencies }
        var found: [String: Int] = [:]
        for row in try connection.query("SELECT term, sentences FROM terms WHERE term = ANY(\(missing))") {
            let (term, sentences) = try decode(row, as: (String, Int).self)
            found[term] = sentences
        }
        if let cache = connection.snapshot {
            for term in missing { cache.setFrequency(found[term], of: term) }
        }
        return frequencies.merging(found) { first, _ in first }
    }

    /// How many occurrences of one claim the aligner gets (the SQLite store's `FactStore.copiesAligned`).
    static let copiesAligned = 2

    /// Facts from rows of (id, document id, context group, claim signature, context, value); the occurrences of
    /// one claim share its decoding.
    private func facts(from rows: PostgresQueryResult) throws(FactStoreError) -> [Fact] {
        var facts: [Fact] = []
        var claims: [String: Claim] = [:]
        for row in rows {
            let (id, document, group, signature, context, value)
                = try decode(row, as: (Int, Int, Int64, String, ByteBuffer, ByteBuffer).self)
            if claims[signature] == nil {
                guard let claim = StoredFactCoding.claim(context: Array(context.readableBytesView), value: Array(value.readableBytesView)) else {
                    throw FactStoreError(path: url.redacted, message: "the stored facts are damaged: fact \(id) cannot be read",
                                         hint: "run `factcheck base rebuild`")
                }
                claims[signature] = claim
            }
            facts.append(StoredFactCoding.fact(claim: claims[signature]!, index: id, documentIndex: document, group: Int(group)))
        }
        return facts
    }

    /// A row's columns, or a clear error when they are not what this factcheck wrote.
    func decode<each Column: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each Column).Type) throws(FactStoreError) -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw FactStoreError(path: url.redacted, message: "a stored row does not read as expected (\(error))",
                                 hint: "check that `factcheck base migrate` made this schema")
        }
    }

    /// A row's one column, likewise.
    func decode<Column: PostgresDecodable>(_ row: PostgresRow, as type: Column.Type) throws(FactStoreError) -> Column {
        do {
            return try row.decode(type)
        } catch {
            throw FactStoreError(path: url.redacted, message: "a stored row does not read as expected (\(error))",
                                 hint: "check that `factcheck base migrate` made this schema")
        }
    }
}
