import Foundation
import GRDB

// MARK: Adding, replacing and removing documents

extension FactStore {
    /// A document read and extracted by a worker thread, ready for the single writer.
    public struct PreparedDocument: Sendable {
        public var path: String
        public var contentHash: String
        public var size: Int
        public var modified: Double
        public var date: String?
        public var format: String
        public var sentenceCount: Int
        /// Each term with the number of sentences it occurs in, in the order the document first uses them
        /// (`DocumentFacts.termSentenceCounts`), which the ids of terms new to the store follow.
        public var termCounts: [(term: String, sentences: Int)]
        /// The terms' ids in the vocabulary of the worker that read them (`DocumentFacts.termIDs`).
        var termIDs: (vocabulary: Int, ids: [Int])
        public var nameTerms: [String]
        /// `nameTerms` as the documents table keeps them: one a line.
        public var nameTermsText: String
        public var entities: [String]
        /// `entities` as the documents table keeps them: one a line.
        public var entitiesText: String
        public var facts: [PreparedFact]
        /// The encoded parts of all `facts`, one after another (each fact names its ranges): one buffer for the
        /// document rather than three per fact, allocated by the worker and freed by the writer's thread.
        public var factBytes: [UInt8]
    }

    /// A fact encoded by a worker: what the writer inserts into `facts` and, for a claim not yet stored, into
    /// `claims` and `claim_values`, and for a context not yet stored, into `contexts` and `postings`.
    public struct PreparedFact: Sendable {
        public var valueClass: Int
        public var key: String
        public var low: Double
        public var high: Double
        /// `FactRecord.writeContext`, stored as is: its range of the document's `factBytes`. Its signature
        /// (`contextDigest`) is worked out by the writer, only for a claim new to the store: most facts of an
        /// archive restate a stored claim, whose context is stored with it.
        public var context: Range<Int>
        /// `FactRecord.writeValue`: its range of `factBytes`.
        public var value: Range<Int>
        /// `ContentHash` of `context` and `value`: the writer's key for the claim, stored as its hex digits.
        public var signatureDigest: ContentHash.Digest
        /// `FactRecord.writePassage`: its range of `factBytes`.
        public var passage: Range<Int>
        /// Context terms and their closeness weights, sorted by term (the order of `context`'s bytes).
        public var terms: [(key: String, value: Double)]
    }

    /// The signature of a fact's context: its value class, then its bytes (`FactRecord.writeContext`). The value
    /// class is part of a context's identity: its postings are filed under the class, so the same words read
    /// with values of two classes make two contexts.
    public static func contextDigest(of fact: PreparedFact, in factBytes: [UInt8]) -> ContentHash.Digest {
        var hash = ContentHash()
        hash.add(CollectionOfOne(UInt8(truncatingIfNeeded: fact.valueClass)))
        hash.add(factBytes[fact.context])
        return hash.digest
    }

    /// What a worker made of one file.
    public enum Outcome: Sendable {
        case unchanged(path: String, size: Int, modified: Double)
        case prepared(PreparedDocument)
        case failed(FactCheckError)
    }

    /// What the store knew of a file before this change.
    public struct KnownDocument: Sendable {
        public var id: Int64
        public var contentHash: String
        public var size: Int
        public var modified: Double

