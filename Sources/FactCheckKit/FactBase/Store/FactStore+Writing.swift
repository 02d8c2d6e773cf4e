import Foundation
import GRDB

// MARK: Adding, replacing and removing documents

extension FactStore {
    /// A document read and extracted by a worker thread, ready for the single writer.
    struct PreparedDocument: Sendable {
        var path: String
        var contentHash: String
        var size: Int
        var modified: Double
        var date: String?
        var format: String
        var sentenceCount: Int
        var termCounts: [String: Int]
        var nameTerms: [String]
        var entities: [String]
        var facts: [PreparedFact]
    }

    /// A fact encoded by a worker: what the writer inserts into `facts` and, for a claim body not yet stored,
    /// into `claims`, `claim_values` and `postings`.
    struct PreparedFact: Sendable {
        var valueClass: Int
        var key: String
        var low: Double
        var high: Double
        var body: [UInt8]
        /// `ContentHash` of `body`.
        var signature: String
        var passage: [UInt8]
        /// Context terms and their closeness weights.
        var terms: [(term: String, weight: Double)]
    }

    /// What a worker made of one file.
    enum Outcome: Sendable {
        case unchanged(path: String, size: Int, modified: Double)
        case prepared(PreparedDocument)
        case failed(FactCheckError)
    }

    /// What the store knew of a file before this change.
    struct KnownDocument: Sendable {
        var id: Int64
        var contentHash: String
        var size: Int
        var modified: Double
    }

    /// Adds documents, in one transaction: new files are extracted and stored, changed ones (by content hash)
    /// replaced, unchanged ones skipped. Extraction runs on every core; one writer stores the results in the
    /// order of `files`, so fact ids, and the aligner's tie-breaking, do not depend on thread timing.
    ///
    /// If anything fails (an unreadable file, a rule that fails, a full disk) nothing is written: the previous
    /// base stays as it was. The same holds when the process is killed mid-way.
    /// - Parameters:
    ///   - files: absolute paths of document files (see `PathExpander.documents(in:)`).
    ///   - trustFileTimes: treat a file whose size and modification time are unchanged as unchanged without
    ///     reading it (what `check` does to refresh the base quickly); `base add` reads and hashes every file.
    ///   - removingOthers: also remove the stored documents not in `files` (the configured sources shrank).
    ///   - rebuilding: start from an empty base (the rules changed).
    ///   - progress: called after each document, on the writing thread.
    /// - Throws: `FactCheckError` (`.input` for a bad file, `.extraction` for a failing rule, `.store` when the
    ///   base was built by other rules or cannot be written).
    @discardableResult
    public func add(files: [String], extractor: ClaimExtractor, loader: DocumentLoader = DocumentLoader(),
                    trustFileTimes: Bool = false, removingOthers: Bool = false, rebuilding: Bool = false,
                    progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        defer { forgetCachedReads() }
        var seen: Set<String> = []
        let files = files.filter { seen.insert($0).inserted }
        let fingerprint = Self.fingerprint(of: extractor.ruleSet)
        do {
            return try database.write { db in
                var writer = try StoreWriter(db: db, path: path)
                if rebuilding {
                    try writer.clear()
                } else if try writer.documentCount() > 0, try writer.recordedFingerprint() != fingerprint {
                    throw FactCheckError.store(.builtByOtherRules(path))
                }
                let known = try writer.knownDocuments()
                var update = FactStoreUpdate()
                try OrderedParallelMap<Outcome>.run(count: files.count, transform: { index in
                    Self.prepare(files[index], known: known[files[index]], extractor: extractor, loader: loader,
                                 trustFileTimes: trustFileTimes)
                }, consume: { index, outcome in
                    switch outcome {
                    case let .failed(error):
                        throw error
                    case let .unchanged(path, size, modified):
                        update.unchanged += 1
                        if let old = known[path], old.size != size || old.modified != modified {
                            try writer.touch(old.id, size: size, modified: modified)
                        }
                    case let .prepared(document):
                        if let old = known[document.path] {
                            try writer.removeDocument(id: old.id)
                            update.replaced += 1
                        } else {
                            update.added += 1
                        }
                        try writer.insert(document)
                        update.facts += document.facts.count
                        update.extractedBytes += document.size
                    }
                    progress?(FactStoreProgress(done: index + 1, total: files.count, bytes: update.extractedBytes))
                })
                if removingOthers {
                    for (path, document) in known where !seen.contains(path) {
                        try writer.removeDocument(id: document.id)
                        update.removed += 1
                    }
                }
                try writer.finish(fingerprint: fingerprint)
                return update
            }
        } catch let error as FactCheckError {
            throw error
        } catch {
            throw .store(Self.translate(error, path: path))
        }
    }

