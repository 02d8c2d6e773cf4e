import FactCheckKit
import Foundation
import NIOCore
import PostgresNIO

// MARK: Adding, replacing and removing documents

extension PostgresFactStore {
    /// Documents written per transaction. A killed or failed add keeps the batches committed before it (each
    /// whole: no half document), and an add run again skips those by content hash. Loading the 100,000-document
    /// benchmark archive, batches of 256 spend most time in extraction, not in commits.
    static let batchDocuments = 256
    /// Encoded fact bytes past which a batch is written early, so that memory stays bounded whatever the files.
    static let batchBytes = 16 * 1_048_576
    /// `FACTCHECK_POSTGRES_LOAD=insert` loads facts with one INSERT each instead of COPY: only for
    /// Benchmarks/postgres.sh, which measures what COPY saves.
    static let loadsByInserts = ProcessInfo.processInfo.environment["FACTCHECK_POSTGRES_LOAD"] == "insert"

    /// Serializes writers (adds, removes, rebuilds, migrations) on this schema, for the rest of the transaction:
    /// two adds run their extraction in parallel and take turns writing batches, and each batch sees what the
    /// other committed (a document both add is stored once: the second finds it with the same content hash).
    /// Readers never wait for it.
    static func lockWriters(_ connection: BlockingConnection) throws(FactStoreError) {
        try connection.query("SELECT pg_advisory_xact_lock(hashtext('factcheck writers ' || current_schema()))",
                             during: .writing)
    }

    /// Adds documents: new files are extracted and stored, changed ones (by content hash) replaced, unchanged
    /// ones skipped. Extraction runs on every core (`FactStore.extractDocuments`); the results are written in
    /// the order of `files`, one transaction per batch (`batchDocuments`), facts loaded with COPY.
    /// - Throws: `FactCheckError` (`.input` for a bad file, `.extraction` for a failing rule, `.store` when the
    ///   base was built by other rules or the database fails); the batch in flight is rolled back.
    @discardableResult
    public func add(files: [String], extractor: ClaimExtractor, loader: DocumentLoader = DocumentLoader(),
                    progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        try add(files: files, extractor: extractor, loader: loader, rebuilding: false, progress: progress)
    }

    public func rebuild(extractor: ClaimExtractor, loader: DocumentLoader = DocumentLoader(),
                        progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        let (existing, gone) = try rebuildableFiles()
        var update = try add(files: existing, extractor: extractor, loader: loader, rebuilding: true, progress: progress)
        update.removed = gone
        return update
    }

