import Foundation
import GRDB

/// The fact base as one SQLite file (`.factcheck/facts.sqlite` by default): built once, grown incrementally by
/// content hash, and queried by the aligner without loading it whole.
///
/// Every change is one transaction in WAL mode, so an interrupted build leaves the previous base intact, and
/// readers (a running `check`) never see half a change. The store records the fingerprint of the rules that
/// built it; a store built by other rules is refused until rebuilt.
public final class FactStore: FactSource, @unchecked Sendable {
    // @unchecked: the only state is the database queue (itself Sendable and serialized) and immutable values.

    /// The store's path.
    public let path: String
    let database: DatabaseQueue
    /// Decoded claim bodies by signature: the claims of one draft sentence meet the same candidates, and a server
    /// checks many drafts against the same base. Keyed by content, so never stale.
    private let decodedClaims = ClaimCache()
    /// The first occurrences of the claims looked up: one query per candidate claim otherwise.
    let occurrenceCache = OccurrenceCache()

    /// Opens a store, creating it when asked.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: create the file (and its folder) when missing; otherwise a missing store is an error.
    /// - Throws: `FactStoreError` for a missing store, a file that is not SQLite, an SQLite database of another
    ///   program, a damaged file, or one written by a newer factcheck.
    public init(path: String, create: Bool) throws(FactStoreError) {
        self.path = path
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            try Self.checkHeader(path)
        } else if create {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            } catch {
                throw FactStoreError(path: path, message: "cannot create the folder for the fact base: \(error.localizedDescription)",
                                     hint: "check the 'factbase' path and its permissions")
            }
        } else {
            throw .missing(path)
        }
        var configuration = GRDB.Configuration()
        // Two runs at once (a hook and an editor, the parallel test suite) wait for each other's writes.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.translate(error, path: path)
        }
        do {
            let (applicationID, tableCount) = try database.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
            }
            if applicationID != FactStoreSchema.applicationID, tableCount > 0 { throw FactStoreError.foreign(path) }
            let migrator = FactStoreSchema.migrator
            if try database.read({ db in try migrator.hasBeenSuperseded(db) }) { throw FactStoreError.newerSchema(path) }
            try migrator.migrate(database)
        } catch let error as FactStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Opens the store a rule set may use: it must have been built by these rules (or be empty).
    /// - Throws: `FactStoreError.builtByOtherRules` when the rules changed since the base was built.
    public static func openForChecking(path: String, rules: RuleSet) throws(FactStoreError) -> FactStore {
        let store = try FactStore(path: path, create: false)
        guard try store.isBuilt(by: rules) else { throw .builtByOtherRules(path) }
        return store
    }

    /// The fingerprint a store records: the rules and lexicon files' contents, the schema and the record layout.
    public static func fingerprint(of rules: RuleSet) -> String {
        "\(rules.fingerprint)-s\(FactStoreSchema.version)-r\(FactRecord.layoutVersion)"
    }

    /// Whether this store was built by `rules`; an empty store fits any rules.
    public func isBuilt(by rules: RuleSet) throws(FactStoreError) -> Bool {
        let recorded = try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules_fingerprint'") }
        return recorded == nil || recorded == "" || recorded == Self.fingerprint(of: rules)
    }

    // MARK: Reading

    /// The documents of the base, by path.
    public func documents() throws(FactStoreError) -> [StoredDocument] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, content_hash, size, date, fact_count FROM documents ORDER BY path").map { row in
                StoredDocument(path: row[0], contentHash: row[1], size: row[2], date: Self.date(from: row[3]),
                               factCount: row[4])
            }
        }
    }

    /// Counts and sizes.
    public func statistics() throws(FactStoreError) -> FactStoreStatistics {
        let counts = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(size), 0) FROM documents),
                       (SELECT count(*) FROM facts), (SELECT count(*) FROM terms), (SELECT count(*) FROM postings),
                       (SELECT count(*) FROM entities), (SELECT value FROM meta WHERE key = 'sentence_count'),
                       (SELECT value FROM meta WHERE key = 'rules_fingerprint'), (SELECT count(*) FROM claims)
                """)
        }
        guard let counts else { throw .corrupt(path, detail: "no statistics") }
        var fileBytes = 0
        for suffix in ["", "-wal"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.intValue
            fileBytes += size ?? 0
        }
        return FactStoreStatistics(documents: counts[0], sourceBytes: counts[1], facts: counts[2], terms: counts[3],
                                   postings: counts[4], entities: counts[5],
                                   sentences: Int(counts[6] as String? ?? "0") ?? 0,
                                   rulesFingerprint: counts[7] ?? "", fileBytes: fileBytes, distinctClaims: counts[8])
    }

    /// SQLite's own consistency check: "ok", or what is wrong.
    public func integrityCheck() throws(FactStoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    // MARK: FactSource

    public func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) throws(FactStoreError) -> [Fact] {
        let valueClass = ValueIndex.valueClass(of: claim.value)
        let key = Self.key(of: claim)
        let total = terms.reduce(0) { $0 + $1.weight * $1.rarity }
        // A hair below, so that rounding in SQLite's sum never drops a fact that reaches the overlap exactly.
        let needed = minimumOverlap * total * (1 - 1e-9)
        return try read { db in
            var stored: [(id: Int64, sentences: Int, term: WeightedTerm)] = []
            if !terms.isEmpty {
                let byName = Dictionary(terms.map { ($0.term, $0) }, uniquingKeysWith: { first, _ in first })
                let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, sentences, term FROM terms WHERE term IN (\(databaseQuestionMarks(count: terms.count)))"),
                                            arguments: StatementArguments(terms.map(\.term)))
                stored = rows.compactMap { row in byName[row[2] as String].map { (row[0], row[1], $0) } }
            }
            // MaxScore: the commonest terms, as long as their mass together falls short of what a fact needs, cannot
            // lift one to it alone: a candidate must share some rarer term, so their long posting lists are never
            // read. Their mass still counts towards each candidate's bound.
            stored.sort { $0.sentences != $1.sentences ? $0.sentences > $1.sentences : $0.term.term < $1.term.term }
            var skippedMass = 0.0
            var driving = stored[...]
            while let first = driving.first, skippedMass + first.term.weight * first.term.rarity < needed {
                skippedMass += first.term.weight * first.term.rarity
                driving = driving.dropFirst()
            }
            var arguments: [any DatabaseValueConvertible] = []
            var sources: [String] = []
            var with = ""
            if !driving.isEmpty {
                with = "WITH query(term_id, weight, rarity) AS (VALUES "
                    + Array(repeating: "(?, ?, ?)", count: driving.count).joined(separator: ", ") + ") "
                for item in driving { arguments += [item.id, item.term.weight, item.term.rarity] }
                sources.append("""
                    SELECT p.claim_id FROM query q JOIN postings p ON p.term_id = q.term_id AND p.value_class = ?
                    GROUP BY p.claim_id HAVING sum(min(p.weight, q.weight) * q.rarity) + ? >= ?
                    """)
                arguments += [valueClass, skippedMass, needed]
            }
            if !key.isEmpty {
                sources.append("SELECT id FROM claims WHERE value_class = ? AND key = ?")
                arguments += [valueClass, key]
            }
            guard !sources.isEmpty else { return [] }
            arguments += [key, key]
            let sql = with + """
                SELECT id, signature, body FROM claims
                WHERE id IN (\(sources.joined(separator: " UNION "))) AND (key = ? OR key = '' OR ? = '')
                """
            return try facts(db, claimsSQL: sql, arguments: StatementArguments(arguments), copies: Self.copiesAligned)
        }
    }

    public func factsWithValue(near claim: Claim, offset: Int, limit: Int) throws(FactStoreError) -> [Fact] {
        let valueClass = Double(ValueIndex.valueClass(of: claim.value))
        let (low, high) = ValueIndex.interval(of: claim.value)
        let key = Self.key(of: claim)
        return try read { db in
            try facts(db, claimsSQL: """
                SELECT c.id, c.signature, c.body FROM claim_values v JOIN claims c ON c.id = v.id
                WHERE v.class_low <= ? AND v.class_high >= ? AND v.low <= ? AND v.high >= ?
                  AND (c.key = ? OR c.key = '' OR ? = '')
                ORDER BY c.id LIMIT ? OFFSET ?
                """, arguments: [valueClass, valueClass, high, low, key, key, limit, offset], copies: 1)
        }
    }

    public func weight(ofTerm term: String) throws(FactStoreError) -> Double {
        let (frequency, sentences) = try read { db in
            (try Int.fetchOne(db.cachedStatement(sql: "SELECT sentences FROM terms WHERE term = ?"), arguments: [term]) ?? 0,
             try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sentence_count'")) ?? 0)
        }
        return Self.weight(sentenceFrequency: frequency, sentenceCount: sentences)
    }

    public func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double] {
        guard !terms.isEmpty else { return [:] }
        let (frequencies, sentences) = try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT term, sentences FROM terms WHERE term IN (\(databaseQuestionMarks(count: terms.count)))"),
                                        arguments: StatementArguments(terms))
            return (Dictionary(rows.map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: { first, _ in first }),
                    try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sentence_count'")) ?? 0)
        }
        var weights: [String: Double] = [:]
        for term in terms { weights[term] = Self.weight(sentenceFrequency: frequencies[term] ?? 0, sentenceCount: sentences) }
        return weights
    }

    public func knowsAnyName(in names: Set<String>) throws(FactStoreError) -> Bool {
        guard !names.isEmpty else { return false }
        let list = Array(names)
        return try read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM name_terms WHERE term IN (\(databaseQuestionMarks(count: list.count))))"),
                              arguments: StatementArguments(list)) ?? false
        }
    }

    public func origin(of fact: Fact) throws(FactStoreError) -> FactOrigin {
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT d.path, d.date, f.passage FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = ?
                """, arguments: [fact.index])
        }
        guard let row, let passage = FactRecord.decodePassage([UInt8](row[2] as Data), value: fact.claim.value) else {
            throw .corrupt(path, detail: "fact \(fact.index) is missing or unreadable")
        }
        return FactOrigin(source: PathExpander.displayPath(row[0]), sourceDate: Self.date(from: row[1]), passage: passage)
    }

    // MARK: Helpers

    /// A claim's key as stored: its canonical terms joined by a unit separator.
    static func key(of claim: Claim) -> String { claim.key.joined(separator: "\u{1F}") }

    /// How many occurrences of one claim body the aligner gets: equal bodies align identically with any draft
    /// claim, ties go to the lower fact id, and `Comparator.verdict` looks past the first occurrence only for a
    /// runner-up distinct from it. Two are all a verdict can use, whether the wire story ran in two papers or in
    /// two hundred.
    static let copiesAligned = 2

    /// The facts of the claims a query selects (`id`, `signature`, `body` columns): the first `copies`
    /// occurrences of each, in fact id order.
    private func facts(_ db: Database, claimsSQL: String, arguments: StatementArguments, copies: Int) throws -> [Fact] {
        var facts: [Fact] = []
        occurrenceCache.validate(dataVersion: try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0)
        let occurrences = try db.cachedStatement(sql: "SELECT id, document_id FROM facts WHERE claim_id = ? ORDER BY id LIMIT ?")
        // Cached: the query's text depends only on how many terms drive it, so it repeats from claim to claim.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: claimsSQL), arguments: arguments)
        while let row = try rows.next() {
            let claimID: Int64 = row[0]
            let signature: String = row[1]
            let claim: Claim
            if let cached = decodedClaims[signature] {
                claim = cached
            } else {
                guard let decoded = try row.withUnsafeData(atIndex: 2, { data in data.flatMap { FactRecord.decodeBody([UInt8]($0)) } }) else {
                    throw FactStoreError.corrupt(path, detail: "claim \(claimID) is unreadable")
                }
                decodedClaims[signature] = decoded
                claim = decoded
            }
            var first = occurrenceCache[claimID] ?? []
            if first.count < min(copies, Self.copiesAligned) {
                first = try Row.fetchAll(occurrences, arguments: [claimID, Self.copiesAligned]).map { ($0[0], $0[1]) }
                occurrenceCache[claimID] = first
            }
            for occurrence in first.prefix(copies) {
                facts.append(Fact(claim: claim, index: occurrence.fact, documentIndex: occurrence.document))
            }
        }
        return facts.sorted { $0.index < $1.index }
    }

    /// A publication date as stored: "year-month-day", parts left empty when unknown.
    static func text(of date: DateValue?) -> String? {
        guard let date else { return nil }
        return [date.year, date.month, date.day].map { $0.map(String.init) ?? "" }.joined(separator: "-")
    }

    static func date(from text: String?) -> DateValue? {
        guard let text else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3 else { return nil }
        return DateValue(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Runs a read, turning database errors into `FactStoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(FactStoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as FactStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The store's first bytes must be SQLite's header; an empty file is a fresh database.
    private static func checkHeader(_ path: String) throws(FactStoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FactStoreError(path: path, message: "cannot read the fact base", hint: "check its permissions")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty, header != Data("SQLite format 3\0".utf8) { throw .notSQLite(path) }
    }

    /// SQLite's "not a database" and "corrupt" become a clear message; anything else is reported as it is.
    static func translate(_ error: any Error, path: String) -> FactStoreError {
        if let error = error as? FactStoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return .notSQLite(path)
            case .SQLITE_CORRUPT: return .corrupt(path, detail: error.message ?? "SQLITE_CORRUPT")
            default: break
            }
        }
        return .database(path, error)
    }
}