    /// Removes the stored documents at these paths, or below these folders, in one transaction. The files need
    /// not exist any more.
    /// - Throws: `FactCheckError.input` for a path that names no stored document (nothing is removed then),
    ///   `.store` when the base cannot be written.
    @discardableResult
    public func remove(paths: [String]) throws(FactCheckError) -> FactStoreUpdate {
        defer { forgetCachedReads() }
        do {
            return try database.write { db in
                var writer = try StoreWriter(db: db, path: path)
                let known = try writer.knownDocuments()
                var update = FactStoreUpdate()
                var removed: Set<String> = []
                for given in paths {
                    let folder = given.hasSuffix("/") ? given : given + "/"
                    let matches = known.keys.filter { $0 == given || $0.hasPrefix(folder) }.sorted()
                    guard !matches.isEmpty else {
                        throw FactCheckError.input(InputError(path: PathExpander.displayPath(given),
                                                              message: "is not in the fact base",
                                                              hint: "`factcheck base list` shows what it holds"))
                    }
                    for match in matches where removed.insert(match).inserted {
                        try writer.removeDocument(id: known[match]!.id)
                        update.removed += 1
                    }
                }
                try writer.finish(fingerprint: nil)
                return update
            }
        } catch let error as FactCheckError {
            throw error
        } catch {
            throw .store(Self.translate(error, path: path))
        }
    }

    /// Re-extracts every stored document that still exists with these rules, from an empty base, in one
    /// transaction; documents whose file is gone are dropped (and counted as removed).
    /// - Throws: as `add`.
    @discardableResult
    public func rebuild(extractor: ClaimExtractor, loader: DocumentLoader = DocumentLoader(),
                        progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        let paths: [String]
        do {
            paths = try documents().map(\.path)
        } catch {
            throw .store(error)
        }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        var update = try add(files: existing, extractor: extractor, loader: loader, rebuilding: true, progress: progress)
        update.removed = paths.count - existing.count
        return update
    }

    /// Reads, hashes and (unless unchanged) extracts one file. Runs on a worker thread.
    static func prepare(_ path: String, known: KnownDocument?, extractor: ClaimExtractor, loader: DocumentLoader,
                        trustFileTimes: Bool) -> Outcome {
        let displayPath = PathExpander.displayPath(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        if trustFileTimes, let known, known.size == size, known.modified == modified {
            return .unchanged(path: path, size: size, modified: modified)
        }
        guard attributes != nil, let data = FileManager.default.contents(atPath: path) else {
            return .failed(.input(InputError(path: displayPath, message: "cannot read the file",
                                             hint: "check that it exists and is readable")))
        }
        let contentHash = ContentHash.of(data)
        if known?.contentHash == contentHash {
            return .unchanged(path: path, size: size, modified: modified)
        }
        let document: Document
        let contribution: DocumentFacts
        do {
            document = try loader.document(path: displayPath, data: data, format: DocumentFormat(path: path))
        } catch {
            return .failed(.input(error))
        }
        do {
            contribution = try DocumentFacts(document: document, extractor: extractor, withPassages: true)
        } catch {
            return .failed(.extraction(error))
        }
        let facts = zip(contribution.claims, contribution.passages).map { claim, passage in
            let (low, high) = ValueIndex.interval(of: claim.value)
            let body = FactRecord.encodeBody(claim)
            return PreparedFact(valueClass: ValueIndex.valueClass(of: claim.value), key: key(of: claim), low: low,
                                high: high, body: body, signature: ContentHash.of(body),
                                passage: FactRecord.encodePassage(passage),
                                terms: claim.context.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        return .prepared(PreparedDocument(
            path: path, contentHash: contentHash, size: data.count, modified: modified, date: text(of: document.date),
            format: document.format.rawValue, sentenceCount: contribution.sentenceCount,
            termCounts: contribution.termSentenceCounts, nameTerms: contribution.nameTerms.sorted(),
            entities: Array(Set(contribution.entities)).sorted(), facts: facts))
    }
}