    /// `add`, or with `rebuilding` a rebuild: the base emptied and refilled in one transaction (readers keep
    /// seeing the old base until it commits).
    private func add(files: [String], extractor: ClaimExtractor, loader: DocumentLoader, rebuilding: Bool,
                     progress: ((FactStoreProgress) -> Void)?) throws(FactCheckError) -> FactStoreUpdate {
        var seen: Set<String> = []
        let files = files.filter { seen.insert($0).inserted }
        let fingerprint = FactStore.fingerprint(of: extractor.ruleSet)
        let writer = try connectWriter()
        defer { writer.close() }
        var update = FactStoreUpdate()
        var batch: [FactStore.PreparedDocument] = []
        var batchBytes = 0
        var pendingBytes = 0
        func flush() throws(FactStoreError) {
            guard !batch.isEmpty else { return }
            if !rebuilding {
                try writer.execute("BEGIN", during: .writing)
                try Self.lockWriters(writer)
                try checkFingerprint(writer, fingerprint)
            }
            try write(batch, fingerprint: fingerprint, update: &update, writer)
            if !rebuilding { try writer.execute("COMMIT", during: .writing) }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            pendingBytes = 0
        }
        do {
            var known: [String: FactStore.KnownDocument] = [:]
            if rebuilding {
                try writer.execute("BEGIN", during: .writing)
                try Self.lockWriters(writer)
                for statement in ["DELETE FROM facts", "DELETE FROM claims", "DELETE FROM documents", "DELETE FROM terms", "DELETE FROM name_terms",
                                  "DELETE FROM entities", "UPDATE meta SET value = '0' WHERE key = 'sentence_count'",
                                  "UPDATE meta SET value = '' WHERE key = 'rules_fingerprint'"] {
                    try writer.execute(statement, during: .writing)
                }
                try Self.raiseVersion(writer)
            } else {
                try checkFingerprint(writer, fingerprint)
                for row in try writer.query("SELECT id, path, content_hash, size, modified FROM documents") {
                    let (id, path, hash, size, modified) = try decode(row, as: (Int64, String, String, Int, Double).self)
                    known[path] = FactStore.KnownDocument(id: id, contentHash: hash, size: size, modified: modified)
                }
            }
            try FactStore.extractDocuments(files, known: known, extractor: extractor, loader: loader) { index, outcome in
                switch outcome {
                case let .failed(error):
                    throw error
                case .unchanged:
                    update.unchanged += 1
                case let .prepared(document):
                    batch.append(document)
                    batchBytes += document.factBytes.count
                    pendingBytes += document.size
                    if batch.count >= Self.batchDocuments || batchBytes >= Self.batchBytes { try flush() }
                }
                progress?(FactStoreProgress(done: index + 1, total: files.count, bytes: update.extractedBytes + pendingBytes))
            }
            try flush()
            if rebuilding { try writer.execute("COMMIT", during: .writing) }
        } catch {
            try? writer.execute("ROLLBACK")
            switch error {
            case let error as FactCheckError: throw error
            case let error as FactStoreError: throw .store(error)
            default: throw .store(FactStoreError(path: url.redacted, message: "\(error)"))
            }
        }
        return update
    }

    /// Refuses to add to a base other rules built (a rebuild empties it first).
    private func checkFingerprint(_ writer: BlockingConnection, _ fingerprint: String) throws(FactStoreError) {
        let rows = try writer.query("""
            SELECT (SELECT value FROM meta WHERE key = 'rules_fingerprint'), EXISTS (SELECT 1 FROM documents)
            """, during: .writing)
        guard let row = rows.first else { return }
        let (recorded, hasDocuments) = try decode(row, as: (String, Bool).self)
        if hasDocuments, !recorded.isEmpty, recorded != fingerprint {
            throw FactStoreError(path: url.redacted,
                                 message: "built by other rules (the rule or lexicon files, or the store's layout in a new factcheck, changed since)",
                                 hint: "run `factcheck base rebuild`")
        }
    }

