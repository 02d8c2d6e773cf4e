import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The fact base as one SQLite file (`.factcheck/facts.sqlite` by default): built once, grown incrementally by
/// content hash, and queried by the aligner without loading it whole.
///
/// Every change is one transaction in WAL mode, so an interrupted build leaves the previous base intact, and
/// readers (a running `check`) never see half a change. A new store is built whole beside its path and renamed
/// into place (`build(at:...)`), so that its path holds nothing until the base is complete. The store records the
/// fingerprint of the rules that built it; a store built by other rules is refused until rebuilt.
public final class FactStore: FactSource, @unchecked Sendable {
    // @unchecked: the only state is the database queue (itself Sendable and serialized) and immutable values.

    /// The store's path.
    public let path: String
    let database: DatabaseQueue
    /// Terms, postings, claims and occurrences already read (see `StoreReadCache`).
    private let cache = StoreReadCache()
    /// Past this many claims, the R*Tree's answer for a value is not listed (`defaultOverlapListLimit`).
    let overlapListLimit: Int

    /// Opens a store, creating it when asked.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: create the file (and its folder) when missing; otherwise a missing store is an error.
    /// - Throws: `FactStoreError` for a missing store, a file that is not SQLite, an SQLite database of another
    ///   program, a damaged file, or one written by a newer factcheck.
    public convenience init(path: String, create: Bool) throws(FactStoreError) {
        try self.init(path: path, create: create, stagedAt: nil)
    }

