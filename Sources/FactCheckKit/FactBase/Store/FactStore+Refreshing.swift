import Foundation

// MARK: The store that `check` uses

extension FactStore {
    /// Opens the store at `path`, creating or refreshing it from `sources` first: new and changed files are added,
    /// files no longer among the sources removed, and everything rebuilt when the rules changed. A file whose
    /// size and modification time did not change is taken as unchanged without being read, so a refresh of an
    /// unchanged archive costs a directory walk.
    ///
    /// Runs under the store's lock: two runs started at once do not both build it.
    /// - Throws: `FactCheckError` for unreadable sources, failing rules or a store that cannot be used.
    /// - Parameter beforeExtracting: see `add(files:...)`.
    public static func refreshed(path: String, sources: [String], extractor: ClaimExtractor,
                                 loader: DocumentLoader = DocumentLoader(),
                                 beforeExtracting: (@Sendable () -> Void)? = nil,
                                 progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStore {
        let files: [String]
        do {
            files = PathExpander.absolutePaths(try PathExpander.documents(in: sources))
        } catch {
            throw .input(error)
        }
        let lock: StoreLock
        do {
            lock = try StoreLock(storePath: path)
        } catch {
            throw .store(error)
        }
        return try withExtendedLifetime(lock) { () throws(FactCheckError) in
            if !FileManager.default.fileExists(atPath: path) {
                try build(at: path, files: files, extractor: extractor, loader: loader,
                          beforeExtracting: beforeExtracting, progress: progress)
            }
            let store: FactStore
            let builtByTheseRules: Bool
            do throws(FactStoreError) {
                store = try FactStore(path: path, create: false)
                builtByTheseRules = try store.isBuilt(by: extractor.ruleSet)
            } catch {
                throw .store(error)
            }
            // After a build every file is unchanged: this add only walks the sources, comparing sizes and times.
            try store.add(files: files, extractor: extractor, loader: loader, trustFileTimes: builtByTheseRules,
                          removingOthers: true, rebuilding: !builtByTheseRules, beforeExtracting: beforeExtracting,
                          progress: progress)
            return store
        }
    }
}

extension FactStore {
    /// Runs `body` holding the store's lock (`PATH.lock`), so that commands that change the store (and `check`'s
    /// refresh) take turns.
    /// - Throws: `FactCheckError.store` when the lock file cannot be made, or what `body` throws.
    public static func whileLocked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let lock: StoreLock
        do {
            lock = try StoreLock(storePath: path)
        } catch {
            throw FactCheckError.store(error)
        }
        return try withExtendedLifetime(lock) { try body() }
    }
}