    /// Writes a batch of documents in the writer's open transaction, replacing stored ones of the same path; a
    /// document another writer stored meanwhile with the same content is skipped.
    private func write(_ batch: [FactStore.PreparedDocument], fingerprint: String, update: inout FactStoreUpdate,
                       _ writer: BlockingConnection) throws(FactStoreError) {
        var existing: [String: (id: Int64, hash: String)] = [:]
        for row in try writer.query("SELECT id, path, content_hash FROM documents WHERE path = ANY(\(batch.map(\.path)))",
                                    during: .writing) {
            let (id, path, hash) = try decode(row, as: (Int64, String, String).self)
            existing[path] = (id, hash)
        }
        var documents: [FactStore.PreparedDocument] = []
        var replaced: [Int64] = []
        for document in batch {
            if let old = existing[document.path] {
                if old.hash == document.contentHash {
                    update.unchanged += 1
                    continue
                }
                replaced.append(old.id)
                update.replaced += 1
            } else {
                update.added += 1
            }
            documents.append(document)
            update.facts += document.facts.count
            update.extractedBytes += document.size
        }
        try removeDocuments(replaced, writer)
        guard !documents.isEmpty else { return }
        var rows = CopyText(capacity: 1 << 16)
        for document in documents {
            rows.add(document.path)
            rows.add(document.contentHash)
            rows.add(document.size)
            rows.add(document.modified)
            rows.add(document.date)
            rows.add(document.format)
            rows.add(document.sentenceCount)
            rows.add(document.facts.count)
            rows.add(array: document.termCounts.map { $0.term })
            rows.add(array: document.termCounts.map { $0.sentences })
            rows.add(array: document.nameTerms)
            rows.add(array: document.entities)
            rows.endRow()
        }
        try writer.copy(into: "documents", columns: ["path", "content_hash", "size", "modified", "date", "format",
                                                     "sentence_count", "fact_count", "term_names", "term_sentences",
                                                     "name_terms", "entities"], data: rows.buffer)
        var ids: [String: Int64] = [:]
        for row in try writer.query("SELECT path, id FROM documents WHERE path = ANY(\(documents.map(\.path)))", during: .writing) {
            let (path, id) = try decode(row, as: (String, Int64).self)
            ids[path] = id
        }
        let factCount = documents.reduce(0) { $0 + $1.facts.count }
        if factCount > 0 {
            let claimIDs = try storeClaims(of: documents, writer)
            // Under the writers' lock no one else draws fact ids, so the batch's are one run, in file order: the
            // aligner's tie-break order is that of the files added, as in the SQLite store.
            let last = try writer.query("SELECT setval('fact_ids', nextval('fact_ids') + \(factCount - 1))", during: .writing)
            let firstID = try last.first.map { row throws(FactStoreError) in try decode(row, as: Int.self) }.map { $0 - factCount + 1 } ?? 1
            if Self.loadsByInserts {
                try insertFacts(of: documents, firstID: firstID, documentIDs: ids, claimIDs: claimIDs, writer)
            } else {
                var id = firstID
                var facts = CopyText(capacity: documents.reduce(0) { $0 + $1.factBytes.count + $1.facts.count * 48 })
                for document in documents {
                    let documentID = Int(ids[document.path] ?? 0)
                    for fact in document.facts {
                        facts.add(id)
                        facts.add(documentID)
                        facts.add(Int(claimIDs[fact.signatureDigest.hexDigits] ?? 0))
                        facts.add(bytes: document.factBytes[fact.passage])
                        facts.endRow()
                        id += 1
                    }
                }
                try writer.copy(into: "facts", columns: ["id", "document_id", "claim_id", "passage"], data: facts.buffer)
            }
        }
        try addStatistics(of: documents, fingerprint: fingerprint, writer)
    }

    /// The ids of the batch's claims by signature, storing those new to the base (COPY, under the writers' lock,
    /// so no one else adds one meanwhile).
    private func storeClaims(of documents: [FactStore.PreparedDocument],
                             _ writer: BlockingConnection) throws(FactStoreError) -> [String: Int64] {
        var firstSeen: [String: (document: Int, fact: Int)] = [:]
        var order: [String] = []
        for (documentIndex, document) in documents.enumerated() {
            for (factIndex, fact) in document.facts.enumerated() {
                let signature = fact.signatureDigest.hexDigits
                if firstSeen[signature] == nil {
                    firstSeen[signature] = (documentIndex, factIndex)
                    order.append(signature)
                }
            }
        }
        var ids: [String: Int64] = [:]
        func readIDs(_ signatures: [String]) throws(FactStoreError) {
            for row in try writer.query("SELECT signature, id FROM claims WHERE signature = ANY(\(signatures))", during: .writing) {
                let (signature, id) = try decode(row, as: (String, Int64).self)
                ids[signature] = id
            }
        }
        try readIDs(order)
        let missing = order.filter { ids[$0] == nil }
        guard !missing.isEmpty else { return ids }
        var rows = CopyText(capacity: missing.count * 512)
        for signature in missing {
            let (documentIndex, factIndex) = firstSeen[signature]!
            let bytes = documents[documentIndex].factBytes
            let fact = documents[documentIndex].facts[factIndex]
            rows.add(signature)
            rows.add(fact.valueClass)
            rows.add(fact.key)
            rows.add(fact.low)
            rows.add(fact.high)
            rows.add(array: fact.terms.map { $0.key })
            rows.add(Int(Int64(bitPattern: FactStore.contextDigest(of: fact, in: bytes).lane1)))
            rows.add(bytes: bytes[fact.context])
            rows.add(bytes: bytes[fact.value])
            rows.endRow()
        }
        try writer.copy(into: "claims", columns: ["signature", "value_class", "key", "low", "high", "terms", "context_group",
                                                  "context", "value"], data: rows.buffer)
        try readIDs(missing)
        return ids
    }

