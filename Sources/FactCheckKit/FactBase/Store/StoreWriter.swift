import Foundation
import GRDB

/// The SQL of one write transaction on a store: inserts and removes documents with their facts, postings and
/// statistics. Statistics changes are gathered in memory and applied once, at `finish`.
struct StoreWriter {
    private let db: Database
    private let path: String
    /// Term → row id, loaded when first needed.
    private var termIDs: [String: Int64]?
    /// Term id → change in its sentence count.
    private var sentenceDeltas: [Int64: Int] = [:]
    private var sentenceCountDelta = 0

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
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
        sentenceDeltas = [:]
        sentenceCountDelta = 0
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
                document.sentenceCount, document.facts.count,
                document.termCounts.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }.joined(separator: "\n"),
                document.nameTerms.joined(separator: "\n"), document.entities.joined(separator: "\n"),
            ])
        let documentID = db.lastInsertedRowID
        let findClaim = try db.cachedStatement(sql: "SELECT id FROM claims WHERE signature = ?")
        let countClaim = try db.cachedStatement(sql: "UPDATE claims SET fact_count = fact_count + 1 WHERE id = ?")
        let insertClaim = try db.cachedStatement(sql: "INSERT INTO claims(signature, value_class, key, body, fact_count) VALUES (?, ?, ?, ?, 1)")
        let insertValue = try db.cachedStatement(sql: "INSERT INTO claim_values(id, class_low, class_high, low, high) VALUES (?, ?, ?, ?, ?)")
        let insertPosting = try db.cachedStatement(sql: "INSERT INTO postings(term_id, value_class, claim_id, weight) VALUES (?, ?, ?, ?)")
        let insertFact = try db.cachedStatement(sql: "INSERT INTO facts(document_id, claim_id, passage) VALUES (?, ?, ?)")
        for fact in document.facts {
            var claimID = try Int64.fetchOne(findClaim, arguments: [fact.signature])
            if let claimID {
                try countClaim.execute(arguments: [claimID])
            } else {
                try insertClaim.execute(arguments: [fact.signature, fact.valueClass, fact.key, Data(fact.body)])
                let id = db.lastInsertedRowID
                claimID = id
                try insertValue.execute(arguments: [id, fact.valueClass, fact.valueClass, fact.low, fact.high])
                for (term, weight) in fact.terms {
                    try insertPosting.execute(arguments: [try termID(term), fact.valueClass, id, weight])
                }
            }
            try insertFact.execute(arguments: [documentID, claimID, Data(fact.passage)])
        }
        for (term, count) in document.termCounts {
            sentenceDeltas[try termID(term), default: 0] += count
        }
        sentenceCountDelta += document.sentenceCount
        let addName = try db.cachedStatement(sql: """
            INSERT INTO name_terms(term, documents) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET documents = documents + 1
            """)
        for term in document.nameTerms { try addName.execute(arguments: [term]) }
        let addEntity = try db.cachedStatement(sql: """
            INSERT INTO entities(name, alias, documents) VALUES (?, ?, 1)
            ON CONFLICT(name) DO UPDATE SET documents = documents + 1
            """)
        for name in document.entities {
            // A surname alone ("Zenkovich") finds the full name, as in `EntityGazetteer`.
            let words = name.split(separator: " ")
            try addEntity.execute(arguments: [name, words.count > 1 ? words.last.map { $0.lowercased() } : nil])
        }
    }

    /// Removes a document and takes back what it added to the statistics.
    mutating func removeDocument(id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT sentence_count, term_counts, name_terms, entities FROM documents WHERE id = ?",
                                         arguments: [id]) else { return }
        // A claim body goes when its last occurrence does.
        let claims = try Row.fetchAll(db, sql: """
            SELECT c.id, c.value_class, c.body, c.fact_count, count(*) FROM facts f JOIN claims c ON c.id = f.claim_id
            WHERE f.document_id = ? GROUP BY c.id
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
            try db.cachedStatement(sql: "UPDATE name_terms SET documents = documents - 1 WHERE term = ?")
                .execute(arguments: [String(term)])
        }
        let entities: String = row[3]
        for name in entities.split(separator: "\n") {
            try db.cachedStatement(sql: "UPDATE entities SET documents = documents - 1 WHERE name = ?")
                .execute(arguments: [String(name)])
        }
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }

    /// Applies the gathered statistics, drops what no document uses any more, and records the rules.
    mutating func finish(fingerprint: String?) throws {
        let update = try db.cachedStatement(sql: "UPDATE terms SET sentences = sentences + ? WHERE id = ?")
        for (id, delta) in sentenceDeltas where delta != 0 {
            try update.execute(arguments: [delta, id])
        }
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

    /// The row id of a term, added (with no sentences yet) when new.
    private mutating func termID(_ term: String) throws -> Int64 {
        if termIDs == nil {
            var ids: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, term FROM terms")
            while let row = try rows.next() { ids[row[1]] = row[0] }
            termIDs = ids
        }
        if let id = termIDs![term] { return id }
        try db.cachedStatement(sql: "INSERT INTO terms(term, sentences) VALUES (?, 0)").execute(arguments: [term])
        let id = db.lastInsertedRowID
        termIDs![term] = id
        return id
    }
}
