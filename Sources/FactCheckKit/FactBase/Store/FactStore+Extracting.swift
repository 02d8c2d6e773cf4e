import Foundation

// MARK: Extraction, shared with stores kept elsewhere

extension FactStore {
    /// Reads, hashes and (unless unchanged) extracts `files` on every core, and hands each outcome to `consume`
    /// on the calling thread, in the order of `files`: the first half of `add(files:...)`, for a store that writes
    /// the documents its own way (the PostgreSQL store). Outcomes come in the same order and with the same
    /// encoding as the SQLite store's, so that both give their facts the same relative order.
    /// - Parameters:
    ///   - known: what the store holds of each path, so that a file with the same content hash is `unchanged`.
    ///   - trustFileTimes: see `add(files:...)`.
    ///   - consume: the file's index in `files` and its outcome; what it throws stops the extraction and passes
    ///     through.
    /// - Throws: what `consume` throws.
    public static func extractDocuments(_ files: [String], known: [String: KnownDocument], extractor: ClaimExtractor,
                                        loader: DocumentLoader = DocumentLoader(), trustFileTimes: Bool = false,
                                        beforeExtracting: (@Sendable () -> Void)? = nil,
                                        consume: (Int, Outcome) throws -> Void) throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        try OrderedParallelMap<Outcome>.runInChunks(count: files.count, maximumChunk: maximumChunk, transform: {
            prepare(files[$0], known: known, extractor: extractor, loader: loader, trustFileTimes: trustFileTimes,
                    workingDirectory: workingDirectory, beforeExtracting: beforeExtracting)
        }, consume: consume)
    }
}
