import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock beside the store (`facts.sqlite.lock`), held while a run builds or refreshes the
/// base: two `factcheck check` started at once must not both build it. Released when the process ends, even
/// by `kill -9`.
final class StoreLock {
    private let descriptor: Int32

    /// Waits for the lock.
    /// - Throws: `FactStoreError` when the lock file cannot be created.
    init(storePath: String) throws(FactStoreError) {
        let lockPath = storePath + ".lock"
        let folder = (lockPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FactStoreError(path: lockPath, message: "cannot create the fact base's lock file",
                                 hint: "check that the folder is writable")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
