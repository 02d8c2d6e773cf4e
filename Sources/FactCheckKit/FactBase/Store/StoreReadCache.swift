import Foundation

/// What a process has read from a store, kept while the database does not change: `PRAGMA data_version` tells
/// when another connection committed, and the store empties the cache after its own writes.
///
/// A draft's claims share most of their context words, and a server checks many drafts against the same base:
/// each term's statistics and postings, each context and claim and its first occurrences are read once, not once per
/// claim that meets them. The cache holds only what was asked for, and is emptied whole when it grows past
/// `capacity` entries, which is enough for a cache whose misses cost one indexed query.
final class StoreReadCache: @unchecked Sendable {
    // @unchecked: `contents` is only touched under `lock`.

    /// A row of `terms`.
    struct TermRow: Sendable {
        var id: Int64
        /// How many sentences of the base hold the term.
        var sentences: Int
    }

    /// A claim of the base, decoded, and its context's row id.
    struct StoredClaim: Sendable {
        var context: Int64
        var shared: SharedClaim
    }

    /// A context of the base as a candidate query needs it: its key as stored and how many claims it has.
    struct ContextRow: Sendable {
        var key: String
        var claimCount: Int
    }

    /// A posting list's identity: a term among the contexts of one value class.
    struct PostingList: Hashable, Sendable {
        var term: Int64
        var valueClass: Int
    }

    /// Contexts of one value class with one key.
    struct KeyedContexts: Hashable, Sendable {
        var valueClass: Int
        var key: String
    }

    /// Values of one class on one interval: the claims whose value may agree with one there.
    struct ValueInterval: Hashable, Sendable {
        var valueClass: Int
        var low: Double
        var high: Double

        /// The class and interval of a value as the store indexes it (`ValueIndex`).
        init(of value: Value) {
            valueClass = ValueIndex.valueClass(of: value)
            (low, high) = ValueIndex.interval(of: value)
        }
    }

    /// Claims whose value may agree with a value (on its interval) and whose key fits.
    struct NearValues: Hashable, Sendable {
        var interval: ValueInterval
        var key: String
    }

    struct Contents {
        /// nil for a term the base has never seen.
        var terms: [String: TermRow?] = [:]
        var sentenceCount: Int?
        var postings: [PostingList: [(context: Int64, weight: Double)]] = [:]
        var keyedContexts: [KeyedContexts: [Int64]] = [:]
        var contextRows: [Int64: ContextRow] = [:]
        /// Decoded contexts, shared by the claims built from them.
        var contexts: [Int64: StoredContext] = [:]
        /// The claims of each context, by id.
        var members: [Int64: [Int64]] = [:]
        var claims: [Int64: StoredClaim] = [:]
        /// The first occurrences (fact id, document id) of each claim.
        var occurrences: [Int64: [(fact: Int, document: Int)]] = [:]
        /// Which claims may agree with a value on the interval (what the R*Tree holds), by context.
        var valueOverlaps: [ValueInterval: ValueOverlap] = [:]
        /// The first claims (by id) that may agree with a value, as many as the aligner pages through.
        var nearValues: [NearValues: [Int64]] = [:]
        /// Entries held, postings counted one by one.
        var size = 0
    }

    private let lock = NSLock()
    private var contents = Contents()
    private var dataVersion: Int?
    private let capacity: Int

    init(capacity: Int = 2_000_000) {
        self.capacity = capacity
    }

    /// Forgets everything when the database changed since the cache was filled.
    func validate(dataVersion version: Int) {
        lock.lock()
        defer { lock.unlock() }
        if dataVersion != version {
            contents = Contents()
            dataVersion = version
        }
    }

    /// Forgets everything (after this process's own writes, which `data_version` does not count).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        contents = Contents()
        dataVersion = nil
    }

    /// Reads the cache.
    func read<T>(_ body: (Contents) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(contents)
    }

    /// Adds what was read; `entries` is how many entries it holds.
    func add(entries: Int, _ body: (inout Contents) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if contents.size + entries > capacity { contents = Contents() }
        contents.size += entries
        body(&contents)
    }
}
