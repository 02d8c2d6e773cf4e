import Foundation

/// The first occurrences (fact id, document id) of each claim a process has looked up, valid as long as the
/// database has not changed: `PRAGMA data_version` tells when another connection committed, and the store
/// clears the cache after its own writes.
final class OccurrenceCache: @unchecked Sendable {
    // @unchecked: every field is only touched under `lock`.
    private let lock = NSLock()
    private var occurrences: [Int64: [(fact: Int, document: Int)]] = [:]
    private var dataVersion: Int?
    private let capacity: Int

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// Forgets everything when the database changed since the cache was filled.
    func validate(dataVersion version: Int) {
        lock.lock()
        defer { lock.unlock() }
        if dataVersion != version {
            occurrences.removeAll(keepingCapacity: true)
            dataVersion = version
        }
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        occurrences.removeAll(keepingCapacity: true)
        dataVersion = nil
    }

    subscript(claim: Int64) -> [(fact: Int, document: Int)]? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return occurrences[claim]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            if occurrences.count >= capacity { occurrences.removeAll(keepingCapacity: true) }
            occurrences[claim] = newValue
        }
    }
}