    /// The batch's facts, one INSERT each (`loadsByInserts`).
    private func insertFacts(of documents: [FactStore.PreparedDocument], firstID: Int, documentIDs: [String: Int64],
                             claimIDs: [String: Int64], _ writer: BlockingConnection) throws(FactStoreError) {
        var id = firstID
        for document in documents {
            let documentID = Int(documentIDs[document.path] ?? 0)
            for fact in document.facts {
                let claimID = Int(claimIDs[fact.signatureDigest.hexDigits] ?? 0)
                try writer.query("""
                    INSERT INTO facts (id, document_id, claim_id, passage)
                    VALUES (\(id), \(documentID), \(claimID), \(ByteBuffer(bytes: document.factBytes[fact.passage])))
                    """, during: .writing)
                id += 1
            }
        }
    }

    /// Adds a batch's documents to the statistics: sums over the batch, one statement each, in a fixed order
    /// (term by term).
    private func addStatistics(of documents: [FactStore.PreparedDocument], fingerprint: String,
                               _ writer: BlockingConnection) throws(FactStoreError) {
        var termSentences: [String: Int] = [:]
        var nameTerms: [String: Int] = [:]
        var entities: [String: Int] = [:]
        var sentences = 0
        for document in documents {
            for (term, count) in document.termCounts { termSentences[term, default: 0] += count }
            for term in document.nameTerms { nameTerms[term, default: 0] += 1 }
            for entity in document.entities { entities[entity, default: 0] += 1 }
            sentences += document.sentenceCount
        }
        try upsert(termSentences, into: "terms", key: "term", count: "sentences", writer)
        try upsert(nameTerms, into: "name_terms", key: "term", count: "documents", writer)
        try upsert(entities, into: "entities", key: "name", count: "documents", writer)
        try writer.query("UPDATE meta SET value = (value::bigint + \(sentences))::text WHERE key = 'sentence_count'", during: .writing)
        try writer.query("UPDATE meta SET value = \(fingerprint) WHERE key = 'rules_fingerprint'", during: .writing)
        try Self.raiseVersion(writer)
    }

    /// Adds counts to a table of (name, count), creating rows as needed.
    private func upsert(_ counts: [String: Int], into table: String, key: String, count: String,
                        _ writer: BlockingConnection) throws(FactStoreError) {
        guard !counts.isEmpty else { return }
        let sorted = counts.sorted { $0.key < $1.key }
        var query = PostgresQuery(unsafeSQL: """
            INSERT INTO \(table) (\(key), \(count)) SELECT * FROM unnest($1::text[], $2::bigint[])
            ON CONFLICT (\(key)) DO UPDATE SET \(count) = \(table).\(count) + excluded.\(count)
            """)
        query.binds.append(sorted.map(\.key), context: .default)
        query.binds.append(sorted.map { Int64($0.value) }, context: .default)
        try writer.query(query, during: .writing)
    }