        public init(id: Int64, contentHash: String, size: Int, modified: Double) {
            self.id = id
            self.contentHash = contentHash
            self.size = size
            self.modified = modified
        }
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
    ///   - beforeExtracting: called on a worker thread before each document is extracted (not for one skipped
    ///     as unchanged); `CheckSession` JIT-compiles the rules there, once, only when a document needs it.
    ///   - progress: called after each document, on the writing thread.
    /// - Throws: `FactCheckError` (`.input` for a bad file, `.extraction` for a failing rule, `.store` when the
    ///   base was built by other rules or cannot be written).
    @discardableResult
    public func add(files: [String], extractor: ClaimExtractor, loader: DocumentLoader = DocumentLoader(),
                    trustFileTimes: Bool = false, removingOthers: Bool = false, rebuilding: Bool = false,
                    beforeExtracting: (@Sendable () -> Void)? = nil,
                    progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        var seen: Set<String> = []
        let files = files.filter { seen.insert($0).inserted }
        let fingerprint = Self.fingerprint(of: extractor.ruleSet)
        return try writing { db in
            var writer = try StoreWriter(db: db, path: path)
            if rebuilding {
                try writer.clear()
            } else if try writer.documentCount() > 0, try writer.recordedFingerprint() != fingerprint {
                throw FactCheckError.store(.builtByOtherRules(path))
            }
            let known = try writer.knownDocuments()
            // Once for all files: FileManager asks the kernel (getcwd) every time.
            let workingDirectory = FileManager.default.currentDirectoryPath
            var update = FactStoreUpdate()
            try OrderedParallelMap<Outcome>.runInChunks(count: files.count, maximumChunk: Self.maximumChunk, transform: {
                Self.prepare(files[$0], known: known, extractor: extractor, loader: loader,
                             trustFileTimes: trustFileTimes, workingDirectory: workingDirectory,
                             beforeExtracting: beforeExtracting)
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
    }

    /// Removes the stored documents at these paths, or below these folders, in one transaction. The files need
    /// not exist any more.
    /// - Throws: `FactCheckError.input` for a path that names no stored document (nothing is removed then),
    ///   `.store` when the base cannot be written.
    @discardableResult
    public func remove(paths: [String]) throws(FactCheckError) -> FactStoreUpdate {
        return try writing { db in
            var writer = try StoreWriter(db: db, path: path)
            let known = try writer.knownDocuments()
            var update = FactStoreUpdate()
            var removed: Set<String> = []
            for given in paths {
                var matches = Self.stored(under: given, in: known.keys)
                // A folder named through a symbolic link: its documents are stored under its real path.
                if matches.isEmpty, let real = PathExpander.realPath(given), real != given {
                    matches = Self.stored(under: real, in: known.keys)
                }
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
    }

    /// The stored paths that are `path` or lie below it, sorted.
    private static func stored(under path: String, in known: Dictionary<String, KnownDocument>.Keys) -> [String] {
        let folder = path.hasSuffix("/") ? path : path + "/"
        return known.filter { $0 == path || $0.hasPrefix(folder) }.sorted()
    }

    /// Runs `body` as one write transaction (all of it or nothing), then forgets what this store had read, which
    /// the write may have changed. A `FactCheckError` thrown by `body` passes through; database errors become
    /// `.store`.
    private func writing<T>(_ body: (Database) throws -> T) throws(FactCheckError) -> T {
        defer { forgetCachedReads() }
        do {
            return try database.write(body)
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
        let (existing, gone) = try rebuildableFiles()
        var update = try add(files: existing, extractor: extractor, loader: loader, rebuilding: true, progress: progress)
        update.removed = gone
        return update
    }

    /// The most files in a row a worker takes at a time (`OrderedParallelMap.chunkSize`): their documents are
    /// matched pattern by pattern (`prepare`). Building the 100,000-document benchmark archive, interleaved runs
    /// took a median of 28.75 s of CPU one file at a time, 22.32 s in chunks of 16, 21.05 s of 64, 20.44 s of 256
    /// (peak memory 178, 179, 184, 201 MB).
    static let maximumChunk = 256
    /// The most text a worker holds to match pattern by pattern: a chunk of very large files is extracted in
    /// parts, so that memory stays bounded whatever the files.
    static let maximumPendingBytes = 8 * 1_048_576

    /// What reading a file gave: its outcome already (unchanged, or not a document), or a document to extract.
    private enum Loading {
        case settled(Outcome)
        case loaded(LoadedDocument)
    }

    /// A file read and made a document, waiting to be extracted.
    private struct LoadedDocument {
        var path: String
        var contentHash: String
        var size: Int
        var modified: Double
        var document: Document
    }

    /// Reads, hashes and (unless unchanged) extracts a run of files; one outcome for each, in order. Runs on a
    /// worker thread. The rule patterns are matched over all the run's documents, pattern by pattern
    /// (`ClaimExtractor.patternMatches(in:)`), at most `maximumPendingBytes` of them at a time; then each
    /// document's facts are read.
    /// - Parameters:
    ///   - workingDirectory: what paths are shown relative to (`PathExpander.displayPath`).
    ///   - maximumPendingBytes: see `maximumPendingBytes` (tests make it small).
    static func prepare(_ paths: ArraySlice<String>, known: [String: KnownDocument], extractor: ClaimExtractor,
                        loader: DocumentLoader, trustFileTimes: Bool, workingDirectory: String,
                        beforeExtracting: (@Sendable () -> Void)? = nil,
                        maximumPendingBytes: Int = maximumPendingBytes) -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: paths.count)
        var pending: [(slot: Int, loaded: LoadedDocument)] = []
        var pendingBytes = 0
        func extractPending() {
            let matches = extractor.patternMatches(in: pending.map(\.loaded.document))
            for ((slot, loaded), matches) in zip(pending, matches) {
                outcomes[slot] = extract(loaded, patternMatches: matches, extractor: extractor)
            }
            pending.removeAll()
            pendingBytes = 0
        }
        for (slot, path) in paths.enumerated() {
            switch load(path, known: known[path], loader: loader, trustFileTimes: trustFileTimes,
                        workingDirectory: workingDirectory) {
            case let .settled(outcome):
                outcomes[slot] = outcome
            case let .loaded(loaded):
                beforeExtracting?()
                pending.append((slot, loaded))
                pendingBytes += loaded.document.readable.count
                if pendingBytes >= maximumPendingBytes { extractPending() }
            }
        }
        if !pending.isEmpty { extractPending() }
        return outcomes.map { $0! }
    }

    /// Reads and hashes one file: its outcome when it is unchanged or cannot be read as a document, else the
    /// document to extract.
    private static func load(_ path: String, known: KnownDocument?, loader: DocumentLoader, trustFileTimes: Bool,
                             workingDirectory: String) -> Loading {
        let displayPath = PathExpander.displayPath(path, workingDirectory: workingDirectory)
        if trustFileTimes, let known, let attributes = FileAccess.attributes(atPath: path),
           known.size == attributes.size, known.modified == attributes.modified {
            return .settled(.unchanged(path: path, size: attributes.size, modified: attributes.modified))
        }
        guard let (size, modified, bytes) = FileAccess.attributesAndContents(atPath: path) else {
            return .settled(.failed(.input(InputError(path: displayPath, message: "cannot read the file",
                                                      hint: "check that it exists and is readable"))))
        }
        let contentHash = ContentHash.of(bytes)
        if known?.contentHash == contentHash {
            return .settled(.unchanged(path: path, size: size, modified: modified))
        }
        do {
            let document = try loader.document(path: displayPath, bytes: bytes, format: DocumentFormat(path: path))
            return .loaded(LoadedDocument(path: path, contentHash: contentHash, size: bytes.count, modified: modified,
                                          document: document))
        } catch {
            return .settled(.failed(.input(error)))
        }
    }

    /// A loaded document's facts, encoded for the writer, from what the rule patterns matched in it.
    private static func extract(_ loaded: LoadedDocument,
                                patternMatches: Result<ClaimExtractor.PatternMatches, ExtractionError>,
                                extractor: ClaimExtractor) -> Outcome {
        let document = loaded.document
        let contribution: DocumentFacts
        switch patternMatches {
        case let .success(matches):
            contribution = DocumentFacts(document: document, patternMatches: matches, extractor: extractor,
                                         withPassages: true)
        case let .failure(error):
            return .failed(.extraction(error))
        }
        // A third of the claim contexts of the benchmark archive take more than 256 bytes; its passages about 170.
        var factBytes = FactRecord.Writer(capacity: contribution.claims.count * 768)
        let facts = zip(contribution.claims, contribution.passages).map { claim, passage in
            let (low, high) = ValueIndex.interval(of: claim.value)
            // Sorted once, for the context's bytes and its postings alike.
            let context = claim.context.sorted { $0.key < $1.key }
            let contextStart = factBytes.bytes.count
            FactRecord.writeContext(claim, sortedContext: context, into: &factBytes)
            let valueStart = factBytes.bytes.count
            FactRecord.writeValue(claim.value, into: &factBytes)
            let passageStart = factBytes.bytes.count
            FactRecord.writePassage(passage, into: &factBytes)
            let (contextRange, valueRange) = (contextStart..<valueStart, valueStart..<passageStart)
            let valueClass = ValueIndex.valueClass(of: claim.value)
            var claimHash = ContentHash()
            claimHash.add(factBytes.bytes[contextRange])
            claimHash.add(factBytes.bytes[valueRange])
            let digest = claimHash.digest
            return PreparedFact(valueClass: valueClass, key: key(of: claim), low: low,
                                high: high, context: contextRange, value: valueRange,
                                signatureDigest: digest, passage: passageStart..<factBytes.bytes.count, terms: context)
        }
        let nameTerms = contribution.nameTerms.sorted()
        let entities = Array(Set(contribution.entities)).sorted()
        return .prepared(PreparedDocument(
            path: loaded.path, contentHash: loaded.contentHash, size: loaded.size, modified: loaded.modified,
            date: text(of: document.date),
            format: document.format.rawValue, sentenceCount: contribution.sentenceCount,
            termCounts: contribution.termSentenceCounts,
            termIDs: contribution.termIDs,
            nameTerms: nameTerms, nameTermsText: nameTerms.joined(separator: "\n"),
            entities: entities, entitiesText: entities.joined(separator: "\n"),
            facts: facts, factBytes: factBytes.bytes))
    }
}
