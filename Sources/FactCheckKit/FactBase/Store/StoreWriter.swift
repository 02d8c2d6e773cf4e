import Foundation
import GRDB

/// The SQL of one write transaction on a store: inserts and removes documents with their facts, postings and
/// statistics. Counts (sentence counts, claims' fact counts, documents per name) are gathered in memory and
/// written once per row rather than once per document, before anything reads them and at `finish`.
struct StoreWriter {
    private let db: Database
    private let path: String
    /// Term → row id, loaded when first needed.
    private var termIDs: [String: Int64]?
    /// Terms new to the store, in the order of their ids from `firstNewTermID`: their rows are written at
    /// `finish`, with their sentence counts, rather than one by one as met and updated there. Nothing reads
    /// them before (postings refer to them by id only).
    private var newTerms: [String] = []
    /// The id the store gives the next term: its largest, plus one.
    private var firstNewTermID: Int64 = 1
    /// Term id → change in its sentence count.
    private var sentenceDeltas: [Int64: Int] = [:]
    private var sentenceCountDelta = 0
    /// Claim signature → row id, for every claim this writer inserted or looked up: most facts of an archive
    /// repeat a claim already stored (the same sentence on the wire, in a hundred papers).
    private var claimIDs: [String: Int64] = [:]
    /// Whether the store may hold claims missing from `claimIDs` (it held claims when the writer began). When
    /// not, a signature missing from `claimIDs` is a new claim, without a query.
    private var mayHoldUnseenClaims: Bool
    /// Claim id → facts it gained and `fact_count` does not count yet.
    private var factCountDeltas: [Int64: Int] = [:]
    /// Name term → change in the number of documents that use it.
    private var nameTermDeltas: [String: Int] = [:]
    /// Entity name → its alias and the change in the number of documents that use it.
    private var entityDeltas: [String: (alias: String?, documents: Int)] = [:]
    private var insertFacts = MultiRowInsert(into: "facts", columns: ["document_id", "claim_id", "passage"])
    private var insertPostings = MultiRowInsert(into: "postings", columns: ["term_id", "value_class", "claim_id", "weight"])

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        mayHoldUnseenClaims = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM claims)") ?? true
    }

    func documentCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
    }

    func recordedFingerprint() throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules_fingerprint'") ?? ""
    }

    func knownDocuments() throws -> [String: FactStore.KnownDocument] {
        var known: [String: FactStore.KnownDocument] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, path, content_hash, size, modified FROM documents")
        while let row = try rows.next() {
            known[row[1]] = FactStore.KnownDocument(id: row[0], contentHash: row[2], size: row[3], modified: row[4])
        }
        return known
    }

    /// Empties the base (for a rebuild).
    mutating func clear() throws {
        try db.execute(sql: """
            DELETE FROM postings; DELETE FROM claim_values; DELETE FROM facts; DELETE FROM claims; DELETE FROM documents;
            DELETE FROM terms; DELETE FROM name_terms; DELETE FROM entities;
            UPDATE meta SET value = '0' WHERE key = 'sentence_count';
            """)
        termIDs = [:]
        newTerms = []
        firstNewTermID = 1
        sentenceDeltas = [:]
        sentenceCountDelta = 0
        claimIDs = [:]
        mayHoldUnseenClaims = false
        factCountDeltas = [:]
        nameTermDeltas = [:]
        entityDeltas = [:]
    }

    /// Records a new size and time for a file whose content did not change.
    func touch(_ id: Int64, size: Int, modified: Double) throws {
        try db.cachedStatement(sql: "UPDATE documents SET size = ?, modified = ? WHERE id = ?")
            .execute(arguments: [size, modified, id])
    }

    mutating func insert(_ document: FactStore.PreparedDocument) throws {
        try db.cachedStatement(sql: """
            INSERT INTO documents(path, content_hash, size, modified, date, format, sentence_count, fact_count,
                                  term_counts, name_terms, entities)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                document.path, document.contentHash, document.size, document.modified, document.date, document.format,
                document.sentenceCount, document.facts.count, document.termCountsText,
                document.nameTerms.joined(separator: "\n"), document.entities.joined(separator: "\n"),
            ])
        let documentID = db.lastInsertedRowID
        let insertClaim = try db.cachedStatement(sql: "INSERT INTO claims(signature, value_class, key, body, fact_count) VALUES (?, ?, ?, ?, 1)")
        let insertValue = try db.cachedStatement(sql: "INSERT INTO claim_values(id, class_low, class_high, low, high) VALUES (?, ?, ?, ?, ?)")
        // The facts go in together once their claims are stored, which they reference.
        var factRows: [(any DatabaseValueConvertible)?] = []
        factRows.reserveCapacity(3 * document.facts.count)
        for fact in document.facts {
            let claimID: Int64
            if let known = try storedClaimID(signature: fact.signature) {
                claimID = known
                factCountDeltas[claimID, default: 0] += 1
            } else {
                try insertClaim.execute(arguments: [fact.signature, fact.valueClass, fact.key, fact.body])
                claimID = db.lastInsertedRowID
                claimIDs[fact.signature] = claimID
                try insertValue.execute(arguments: [claimID, fact.valueClass, fact.valueClass, fact.low, fact.high])
                var postingRows: [(any DatabaseValueConvertible)?] = []
                postingRows.reserveCapacity(4 * fact.terms.count)
                for (term, weight) in fact.terms {
                    postingRows += [try termID(term), fact.valueClass, claimID, weight]
                }
                try insertPostings.execute(postingRows, in: db)
            }
            factRows += [documentID, claimID, fact.passage]
        }
        try insertFacts.execute(factRows, in: db)
        for (term, count) in document.termCounts {
            sentenceDeltas[try termID(term), default: 0] += count
        }
        sentenceCountDelta += document.sentenceCount
        for term in document.nameTerms { nameTermDeltas[term, default: 0] += 1 }
        for name in document.entities {
            // A surname alone ("Zenkovich") finds the full name, as in `EntityGazetteer`.
            entityDeltas[name, default: (alias: Self.alias(of: name), documents: 0)].documents += 1
        }
    }

    /// The row id of the stored claim with this signature, if there is one.
    private mutating func storedClaimID(signature: String) throws -> Int64? {
        if let id = claimIDs[signature] { return id }
        guard mayHoldUnseenClaims,
              let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM claims WHERE signature = ?"),
                                          arguments: [signature])
        else { return nil }
        claimIDs[signature] = id
        return id
    }

    /// The name by which a later mention may give an entity: the last word of a name of several, lower-cased.
    private static func alias(of name: String) -> String? {
        let words = name.split(separator: " ")
        return words.count > 1 ? words.last.map { $0.lowercased() } : nil
    }

    /// Writes the gathered fact counts of claims, before something reads them.
    private mutating func writeFactCounts() throws {
        let update = try db.cachedStatement(sql: "UPDATE claims SET fact_count = fact_count + ? WHERE id = ?")
        for (id, delta) in factCountDeltas.sorted(by: { $0.key < $1.key }) {
            try update.execute(arguments: [delta, id])
        }
        factCountDeltas = [:]
    }

    /// Removes a document and takes back what it added to the statistics.
    mutating func removeDocument(id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT sentence_count, term_counts, name_terms, entities FROM documents WHERE id = ?",
                                         arguments: [id]) else { return }
        try writeFactCounts()
        // A claim body goes when its last occurrence does.
        let claims = try Row.fetchAll(db, sql: """
            SELECT c.id, c.value_class, c.body, c.fact_count, count(*), c.signature FROM facts f
            JOIN claims c ON c.id = f.claim_id WHERE f.document_id = ? GROUP BY c.id
            """, arguments: [id])
        try db.execute(sql: "DELETE FROM facts WHERE document_id = ?", arguments: [id])
        let deletePosting = try db.cachedStatement(sql: "DELETE FROM postings WHERE term_id = ? AND value_class = ? AND claim_id = ?")
        for claim in claims {
            let claimID: Int64 = claim[0]
            let remaining = (claim[3] as Int) - (claim[4] as Int)
            if remaining > 0 {
                try db.cachedStatement(sql: "UPDATE claims SET fact_count = ? WHERE id = ?").execute(arguments: [remaining, claimID])
                continue
            }
            guard let body = FactRecord.decodeBody([UInt8](claim[2] as Data)) else {
                throw FactStoreError.corrupt(path, detail: "claim \(claimID) is unreadable")
            }
            for term in body.context.keys {
                try deletePosting.execute(arguments: [try termID(term), claim[1] as Int, claimID])
            }
            try db.cachedStatement(sql: "DELETE FROM claim_values WHERE id = ?").execute(arguments: [claimID])
            try db.cachedStatement(sql: "DELETE FROM claims WHERE id = ?").execute(arguments: [claimID])
            claimIDs[claim[5] as String] = nil
        }
        let termCounts: String = row[1]
        for line in termCounts.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let count = Int(parts[1]) else { continue }
            sentenceDeltas[try termID(String(parts[0])), default: 0] -= count
        }
        sentenceCountDelta -= row[0] as Int
        let names: String = row[2]
        for term in names.split(separator: "\n") {
            nameTermDeltas[String(term), default: 0] -= 1
        }
        let entities: String = row[3]
        for name in entities.split(separator: "\n").map(String.init) {
            entityDeltas[name, default: (alias: Self.alias(of: name), documents: 0)].documents -= 1
        }
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    /// Applies the gathered statistics, drops what no document uses any more, and records the rules.
    mutating func finish(fingerprint: String?) throws {
        try writeFactCounts()
        let update = try db.cachedStatement(sql: "UPDATE terms SET sentences = sentences + ? WHERE id = ?")
        for (id, delta) in sentenceDeltas where delta != 0 && id < firstNewTermID {
            try update.execute(arguments: [delta, id])
        }
        var termRows: [(any DatabaseValueConvertible)?] = []
        termRows.reserveCapacity(3 * newTerms.count)
        for (offset, term) in newTerms.enumerated() {
            let id = firstNewTermID + Int64(offset)
            termRows += [id, term, sentenceDeltas[id] ?? 0]
        }
        var insertTerms = MultiRowInsert(into: "terms", columns: ["id", "term", "sentences"])
        try insertTerms.execute(termRows, in: db)
        firstNewTermID += Int64(newTerms.count)
        newTerms = []
        // A count that falls to zero (its last document removed) goes with the deletes below.
        let addName = try db.cachedStatement(sql: """
            INSERT INTO name_terms(term, documents) VALUES (?1, ?2)
            ON CONFLICT(term) DO UPDATE SET documents = documents + ?2
            """)
        for (term, delta) in nameTermDeltas where delta != 0 {
            try addName.execute(arguments: [term, delta])
        }
        let addEntity = try db.cachedStatement(sql: """
            INSERT INTO entities(name, alias, documents) VALUES (?1, ?2, ?3)
            ON CONFLICT(name) DO UPDATE SET documents = documents + ?3
            """)
        for (name, entity) in entityDeltas where entity.documents != 0 {
            try addEntity.execute(arguments: [name, entity.alias, entity.documents])
        }
        nameTermDeltas = [:]
        entityDeltas = [:]
        try db.execute(sql: """
            DELETE FROM terms WHERE sentences <= 0;
            DELETE FROM name_terms WHERE documents <= 0;
            DELETE FROM entities WHERE documents <= 0;
            UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'sentence_count';
            """, arguments: [sentenceCountDelta])
        sentenceDeltas = [:]
        sentenceCountDelta = 0
        if let fingerprint {
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'rules_fingerprint'", arguments: [fingerprint])
        }
        if try documentCount() == 0 {
            try db.execute(sql: "UPDATE meta SET value = '' WHERE key = 'rules_fingerprint'")
        }
    }

    /// The row id of a term; a new term gets the id the store would give it (its largest plus one), and its row
    /// at `finish`.
    private mutating func termID(_ term: String) throws -> Int64 {
        if termIDs == nil {
            var ids: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, term FROM terms")
            while let row = try rows.next() { ids[row[1]] = row[0] }
            termIDs = ids
            firstNewTermID = (ids.values.max() ?? 0) + 1
        }
        if let id = termIDs![term] { return id }
        let id = firstNewTermID + Int64(newTerms.count)
        newTerms.append(term)
        termIDs![term] = id
        return id
    }
}
