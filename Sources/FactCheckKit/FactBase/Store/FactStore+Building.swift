import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

// MARK: A new store, built whole and then put in place

extension FactStore {
    /// Where a new store is written until it is complete: beside it, so that putting it in place is one rename.
    static func stagingPath(for path: String) -> String { path + ".building" }

    /// Adds documents to the store at `path`, creating it when there is none: a new store is built whole in a
    /// staging file beside it (`PATH.building`) and renamed to `path` once complete (`build(at:...)`); an
    /// existing store gets `add(files:...)`'s one transaction. The caller holds the store's lock
    /// (`whileLocked`).
    /// - Throws: as `add(files:...)`; `.store` when the store cannot be opened or put in place.
    @discardableResult
    public static func add(files: [String], toStoreAt path: String, extractor: ClaimExtractor,
                           loader: DocumentLoader = DocumentLoader(),
                           progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        if !FileManager.default.fileExists(atPath: path) {
            return try build(at: path, files: files, extractor: extractor, loader: loader, progress: progress)
        }
        let store: FactStore
        do {
            store = try FactStore(path: path, create: false)
        } catch {
            throw .store(error)
        }
        return try store.add(files: files, extractor: extractor, loader: loader, progress: progress)
    }

    /// Builds a new store at `path` (where there is none) from `files`: written to a staging file without a
    /// journal, synced, and renamed into place, so that `path` holds either nothing or the whole base. A build
    /// that fails or is killed leaves no store at `path`; its staging file is removed then or by the next build.
    /// The caller holds the store's lock (`whileLocked`), which also guards the staging file.
    /// - Throws: as `add(files:...)`; `.store` when the staging file cannot be written or renamed.
    @discardableResult
    static func build(at path: String, files: [String], extractor: ClaimExtractor,
                      loader: DocumentLoader = DocumentLoader(), beforeExtracting: (@Sendable () -> Void)? = nil,
                      progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) -> FactStoreUpdate {
        let staging = stagingPath(for: path)
        // Left by a build that was killed: only a build under this lock writes it.
        unlink(staging)
        do {
            let store = try FactStore(path: path, create: true, stagedAt: staging)
            let update = try store.add(files: files, extractor: extractor, loader: loader,
                                       beforeExtracting: beforeExtracting, progress: progress)
            try store.putInPlace(staging)
            return update
        } catch {
            unlink(staging)
            if let error = error as? FactCheckError { throw error }
            throw .store(Self.translate(error, path: path))
        }
    }

    /// Makes the staging file this store was built in the store at `path`: a WAL database like any other store,
    /// closed, on disk, then renamed. This store is closed afterwards.
    private func putInPlace(_ staging: String) throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try database.close()
        // The staging file was written unsynced: it reaches the disk before the rename makes it the store.
        try Self.synchronize(staging)
        // A log left beside a store that was deleted would be replayed into this one on opening it.
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        guard rename(staging, path) == 0 else {
            throw FactStoreError(path: path, message: "cannot put the new fact base in place: \(String(cString: strerror(errno)))",
                                 hint: "check that the folder is writable")
        }
        try Self.synchronize((path as NSString).deletingLastPathComponent.isEmpty
                             ? "." : (path as NSString).deletingLastPathComponent)
    }

    /// fsync(2) of a file or folder.
    private static func synchronize(_ path: String) throws(FactStoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw FactStoreError(path: path, message: "cannot write the new fact base to disk: \(reason)",
                                 hint: "check the disk and its free space")
        }
        close(descriptor)
    }
}
