import Foundation

/// What `factcheck base` does with a store besides checking against it, whatever keeps it: the SQLite
/// `FactStore` or the PostgreSQL store (in its own module, which FactCheckKit does not depend on). Adding is not
/// here: a SQLite store is created by its first add (`FactStore.add(files:toStoreAt:...)`), a PostgreSQL one by
/// `factcheck base migrate`.
public protocol ManagedFactStore: FactSource {
    /// How messages name the store: a path, or a URL without its password.
    var location: String { get }

    /// The documents of the base, by path.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func documents() throws(FactStoreError) -> [StoredDocument]

    /// Counts and sizes.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func statistics() throws(FactStoreError) -> FactStoreStatistics

    /// Whether these rules built the base (an empty base fits any rules).
    /// - Throws: `FactStoreError` when the store cannot be read.
    func isBuilt(by rules: RuleSet) throws(FactStoreError) -> Bool

    /// The store's own consistency check: "ok", or what is wrong.
    /// - Throws: `FactStoreError` when the store cannot be read.
    func integrityCheck() throws(FactStoreError) -> String

    /// Removes the stored documents at these paths or below these folders, all or none.
    /// - Throws: `FactCheckError.input` for a path that names no stored document, `.store` when the base cannot
    ///   be written.
    func remove(paths: [String]) throws(FactCheckError) -> FactStoreUpdate

    /// Re-extracts every stored document whose file still exists with these rules; the others are dropped.
    /// - Throws: `FactCheckError`, as an add.
    func rebuild(extractor: ClaimExtractor, loader: DocumentLoader,
                 progress: ((FactStoreProgress) -> Void)?) throws(FactCheckError) -> FactStoreUpdate
}

extension ManagedFactStore {
    /// What a rebuild re-extracts: the stored documents whose files still exist, and how many are gone.
    /// - Throws: `FactCheckError.store` when the store cannot be read.
    public func rebuildableFiles() throws(FactCheckError) -> (existing: [String], gone: Int) {
        let paths: [String]
        do {
            paths = try documents().map(\.path)
        } catch {
            throw .store(error)
        }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        return (existing, paths.count - existing.count)
    }
}

extension FactStore: ManagedFactStore {
    public var location: String { PathExpander.displayPath(path) }
}
