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
    /// For each vocabulary of the workers' term ids (`WordReadings.vocabulary`), the store's row id of each term
    /// id met so far, 0 for one not met: a document's terms are found by index, where each cost a String hash.
    private var termIDsByVocabulary: [Int: [Int64]] = [:]
    /// The id the store gives the next term: its largest, plus one.
    private var firstNewTermID: Int64 = 1
    /// Change in each term's sentence count, at the term's id: ids run from 1 to the largest, so an array
    /// serves, without a hash per term of every document.
    private var sentenceDeltas: [Int] = []
    private var sentenceCountDelta = 0
    /// Claim signature → row id, for every claim this writer inserted or looked up: most facts of an archive
    /// repeat a claim already stored (the same sentence on the wire, in a hundred papers). Keyed by the digest
    /// rather than its hex digits: one lookup per fact, and two integers hash cheaper than a 32-byte String.
    private var claimIDs: [ContentHash.Digest: Int64] = [:]
    /// Context signature → row id, likewise: the contexts this writer inserted or looked up.
    private var contextIDs: [ContentHash.Digest: Int64] = [:]
    /// Whether the store may hold claims and contexts missing from `claimIDs` and `contextIDs` (it held claims
    /// when the writer began). When not, a signature missing there is new, without a query.
    private var mayHoldUnseenClaims: Bool
    /// Claim id → facts it gained and `fact_count` does not count yet.
    private var factCountDeltas: [Int64: Int] = [:]
    /// Context id → claims it gained and `claim_count` does not count yet.
    private var claimCountDeltas: [Int64: Int] = [:]
    /// Name term → change in the number of documents that use it.
    private var nameTermDeltas: [String: Int] = [:]
    /// Entity name → its alias and the change in the number of documents that use it.
    private var entityDeltas: [String: (alias: String?, documents: Int)] = [:]
    private var insertFacts = MultiRowInsert(into: "facts", columns: ["id", "document_id", "claim_id", "passage"])
    private var insertPostings = MultiRowInsert(into: "postings", columns: ["term_id", "value_class", "context_id", "weight"])
    // The statements run once or more per document, bound straight to SQLite (see `StatementBinder`).
    private var insertDocument: StatementBinder
    private var insertContext: StatementBinder
    private var insertClaim: StatementBinder
    private var insertValue: StatementBinder
    /// Reused for the ids of a document's claims and of a context's terms: no array allocated per document.
    private var claimIDsOfFacts: [Int64] = []
    private var termIDsOfContext: [Int64] = []
    /// The ids the next document and its first fact get: the largest in the store plus one, as SQLite would
    /// give them, read when first needed and again after a removal. Given by the writer, a document's row can
    /// go in after its facts, with the term ids met while storing them, and name where its facts begin.
    private var nextIDs: (document: Int64, fact: Int64)?
    /// Whether `facts_by_claim` was dropped for this transaction (`insert`), to be made again at `finish`.
    private var factIndexDropped = false

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        mayHoldUnseenClaims = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM claims)") ?? true
        insertDocument = StatementBinder(try db.makeStatement(sql: """
            INSERT INTO documents(id, path, content_hash, size, modified, date, format, sentence_count, fact_count,
                                  first_fact_id, term_sentences, name_terms, entities)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        insertContext = StatementBinder(try db.makeStatement(
            sql: "INSERT INTO contexts(signature, value_class, key, body, claim_count) VALUES (?, ?, ?, ?, 1)"))
        insertClaim = StatementBinder(try db.makeStatement(
            sql: "INSERT INTO claims(signature, context_id, value, fact_count) VALUES (?, ?, ?, 1)"))
        insertValue = StatementBinder(try db.makeStatement(
            sql: "INSERT INTO claim_values(id, class_low, class_high, low, high, context_id) VALUES (?, ?, ?, ?, ?, ?)"))
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
            DELETE FROM postings; DELETE FROM claim_values; DELETE FROM facts; DELETE FROM claims; DELETE FROM contexts;
            DELETE FROM documents;
            DELETE FROM terms; DELETE FROM name_terms; DELETE FROM entities;
            UPDATE meta SET value = '0' WHERE key = 'sentence_count';
            """)
        termIDs = [:]
        termIDsByVocabulary = [:]
        nextIDs = nil
        newTerms = []
        firstNewTermID = 1
        sentenceDeltas = []
        sentenceCountDelta = 0
        claimIDs = [:]
        contextIDs = [:]
        mayHoldUnseenClaims = false
        factCountDeltas = [:]
        claimCountDeltas = [:]
        nameTermDeltas = [:]
        entityDeltas = [:]
    }

    /// Records a new size and time for a file whose content did not change.
    func touch(_ id: Int64, size: Int, modified: Double) throws {
        try db.cachedStatement(sql: "UPDATE documents SET size = ?, modified = ? WHERE id = ?")
            .execute(arguments: [size, modified, id])
    }

    mutating func insert(_ document: FactStore.PreparedDocument) throws {
        if nextIDs == nil {
            nextIDs = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM documents") ?? 1,
                       try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM facts") ?? 1)
        }
        let (documentID, firstFactID) = nextIDs!
        // Into a store without facts or claims (a first build, a rebuild), the facts go in without their index by
        // claim, made at `finish` in one pass: kept up fact by fact, it took a third of the writer's work. Nothing
        // in the transaction reads it; and no claim can be deleted in it (only those stored before are), which
        // would have SQLite look for the claim's facts without an index.
        if firstFactID == 1, !mayHoldUnseenClaims, !factIndexDropped {
            try db.execute(sql: "DROP INDEX facts_by_claim")
            factIndexDropped = true
        }
        nextIDs = (documentID + 1, firstFactID + Int64(document.facts.count))
        // The facts go in together once their claims are stored, which they reference.
        claimIDsOfFacts.removeAll(keepingCapacity: true)
        for fact in document.facts {
            let claimID: Int64
            if let known = try storedClaimID(fact) {
                claimID = known
                factCountDeltas[claimID, default: 0] += 1
            } else {
                claimID = try insertClaim(of: fact, bytes: document.factBytes)
            }
            claimIDsOfFacts.append(claimID)
        }
        let claimIDs = claimIDsOfFacts
        try insertFacts.insert(rowCount: document.facts.count, in: db) { binder, index in
            binder.bind(firstFactID + Int64(index))
            binder.bind(documentID)
            binder.bind(claimIDs[index])
            binder.bind(document.factBytes[document.facts[index].passage])
        }
        // Taken out of the dictionary while filled, so that appending to it never copies it.
        var storeIDs = termIDsByVocabulary.removeValue(forKey: document.termIDs.vocabulary) ?? []
        var termSentences = FactRecord.Writer(capacity: 3 * document.termCounts.count)
        for (index, (term, count)) in document.termCounts.enumerated() {
            let id = document.termIDs.ids[index]
            if id >= storeIDs.count { storeIDs.append(contentsOf: repeatElement(0, count: id + 1 - storeIDs.count)) }
            if storeIDs[id] == 0 { storeIDs[id] = try termID(term) }
            addSentences(count, toTerm: storeIDs[id])
            termSentences.int(Int(storeIDs[id]))
            termSentences.int(count)
        }
        termIDsByVocabulary[document.termIDs.vocabulary] = storeIDs
        insertDocument.bind(documentID)
        insertDocument.bind(document.path)
        insertDocument.bind(document.contentHash)
        insertDocument.bind(document.size)
        insertDocument.bind(document.modified)
        insertDocument.bind(document.date)
        insertDocument.bind(document.format)
        insertDocument.bind(document.sentenceCount)
        insertDocument.bind(document.facts.count)
        insertDocument.bind(firstFactID)
        insertDocument.bind(termSentences.bytes)
        insertDocument.bind(document.nameTermsText)
        insertDocument.bind(document.entitiesText)
        try insertDocument.execute()
        sentenceCountDelta += document.sentenceCount
        for term in document.nameTerms { nameTermDeltas[term, default: 0] += 1 }
        for name in document.entities {
            // A surname alone ("Zenkovich") finds the full name, as in `EntityGazetteer`.
            entityDeltas[name, default: (alias: Self.alias(of: name), documents: 0)].documents += 1
        }
    }

    /// Stores a claim new to the store and its value in the R*Tree, and its context if that is new too; returns
    /// the claim's row id.
    /// - Parameter bytes: the document's `factBytes`, where the fact's encoded parts are.
    private mutating func insertClaim(of fact: FactStore.PreparedFact, bytes: [UInt8]) throws -> Int64 {
        let contextID: Int64
        let contextDigest = FactStore.contextDigest(of: fact, in: bytes)
        if let known = try Self.storedID(of: contextDigest, in: &contextIDs, db: db, mayBeUnseen: mayHoldUnseenClaims,
                                         sql: "SELECT id FROM contexts WHERE signature = ?") {
            contextID = known
            claimCountDeltas[contextID, default: 0] += 1
        } else {
            contextID = try insertContext(of: fact, digest: contextDigest, bytes: bytes)
        }
        insertClaim.bind(fact.signatureDigest.hexDigits)
        insertClaim.bind(contextID)
        insertClaim.bind(bytes[fact.value])
        try insertClaim.execute()
        let claimID = db.lastInsertedRowID
        claimIDs[fact.signatureDigest] = claimID
        insertValue.bind(claimID)
        insertValue.bind(fact.valueClass)
        insertValue.bind(fact.valueClass)
        insertValue.bind(fact.low)
        insertValue.bind(fact.high)
        insertValue.bind(contextID)
        try insertValue.execute()
        return claimID
    }

    /// Stores a context new to the store and its postings; returns its row id.
    /// - Parameter digest: the context's signature (`FactStore.contextDigest`).
    private mutating func insertContext(of fact: FactStore.PreparedFact, digest: ContentHash.Digest,
                                        bytes: [UInt8]) throws -> Int64 {
        insertContext.bind(digest.hexDigits)
        insertContext.bind(fact.valueClass)
        insertContext.bind(fact.key)
        insertContext.bind(bytes[fact.context])
        try insertContext.execute()
        let contextID = db.lastInsertedRowID
        contextIDs[digest] = contextID
        // Term ids first, in the terms' order: a new term's id is given when first met.
        termIDsOfContext.removeAll(keepingCapacity: true)
        for (term, _) in fact.terms { termIDsOfContext.append(try termID(term)) }
        let termIDs = termIDsOfContext
        try insertPostings.insert(rowCount: fact.terms.count, in: db) { binder, index in
            binder.bind(termIDs[index])
            binder.bind(fact.valueClass)
            binder.bind(contextID)
            let (_, weight) = fact.terms[index]
            binder.bind(weight)
        }
        return contextID
    }

    /// The row id of the stored claim with this signature, if there is one.
    private mutating func storedClaimID(_ fact: FactStore.PreparedFact) throws -> Int64? {
        try Self.storedID(of: fact.signatureDigest, in: &claimIDs, db: db,
                          mayBeUnseen: mayHoldUnseenClaims, sql: "SELECT id FROM claims WHERE signature = ?")
    }

    /// The row id of a claim or context by its signature (`digest`'s hex digits): from those this writer met
    /// (`known`), or the store's (`sql`) when it may hold others.
    private static func storedID(of digest: ContentHash.Digest, in known: inout [ContentHash.Digest: Int64],
                                 db: Database, mayBeUnseen: Bool, sql: String) throws -> Int64? {
        if let id = known[digest] { return id }
        guard mayBeUnseen,
              let id = try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: [digest.hexDigits])
        else { return nil }
        known[digest] = id
        return id
    }

    /// The name by which a later mention may give an entity: the last word of a name of several, lower-cased.
    private static func alias(of name: String) -> String? {
        let words = name.split(separator: " ")
        return words.count > 1 ? words.last.map { $0.lowercased() } : nil
    }

    /// Writes the gathered fact counts of claims and claim counts of contexts, before something reads them.
    private mutating func writeFactCounts() throws {
        try write(&factCountDeltas, sql: "UPDATE claims SET fact_count = fact_count + ? WHERE id = ?")
        try write(&claimCountDeltas, sql: "UPDATE contexts SET claim_count = claim_count + ? WHERE id = ?")
    }

    /// Applies and empties gathered count changes with `sql` (delta, then id), in id order.
    private func write(_ deltas: inout [Int64: Int], sql: String) throws {
        guard !deltas.isEmpty else { return }
        var update = StatementBinder(try db.cachedStatement(sql: sql))
        for (id, delta) in deltas.sorted(by: { $0.key < $1.key }) {
            update.bind(delta)
            update.bind(id)
            try update.execute()
        }
        deltas = [:]
    }

    /// Removes a document and takes back what it added to the statistics.
    mutating func removeDocument(id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT sentence_count, term_sentences, name_terms, entities, first_fact_id, fact_count, path
            FROM documents WHERE id = ?
            """, arguments: [id]) else { return }
        try writeFactCounts()
        let documentPath: String = row[6]
        // Its facts' ids run from `first_fact_id` for `fact_count`.
        let (firstFact, factCount): (Int64, Int64) = (row[4], row[5])
        let facts = [firstFact, firstFact + factCount]
        // A claim goes when its last occurrence does, and a context when its last claim does.
        let claims = try Row.fetchAll(db, sql: """
            SELECT c.id, c.context_id, c.fact_count, count(*), c.signature FROM facts f
            JOIN claims c ON c.id = f.claim_id WHERE f.id >= ? AND f.id < ? GROUP BY c.id
            """, arguments: StatementArguments(facts))
        try db.execute(sql: "DELETE FROM facts WHERE id >= ? AND id < ?", arguments: StatementArguments(facts))
        // The largest ids may have gone: the next are read again.
        nextIDs = nil
        var claimsGone: [Int64: Int] = [:]
        for claim in claims {
            let claimID: Int64 = claim[0]
            let remaining = (claim[2] as Int) - (claim[3] as Int)
            if remaining > 0 {
                try db.cachedStatement(sql: "UPDATE claims SET fact_count = ? WHERE id = ?").execute(arguments: [remaining, claimID])
                continue
            }
            try db.cachedStatement(sql: "DELETE FROM claim_values WHERE id = ?").execute(arguments: [claimID])
            try db.cachedStatement(sql: "DELETE FROM claims WHERE id = ?").execute(arguments: [claimID])
            if let digest = ContentHash.Digest(hexDigits: claim[4]) { claimIDs[digest] = nil }
            claimsGone[claim[1], default: 0] += 1
        }
        for (contextID, gone) in claimsGone.sorted(by: { $0.key < $1.key }) {
            try removeClaims(gone, fromContext: contextID, of: documentPath)
        }
        var termSentences = FactRecord.Reader(bytes: [UInt8](row[1] as Data))
        let termIDLimit = try nextTermID()
        while !termSentences.isAtEnd {
            // A damaged id would index the deltas out of bounds (a trap) or far past the end (terabytes).
            guard let term = termSentences.int(), let count = termSentences.int(), term > 0, term < termIDLimit,
                  (0...FactRecord.Reader.largestCount).contains(count)
            else {
                throw FactStoreError.damagedRecord(path, document: documentPath, record: "its term counts")
            }
            addSentences(-count, toTerm: Int64(term))
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

    /// Takes `count` claims, removed, from a context's count; removes the context and its postings with its last.
    /// - Parameter document: the path of the document removed, named if the context's record is damaged.
    private mutating func removeClaims(_ count: Int, fromContext id: Int64, of document: String) throws {
        guard let context = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT value_class, body, claim_count, signature FROM contexts WHERE id = ?
            """), arguments: [id]) else { return }
        let remaining = (context[2] as Int) - count
        if remaining > 0 {
            try db.cachedStatement(sql: "UPDATE contexts SET claim_count = ? WHERE id = ?").execute(arguments: [remaining, id])
            return
        }
        guard let body = FactRecord.decodeContext([UInt8](context[1] as Data)) else {
            throw FactStoreError.damagedRecord(path, document: document, record: "claim context \(id)")
        }
        let deletePosting = try db.cachedStatement(sql: "DELETE FROM postings WHERE term_id = ? AND value_class = ? AND context_id = ?")
        for term in body.context.keys {
            try deletePosting.execute(arguments: [try termID(term), context[0] as Int, id])
        }
        try db.cachedStatement(sql: "DELETE FROM contexts WHERE id = ?").execute(arguments: [id])
        if let digest = ContentHash.Digest(hexDigits: context[3]) { contextIDs[digest] = nil }
    }

    /// Applies the gathered statistics, drops what no document uses any more, and records the rules.
    mutating func finish(fingerprint: String?) throws {
        if factIndexDropped {
            try db.execute(sql: FactStoreSchema.factsByClaimIndex)
            factIndexDropped = false
        }
        try writeFactCounts()
        var update = StatementBinder(try db.cachedStatement(sql: "UPDATE terms SET sentences = sentences + ? WHERE id = ?"))
        for (id, delta) in sentenceDeltas.enumerated() where delta != 0 && Int64(id) < firstNewTermID {
            update.bind(delta)
            update.bind(id)
            try update.execute()
        }
        var insertTerms = MultiRowInsert(into: "terms", columns: ["id", "term", "sentences"])
        let (terms, firstID, deltas) = (newTerms, firstNewTermID, sentenceDeltas)
        try insertTerms.insert(rowCount: terms.count, in: db) { binder, offset in
            let id = firstID + Int64(offset)
            binder.bind(id)
            binder.bind(terms[offset])
            binder.bind(Int(id) < deltas.count ? deltas[Int(id)] : 0)
        }
        firstNewTermID += Int64(newTerms.count)
        newTerms = []
        // A count that falls to zero (its last document removed) goes with the deletes below.
        let addName = try db.cachedStatement(sql: """
            INSERT INTO name_terms(term, documents) VALUES (?1, ?2)
            ON CONFLICT(term) DO UPDATE SET documents = documents + ?2
            """)
        // In key order, not the dictionaries' (which changes from run to run): the rows' order of insertion shapes
        // the B-tree pages, and two builds of the same files should give the same bytes.
        for (term, delta) in nameTermDeltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            try addName.execute(arguments: [term, delta])
        }
        let addEntity = try db.cachedStatement(sql: """
            INSERT INTO entities(name, alias, documents) VALUES (?1, ?2, ?3)
            ON CONFLICT(name) DO UPDATE SET documents = documents + ?3
            """)
        for (name, entity) in entityDeltas.sorted(by: { $0.key < $1.key }) where entity.documents != 0 {
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
        sentenceDeltas = []
        sentenceCountDelta = 0
        if let fingerprint {
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'rules_fingerprint'", arguments: [fingerprint])
        }
        if try documentCount() == 0 {
            try db.execute(sql: "UPDATE meta SET value = '' WHERE key = 'rules_fingerprint'")
        }
    }

    private mutating func addSentences(_ count: Int, toTerm id: Int64) {
        let index = Int(id)
        if index >= sentenceDeltas.count {
            sentenceDeltas.append(contentsOf: repeatElement(0, count: index - sentenceDeltas.count + 1))
        }
        sentenceDeltas[index] += count
    }

    /// The id the next new term gets: every term known has a smaller one.
    private mutating func nextTermID() throws -> Int64 {
        try loadTermIDs()
        return firstNewTermID + Int64(newTerms.count)
    }

    private mutating func loadTermIDs() throws {
        guard termIDs == nil else { return }
        var ids: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, term FROM terms")
        while let row = try rows.next() { ids[row[1]] = row[0] }
        termIDs = ids
        firstNewTermID = (ids.values.max() ?? 0) + 1
    }

    /// The row id of a term; a new term gets the id the store would give it (its largest plus one), and its row
    /// at `finish`.
    private mutating func termID(_ term: String) throws -> Int64 {
        try loadTermIDs()
        if let id = termIDs![term] { return id }
        let id = firstNewTermID + Int64(newTerms.count)
        newTerms.append(term)
        termIDs![term] = id
        return id
    }
}