    /// Removes documents and their facts, taking back what they added to the statistics.
    private func removeDocuments(_ ids: [Int64], _ writer: BlockingConnection) throws(FactStoreError) {
        guard !ids.isEmpty else { return }
        try writer.query("""
            UPDATE terms SET sentences = terms.sentences - gone.n
            FROM (SELECT u.term, sum(u.n)::bigint AS n FROM documents d, unnest(d.term_names, d.term_sentences) AS u(term, n)
                  WHERE d.id = ANY(\(ids)) GROUP BY u.term) AS gone
            WHERE terms.term = gone.term
            """, during: .writing)
        try writer.query("""
            DELETE FROM terms WHERE sentences <= 0
              AND term IN (SELECT unnest(term_names) FROM documents WHERE id = ANY(\(ids)))
            """, during: .writing)
        for (table, key, column) in [("name_terms", "term", "name_terms"), ("entities", "name", "entities")] {
            try writer.query(PostgresQuery(unsafeSQL: """
                UPDATE \(table) SET documents = \(table).documents - gone.n
                FROM (SELECT u.item, count(*) AS n FROM documents d, unnest(d.\(column)) AS u(item)
                      WHERE d.id = ANY($1) GROUP BY u.item) AS gone
                WHERE \(table).\(key) = gone.item
                """, binds: Self.binds(ids)), during: .writing)
            try writer.query(PostgresQuery(unsafeSQL: """
                DELETE FROM \(table) WHERE documents <= 0
                  AND \(key) IN (SELECT unnest(\(column)) FROM documents WHERE id = ANY($1))
                """, binds: Self.binds(ids)), during: .writing)
        }
        try writer.query("""
            UPDATE meta SET value = (value::bigint
                - (SELECT coalesce(sum(sentence_count), 0) FROM documents WHERE id = ANY(\(ids))))::text
            WHERE key = 'sentence_count'
            """, during: .writing)
        try writer.query("DELETE FROM documents WHERE id = ANY(\(ids))", during: .writing)
        try Self.raiseVersion(writer)
    }

    /// Marks the contents changed, so that readers stop using what they cached of the previous version.
    static func raiseVersion(_ writer: BlockingConnection) throws(FactStoreError) {
        try writer.query("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'version'", during: .writing)
    }

    private static func binds(_ ids: [Int64]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(ids, context: .default)
        return binds
    }

    /// Removes the stored documents at these paths, or below these folders, in one transaction. The files need
    /// not exist any more.
    /// - Throws: `FactCheckError.input` for a path that names no stored document (nothing is removed then),
    ///   `.store` when the base cannot be written.
    @discardableResult
    public func remove(paths: [String]) throws(FactCheckError) -> FactStoreUpdate {
        let writer = try connectWriter()
        defer { writer.close() }
        do {
            try writer.execute("BEGIN", during: .writing)
            try Self.lockWriters(writer)
            var known: [String: Int64] = [:]
            for row in try writer.query("SELECT path, id FROM documents", during: .writing) {
                let (path, id) = try decode(row, as: (String, Int64).self)
                known[path] = id
            }
            var removed: [String] = []
            var chosen: Set<String> = []
            for given in paths {
                var matches = Self.stored(under: given, in: known.keys)
                if matches.isEmpty, let real = PathExpander.realPath(given), real != given {
                    matches = Self.stored(under: real, in: known.keys)
                }
                guard !matches.isEmpty else {
                    throw FactCheckError.input(InputError(path: PathExpander.displayPath(given), message: "is not in the fact base",
                                                          hint: "`factcheck base list` shows what it holds"))
                }
                for match in matches where chosen.insert(match).inserted { removed.append(match) }
            }
            try removeDocuments(removed.map { known[$0]! }, writer)
            try writer.execute("COMMIT", during: .writing)
            var update = FactStoreUpdate()
            update.removed = removed.count
            return update
        } catch {
            try? writer.execute("ROLLBACK")
            switch error {
            case let error as FactCheckError: throw error
            case let error as FactStoreError: throw .store(error)
            default: throw .store(FactStoreError(path: url.redacted, message: "\(error)"))
            }
        }
    }

    /// The stored paths that are `path` or lie below it, sorted.
    private static func stored(under path: String, in known: Dictionary<String, Int64>.Keys) -> [String] {
        let folder = path.hasSuffix("/") ? path : path + "/"
        return known.filter { $0 == path || $0.hasPrefix(folder) }.sorted()
    }
}

extension PostgresFactStore {
    /// A connection of its own for one add or removal (its transactions must not mix with a check's).
    /// - Throws: `FactCheckError.store` saying why the server could not be reached.
    fileprivate func connectWriter() throws(FactCheckError) -> BlockingConnection {
        do {
            return try BlockingConnection.connect(to: url)
        } catch {
            throw .store(error)
        }
    }
}