    /// Opens a store, or the staging file a new store is built in (`build(at:files:extractor:loader:progress:)`).
    /// - Parameter staging: the file to open instead of `path`, without a journal (a fresh file that is renamed
    ///   to `path` once complete needs none); messages still name `path`.
    /// - Parameter overlapListLimit: see `defaultOverlapListLimit` (tests lower it).
    init(path: String, create: Bool, stagedAt staging: String?,
         overlapListLimit: Int = FactStore.defaultOverlapListLimit) throws(FactStoreError) {
        self.path = path
        self.overlapListLimit = overlapListLimit
        let file = staging ?? path
        let manager = FileManager.default
        if manager.fileExists(atPath: file) {
            try Self.checkHeader(file)
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
        // A store this user may not write (another user's archive, a read-only mount) is opened for reading: asking
        // for the WAL journal is a write, which failed before anything could be read. Writes then fail in SQLite.
        let readOnly = staging == nil && !create && access(file, W_OK) != 0
        var configuration = GRDB.Configuration()
        configuration.readonly = readOnly
        // Two runs at once (a hook and an editor, the parallel test suite) wait for each other's writes.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // temp_store: an add is one long transaction, in which each insert into the R*Tree and the unique
            // indexes keeps a statement journal to undo it alone; on disk (SQLite's default) that was some 15
            // page writes to a file in /var/tmp for every document added.
            //
            // A staging file is new: its pages lie past the file's first size, which a rollback journal never
            // copies, so a journal in memory costs nothing and still undoes a failed add; nothing is synced,
            // since the file is discarded unless complete. The WAL would write every page twice (to the log, then
            // into the file): building 5,000 documents, 12,720 pwrite and 4,215 pread calls against 4,247 and 14.
            let journal = staging == nil ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                         : "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; "
            try db.execute(sql: (readOnly ? "" : journal) + "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        }
        do {
            database = try DatabaseQueue(path: file, configuration: configuration)
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
            if readOnly {
                guard try database.read({ db in try migrator.hasCompletedMigrations(db) }) else {
                    throw FactStoreError(path: path, message: "was written by an older factcheck, and this user may not write it",
                                         hint: "run `factcheck base rebuild` as a user who may write it")
                }
            } else {
                try migrator.migrate(database)
            }
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

    /// The fingerprint a store records: the rules and lexicon files' contents, the schema, the record layout and
    /// the version of the readings (`ClaimExtractor.readingsVersion`).
    public static func fingerprint(of rules: RuleSet) -> String {
        "\(rules.fingerprint)-s\(FactStoreSchema.version)-r\(FactRecord.layoutVersion)-x\(ClaimExtractor.readingsVersion)"
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
                       (SELECT value FROM meta WHERE key = 'rules_fingerprint'), (SELECT count(*) FROM claims),
                       (SELECT count(*) FROM contexts)
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
                                   rulesFingerprint: counts[7] ?? "", fileBytes: fileBytes, distinctClaims: counts[8],
                                   distinctContexts: counts[9])
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
            let rows = try termRows(db, terms.map(\.term))
            let stored = terms.compactMap { term in rows[term.term].map { (id: $0.id, sentences: $0.sentences, term: term) } }
            let (driving, skippedMass) = WeightedTerm.maxScoreCut(stored, needed: needed, sentences: \.sentences, term: \.term)
            // Overlap is a context's: the claims of one context (one sentence with different figures) share it.
            var overlaps: [Int64: Double] = [:]
            for item in driving {
                for posting in try postings(db, StoreReadCache.PostingList(term: item.id, valueClass: valueClass)) {
                    overlaps[posting.context, default: 0] += min(posting.weight, item.term.weight) * item.term.rarity
                }
            }
            var candidates = Set(overlaps.compactMap { $0.value + skippedMass >= needed ? $0.key : nil })
            var keyed: Set<Int64> = []
            // Contexts of the claim's key, or of one a level broader or narrower ("people", "climbers"), may align
            // whatever context they share, as they do in an in-memory base.
            let relatedKeys = Self.relatedKeys(of: claim)
            if !key.isEmpty {
                for alignedKey in [key] + relatedKeys {
                    keyed.formUnion(try keyedContexts(db, StoreReadCache.KeyedContexts(valueClass: valueClass, key: alignedKey)))
                }
                candidates.formUnion(keyed)
            }
            let contexts = try contextRows(db, Array(candidates))
            // A context of another key never aligns (`Aligner.keyMatch`): its claims are not fetched.
            let fitting = candidates.filter {
                key.isEmpty || contexts[$0].map { $0.key.isEmpty || $0.key == key || relatedKeys.contains($0.key) } ?? false
            }
            let claimCount = fitting.reduce(0) { $0 + (contexts[$1]?.claimCount ?? 0) }
            let claims: [Int64]
            if claimCount > Self.candidateLimit {
                let bounds = Dictionary(uniqueKeysWithValues: fitting.map { context in
                    let overlap = total > 0 ? min(1, ((overlaps[context] ?? 0) + skippedMass) / total) : 0
                    return (context, keyed.contains(context) ? Aligner.score(overlap: overlap, exactKey: true) : overlap)
                })
                claims = try strongest(db, claim: claim, bounds: bounds)
            } else {
                claims = try fitting.flatMap { try members(db, ofContext: $0) }.sorted()
            }
            return try facts(db, claims: claims, copies: Self.copiesAligned)
        }
    }

    /// How many candidate claims of a draft claim the aligner weighs at most whose value cannot agree with it (see
    /// `strongest(_:claim:bounds:)`). The benchmark archive's draft claims meet at
    /// most 108 candidates; an archive that states one sentence with hundreds of different figures (monthly
    /// rates, or the stress archive's varied copies) meets tens of thousands, and aligning them all took seconds
    /// and a gigabyte per draft.
    static let candidateLimit = 512
    /// How many candidate claims whose value may agree the aligner weighs at most: more than of the others, as
    /// support turns on the best aligned of them, and a one-sided figure ("below $25 billion") may agree with
    /// most figures of a base. On the stress archive 512 turned one supported claim of the 1,000-word draft
    /// into a contradiction; with 2,048 its 89 verdicts are those of the uncapped comparison.
    static let agreeingCandidateLimit = 4 * candidateLimit

    /// The candidate claims worth aligning when the candidate contexts hold more than `candidateLimit`: the
    /// `agreeingCandidateLimit` best of those whose value may agree with the claim's (the R*Tree's superset), and
    /// the `candidateLimit` best of the others, by the most their context's alignment can score (`bounds`: a
    /// matching key lifts it, see `Aligner`), ties to the older claim. Keeping the possibly agreeing ones apart
    /// means a source that states the value is not crowded out by hundreds that state others. What the limits
    /// can change is which refuting fact is shown when more than 512 refute the claim about as well, and support
    /// when more than 2,048 sources may state its value.
    private func strongest(_ db: Database, claim: Claim, bounds: [Int64: Double]) throws -> [Int64] {
        let interval = StoreReadCache.ValueInterval(of: claim.value)
        // A value with no single axis (a time, an ordinal) may agree with any: no need to ask the R*Tree.
        let anyMayAgree = interval.low <= -ValueIndex.unbounded && interval.high >= ValueIndex.unbounded
        let overlap = anyMayAgree ? nil : try valueOverlap(db, interval)
        // A level of bound at a time, best first, each level in id order. Every list below is sorted by id, so
        // only the first `room` ids of each context are looked at: a context of a hundred thousand claims is
        // never copied, filtered and sorted whole to keep a few hundred.
        var levels: [Double: [Int64]] = [:]
        for (context, bound) in bounds { levels[bound, default: []].append(context) }
        let order = levels.keys.sorted(by: >)
        var kept: [Int64] = []
        if let overlap {
            for bound in order {
                let room = Self.agreeingCandidateLimit - kept.count
                guard room > 0 else { break }
                kept += Self.smallest(room, of: try levels[bound]!.map { context in
                    try overlap.agreeing(first: room, ofContext: context) { try members(db, ofContext: context) }
                })
            }
        }
        // Then the others, whose value cannot agree; the contexts of the levels past the limit are never expanded
        // into their claims.
        var others: [Int64] = []
        for bound in order {
            let room = overlap == nil ? Self.agreeingCandidateLimit - kept.count : Self.candidateLimit - others.count
            guard room > 0 else { break }
            let lists = try levels[bound]!.map { context in
                guard let overlap else { return try members(db, ofContext: context).prefix(room) }
                return try overlap.disagreeing(first: room, ofContext: context) { try members(db, ofContext: context) }
            }
            if overlap == nil { kept += Self.smallest(room, of: lists) } else { others += Self.smallest(room, of: lists) }
        }
        return (kept + others).sorted()
    }

    /// The `count` smallest ids of lists sorted ascending.
    private static func smallest(_ count: Int, of lists: [ArraySlice<Int64>]) -> [Int64] {
        if lists.count == 1 { return Array(lists[0].prefix(count)) }
        return Array(lists.flatMap { $0.prefix(count) }.sorted().prefix(count))
    }

    /// Past this many claims, the R*Tree's answer for an interval is not listed: the claims that do not overlap
    /// are, which then are fewer as a rule. A draft's one-sided figure ("below $25 billion") overlaps nearly every
    /// figure of a base: on the stress archive 421,226 claims, against 32,234 that it does not.
    static let defaultOverlapListLimit = 100_000

    /// Which claims of the interval's class may agree with it (`ValueOverlap`), by context: a draft states its
    /// figures more than once, and the aligner asks again with a lower overlap.
    private func valueOverlap(_ db: Database, _ interval: StoreReadCache.ValueInterval) throws -> ValueOverlap {
        if let overlap = cache.read({ $0.valueOverlaps[interval] }) { return overlap }
        let limit = overlapListLimit
        let overlap: ValueOverlap
        if let overlapping = try claimsByContext(db, interval, whose: "low <= :high AND high >= :low", limit: limit) {
            overlap = .overlapping(overlapping)
        } else if let below = try claimsByContext(db, interval, whose: "high < :low", limit: limit),
                  let above = try claimsByContext(db, interval, whose: "low > :high", limit: limit) {
            // The two never share a claim (a claim's low is at most its high).
            overlap = .allBut(below.merging(above) { ($0 + $1).sorted() })
        } else {
            // Both sides are large: the overlapping claims, listed whole.
            overlap = .overlapping(try claimsByContext(db, interval, whose: "low <= :high AND high >= :low", limit: nil)!)
        }
        cache.add(entries: overlap.count + 1) { $0.valueOverlaps[interval] = overlap }
        return overlap
    }

    /// The claims of the interval's class whose indexed interval meets `condition` (on the R*Tree's `low` and
    /// `high`, with `:low` and `:high` the interval's ends), by context, ids ascending; nil when there are more
    /// than `limit`.
    private func claimsByContext(_ db: Database, _ interval: StoreReadCache.ValueInterval, whose condition: String,
                                 limit: Int?) throws -> [Int64: [Int64]]? {
        let statement = try db.cachedStatement(sql: """
            SELECT id, context_id FROM claim_values WHERE class_low <= :class AND class_high >= :class AND \(condition)
            """ + (limit.map { " LIMIT \($0 + 1)" } ?? ""))
        try statement.setArguments(["class": Double(interval.valueClass), "low": interval.low, "high": interval.high])
        var claims: [Int64: [Int64]] = [:]
        var count = 0
        let complete = try Self.forEachRow(of: statement) { handle in
            count += 1
            if let limit, count > limit { return false }
            claims[sqlite3_column_int64(handle, 1), default: []].append(sqlite3_column_int64(handle, 0))
            return true
        }
        guard complete else { return nil }
        for context in claims.keys { claims[context]!.sort() }
        return claims
    }

    /// Steps through the rows of `statement` (its arguments set), handing `body` the SQLite handle to read the
    /// current row's columns from, until the rows end or `body` returns false; then resets the statement.
    /// GRDB's `Row` decodes each column through generic conversions, and a check of an archive with many figures
    /// reads hundreds of thousands of these rows.
    /// - Returns: whether every row was read.
    private static func forEachRow(of statement: Statement, _ body: (SQLiteStatement) -> Bool) throws -> Bool {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                if !body(handle) { return false }
            case SQLITE_DONE:
                return true
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                    sql: statement.sql)
            }
        }
    }

    public func factsWithValue(near claim: Claim, offset: Int, limit: Int) throws(FactStoreError) -> [Fact] {
        let near = StoreReadCache.NearValues(interval: StoreReadCache.ValueInterval(of: claim.value), key: Self.key(of: claim))
        return try read { db in
            let ids = try claims(db, near: near)
            guard offset < ids.count else { return [] }
            return try facts(db, claims: Array(ids[offset..<min(ids.count, offset + limit)]), copies: 1)
        }
    }

    /// The first claims, by id, that may agree with a value: as many as the aligner pages through, read at once
    /// from the claims whose value overlaps (paging with OFFSET made SQLite collect and sort every near claim
    /// again for each page: a value with no single axis is near every claim of its class).
    private func claims(_ db: Database, near: StoreReadCache.NearValues) throws -> [Int64] {
        try validateCache(db)
        if let ids = cache.read({ $0.nearValues[near] }) { return ids }
        let wanted = Aligner.valuePageSize * Aligner.valuePageLimit
        var ids: [Int64] = []
        switch try valueOverlap(db, near.interval) {
        case let .overlapping(overlapping):
            let contexts = try contextRows(db, Array(overlapping.keys))
            let fitting = overlapping.filter { context, _ in
                guard let key = contexts[context]?.key else { return false }
                return near.key.isEmpty || key.isEmpty || key == near.key
            }
            ids = Array(fitting.values.joined().sorted().prefix(wanted))
        case let .allBut(others):
            // Most claims of the class overlap: the first of them in id order, read until enough are found.
            let skipped = Set(others.values.joined())
            let rows = try Int64.fetchCursor(db.cachedStatement(sql: """
                SELECT claims.id FROM claims JOIN contexts ON contexts.id = claims.context_id
                WHERE contexts.value_class = :class AND (:key = '' OR contexts.key = '' OR contexts.key = :key)
                ORDER BY claims.id
                """), arguments: ["class": near.interval.valueClass, "key": near.key])
            while ids.count < wanted, let id = try rows.next() {
                if !skipped.contains(id) { ids.append(id) }
            }
        }
        cache.add(entries: ids.count + 1) { $0.nearValues[near] = ids }
        return ids
    }

    public func weight(ofTerm term: String) throws(FactStoreError) -> Double {
        try weights(ofTerms: [term])[term] ?? 1
    }

    public func weights(ofTerms terms: [String]) throws(FactStoreError) -> [String: Double] {
        guard !terms.isEmpty else { return [:] }
        let (rows, sentences) = try read { db in (try termRows(db, terms), try sentenceCount(db)) }
        var weights: [String: Double] = [:]
        for term in terms { weights[term] = Self.weight(sentenceFrequency: rows[term]?.sentences ?? 0, sentenceCount: sentences) }
        return weights
    }

    /// The rows of those of `terms` that the base knows, from the cache or in one query.
    private func termRows(_ db: Database, _ terms: [String]) throws -> [String: StoreReadCache.TermRow] {
        try validateCache(db)
        var rows: [String: StoreReadCache.TermRow] = [:]
        let missing = cache.read { contents in
            terms.filter { term in
                guard let row = contents.terms[term] else { return true }
                if let row { rows[term] = row }
                return false
            }
        }
        guard !missing.isEmpty else { return rows }
        var found: [String: StoreReadCache.TermRow] = [:]
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: "SELECT term, id, sentences FROM terms WHERE term IN (\(databaseQuestionMarks(count: missing.count)))"),
                                         arguments: StatementArguments(missing))
        while let row = try cursor.next() { found[row[0]] = StoreReadCache.TermRow(id: row[1], sentences: row[2]) }
        cache.add(entries: missing.count) { contents in
            for term in missing { contents.terms[term] = .some(found[term]) }
        }
        return rows.merging(found) { first, _ in first }
    }

    /// How many sentences the base holds (the rarity of a term is measured against it).
    private func sentenceCount(_ db: Database) throws -> Int {
        try validateCache(db)
        if let count = cache.read(\.sentenceCount) { return count }
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sentence_count'")) ?? 0
        cache.add(entries: 1) { $0.sentenceCount = count }
        return count
    }

    /// The contexts of a value class that hold a term, with the term's weight in each.
    private func postings(_ db: Database, _ list: StoreReadCache.PostingList) throws -> [(context: Int64, weight: Double)] {
        if let postings = cache.read({ $0.postings[list] }) { return postings }
        var postings: [(context: Int64, weight: Double)] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT context_id, weight FROM postings WHERE term_id = ? AND value_class = ?"),
                                       arguments: [list.term, list.valueClass])
        while let row = try rows.next() { postings.append((row[0], row[1])) }
        cache.add(entries: postings.count + 1) { $0.postings[list] = postings }
        return postings
    }

    /// The contexts of a value class with a key.
    private func keyedContexts(_ db: Database, _ list: StoreReadCache.KeyedContexts) throws -> [Int64] {
        if let ids = cache.read({ $0.keyedContexts[list] }) { return ids }
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM contexts WHERE value_class = ? AND key = ?"),
                                     arguments: [list.valueClass, list.key])
        cache.add(entries: ids.count + 1) { $0.keyedContexts[list] = ids }
        return ids
    }

    /// The key and claim count of contexts, from the cache or the store.
    private func contextRows(_ db: Database, _ ids: [Int64]) throws -> [Int64: StoreReadCache.ContextRow] {
        try rows(ids, cached: \.contextRows, db, sql: "SELECT id, key, claim_count FROM contexts") { row in
            StoreReadCache.ContextRow(key: row[1], claimCount: row[2])
        }
    }

    /// Contexts decoded, from the cache or the store.
    private func decodedContexts(_ db: Database, _ ids: [Int64]) throws -> [Int64: StoredContext] {
        try rows(ids, cached: \.contexts, db, sql: "SELECT id, body FROM contexts") { row in
            guard let context = try row.withUnsafeData(atIndex: 1, { data in data.flatMap { FactRecord.decodeContext([UInt8]($0)) } }) else {
                let id: Int64 = row[0]
                throw FactStoreError.damagedRecord(path, document: documentPath(db, ofContext: id),
                                                   record: "claim context \(id)")
            }
            return context
        }
    }

    /// Rows by id: those in the cache at `entries`, the others read by `sql` (a SELECT whose first column is the
    /// id, completed here by the ids wanted) and made entries by `entry`, then cached.
    private func rows<Entry>(_ ids: [Int64], cached entries: WritableKeyPath<StoreReadCache.Contents, [Int64: Entry]>,
                             _ db: Database, sql: String, entry: (Row) throws -> Entry) throws -> [Int64: Entry] {
        var found: [Int64: Entry] = [:]
        let missing = cache.read { contents in
            ids.filter { id in
                guard let entry = contents[keyPath: entries][id] else { return true }
                found[id] = entry
                return false
            }
        }
        guard !missing.isEmpty else { return found }
        var read: [(Int64, Entry)] = []
        // In slices: SQLite takes at most 32,766 parameters a statement.
        for start in stride(from: 0, to: missing.count, by: 10_000) {
            let slice = Array(missing[start..<min(missing.count, start + 10_000)])
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: "\(sql) WHERE id IN (\(databaseQuestionMarks(count: slice.count)))"),
                                             arguments: StatementArguments(slice))
            while let row = try cursor.next() { read.append((row[0], try entry(row))) }
        }
        cache.add(entries: read.count) { contents in
            for (id, entry) in read { contents[keyPath: entries][id] = entry }
        }
        for (id, entry) in read { found[id] = entry }
        return found
    }

    /// The claims of a context, by id.
    private func members(_ db: Database, ofContext id: Int64) throws -> [Int64] {
        if let ids = cache.read({ $0.members[id] }) { return ids }
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM claims WHERE context_id = ? ORDER BY id"),
                                     arguments: [id])
        cache.add(entries: ids.count + 1) { $0.members[id] = ids }
        return ids
    }

    /// Empties the cache when the database changed since it was filled (another process committed).
    private func validateCache(_ db: Database) throws {
        cache.validate(dataVersion: try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0)
    }

    /// Forgets what was read, after this store's own writes (which `PRAGMA data_version` does not count).
    func forgetCachedReads() {
        cache.removeAll()
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
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.path, d.date, f.passage FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = ?
                """), arguments: [fact.index])
        }
        guard let row else { throw .corrupt(path, detail: "fact \(fact.index) is missing") }
        guard let passage = FactRecord.decodePassage([UInt8](row[2] as Data), value: fact.claim.value) else {
            throw .damagedRecord(path, document: row[0], record: "the passage of fact \(fact.index)")
        }
        return FactOrigin(source: PathExpander.displayPath(row[0]), sourceDate: Self.date(from: row[1]), passage: passage)
    }

    // MARK: Helpers

    /// A document that states a claim of context `id`, to name in the error about its damaged record.
    private func documentPath(_ db: Database, ofContext id: Int64) -> String? {
        try? String.fetchOne(db, sql: """
            SELECT d.path FROM claims c JOIN facts f ON f.claim_id = c.id JOIN documents d ON d.id = f.document_id
            WHERE c.context_id = ? LIMIT 1
            """, arguments: [id])
    }

    /// A document that states claim `id`, likewise.
    private func documentPath(_ db: Database, ofClaim id: Int64) -> String? {
        try? String.fetchOne(db, sql: """
            SELECT d.path FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.claim_id = ? LIMIT 1
            """, arguments: [id])
    }

    /// A claim's key as stored: its canonical terms joined by a unit separator.
    static func key(of claim: Claim) -> String { storedKey(claim.key) }
    /// The keys one level broader or narrower than a claim's (`Claim.relatedKeys`), as `key(of:)` stores them.
    static func relatedKeys(of claim: Claim) -> [String] { claim.relatedKeys.map(storedKey) }
    /// A key's terms as stored: joined by a unit separator.
    private static func storedKey(_ terms: [String]) -> String { terms.joined(separator: "\u{1F}") }

    /// How many occurrences of one claim body the aligner gets: equal bodies align identically with any draft
    /// claim, ties go to the lower fact id, and `Comparator.verdict` looks past the first occurrence only for a
    /// runner-up distinct from it. Two are all a verdict can use, whether the wire story ran in two papers or in
    /// two hundred.
    static let copiesAligned = 2

    /// The facts of `claims` (ids, ascending): the first `copies` occurrences of each, in fact id order.
    private func facts(_ db: Database, claims ids: [Int64], copies: Int) throws -> [Fact] {
        try validateCache(db)
        // By position in `ids`, not in dictionaries: a capped draft claim meets a few thousand claims, and hashing
        // each id again at every step was a tenth of a warm check of the stress archive.
        var claims = [StoreReadCache.StoredClaim?](repeating: nil, count: ids.count)
        var cachedOccurrences = [[(fact: Int, document: Int)]?](repeating: nil, count: ids.count)
        // One look at the cache for them all.
        cache.read { contents in
            for (position, id) in ids.enumerated() {
                claims[position] = contents.claims[id]
                cachedOccurrences[position] = contents.occurrences[id]
            }
        }
        let missing = ids.indices.filter { claims[$0] == nil }
        if !missing.isEmpty {
            var positions: [Int64: [Int]] = [:]
            for position in missing { positions[ids[position], default: []].append(position) }
            var values: [(id: Int64, context: Int64, value: Value)] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, context_id, value FROM claims WHERE id IN (\(databaseQuestionMarks(count: positions.count)))"),
                                           arguments: StatementArguments(Array(positions.keys)))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard let value = try row.withUnsafeData(atIndex: 2, { data in data.flatMap { FactRecord.decodeValue([UInt8]($0)) } }) else {
                    throw FactStoreError.damagedRecord(path, document: documentPath(db, ofClaim: id), record: "claim \(id)")
                }
                values.append((id, row[1], value))
            }
            let contexts = try decodedContexts(db, Array(Set(values.map(\.context))))
            var read: [(Int64, StoreReadCache.StoredClaim)] = []
            for (id, context, value) in values {
                guard let stored = contexts[context] else {
                    throw FactStoreError.corrupt(path, detail: "claim \(id) has no context")
                }
                let claim = StoreReadCache.StoredClaim(context: context, shared: SharedClaim(stored.claim(value: value)))
                read.append((id, claim))
                for position in positions[id] ?? [] { claims[position] = claim }
            }
            cache.add(entries: read.count) { contents in
                for (id, stored) in read { contents.claims[id] = stored }
            }
        }
        var facts: [Fact] = []
        facts.reserveCapacity(ids.count)
        for position in ids.indices {
            guard let stored = claims[position] else { continue }
            for occurrence in try (cachedOccurrences[position] ?? occurrences(db, of: ids[position])).prefix(copies) {
                facts.append(Fact(shared: stored.shared, index: occurrence.fact, documentIndex: occurrence.document,
                                  group: Int(stored.context)))
            }
        }
        // Fact ids are sorted rather than facts: each carries a whole claim, and moving those dominated the sort.
        return facts.indices.map { (facts[$0].index, $0) }.sorted { $0.0 < $1.0 }.map { facts[$0.1] }
    }

    /// The first `copiesAligned` occurrences (fact id, document id) of a claim.
    private func occurrences(_ db: Database, of claim: Int64) throws -> [(fact: Int, document: Int)] {
        if let first = cache.read({ $0.occurrences[claim] }) { return first }
        let first: [(fact: Int, document: Int)] = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, document_id FROM facts WHERE claim_id = ? ORDER BY id LIMIT ?"),
            arguments: [claim, Self.copiesAligned]).map { ($0[0], $0[1]) }
        cache.add(entries: 1) { $0.occurrences[claim] = first }
        return first
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

    /// Runs a read, turning database errors into `FactStoreError`. Inside `readingConsistently` it joins that
    /// read transaction; otherwise it opens its own.
    func read<T>(_ body: (Database) throws -> T) throws(FactStoreError) -> T {
        do {
            return try database.unsafeReentrantRead { db in
                if db.isInsideTransaction { return try body(db) }
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw FactStoreError.corrupt(path, detail: "a read returned nothing") }
                return result
            }
        } catch let error as FactStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` in one read transaction: its reads see one state of the base (a `base add` committing
    /// meanwhile is not half seen), and a draft's hundreds of queries do not each begin and end a transaction.
    public func readingConsistently<T>(_ body: () throws(FactCheckError) -> T) throws(FactCheckError) -> T {
        var outcome: Result<T, FactCheckError>?
        do {
            try database.read { _ in outcome = Result(catching: body) }
        } catch {
            throw .store(Self.translate(error, path: path))
        }
        guard let outcome else { throw .store(.corrupt(path, detail: "a read returned nothing")) }
        return try outcome.get()
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
