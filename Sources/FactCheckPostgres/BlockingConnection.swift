import FactCheckKit
import NIOConcurrencyHelpers
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// What reads of one version of the base returned (`meta.version`, which every write raises): term frequencies,
/// the sentence count, candidate facts. Shared by the checks (and server threads) that read that version, as the
/// SQLite store's `StoreReadCache` is by its `data_version`: a server's checks read the database only for what
/// they have not read before.
final class SnapshotCache: @unchecked Sendable {
    // @unchecked: every property is behind `lock`.
    let version: String
    private let lock = NIOLock()
    private var frequencies: [String: Int?] = [:]
    private var sentences: Int?
    private var candidates: [String: [Fact]] = [:]
    private var entries = 0
    /// Past this many facts and terms held, the cache stops growing (a server checking unusual drafts all day).
    static let maximumEntries = 2_000_000

    init(version: String) {
        self.version = version
    }

    var sentenceCount: Int? {
        get { lock.withLock { sentences } }
        set { lock.withLock { sentences = newValue } }
    }

    /// The cached frequency of a term: nil when not read yet, `.some(nil)` when the base does not know it.
    func frequency(of term: String) -> Int?? { lock.withLock { frequencies[term] } }

    func setFrequency(_ frequency: Int?, of term: String) {
        lock.withLock {
            guard entries < Self.maximumEntries else { return }
            entries += 1
            frequencies[term] = .some(frequency)
        }
    }

    /// Facts a query returned, by a key naming the query and its arguments.
    func facts(for key: String) -> [Fact]? { lock.withLock { candidates[key] } }

    func setFacts(_ facts: [Fact], for key: String) {
        lock.withLock {
            guard entries < Self.maximumEntries else { return }
            entries += facts.count + 1
            candidates[key] = facts
        }
    }
}

/// One connection to the server, used synchronously: each call blocks the calling thread until the server has
/// answered.
///
/// Why blocking: `FactSource` is synchronous, and checks run on worker threads (the command line's main thread,
/// `factcheck serve`'s thread pool), never on an event loop, so a worker waiting for its query costs one parked
/// thread and keeps the checker's code one code path for both stores. The queries themselves run on NIO's
/// shared event loops; `EventLoopFuture.wait()` refuses to run on one of those, which would deadlock.
final class BlockingConnection: @unchecked Sendable {
    // @unchecked: `connection` is Sendable; a BlockingConnection is used by one thread at a time (the reader
    // pool hands it out, the writer owns its own).
    let connection: PostgresConnection
    let url: PostgresURL
    /// What this connection's read transaction has read, while it is open (`readingConsistently`): its snapshot
    /// does not change, so a term's frequency read for one claim of a draft holds for the next.
    var snapshot: SnapshotCache?
    private static let logger = Logger(label: "factcheck.postgres") { _ in SwiftLogNoOpLogHandler() }
    private static let nextID = NIOLockedValueBox(0)

    private init(connection: PostgresConnection, url: PostgresURL) {
        self.connection = connection
        self.url = url
    }

    /// Connects and selects the URL's schema.
    /// - Throws: `FactStoreError` saying what failed (unreachable server, wrong password, missing database).
    static func connect(to url: PostgresURL) throws(FactStoreError) -> BlockingConnection {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password(), database: url.database,
                                                             tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        let id = nextID.withLockedValue { value in
            value += 1
            return value
        }
        let future = PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                configuration: configuration, id: id, logger: logger)
        let connection: PostgresConnection
        do {
            connection = try future.wait()
        } catch {
            throw PostgresErrors.translate(error, url: url, during: .connecting)
        }
        let blocking = BlockingConnection(connection: connection, url: url)
        // The schema is a plain identifier (`PostgresURL.isIdentifier`), safe to write as it is.
        try blocking.execute("SET search_path TO \(url.schema)", during: .connecting)
        return blocking
    }

    /// Runs a query and collects its rows.
    /// - Throws: `FactStoreError` (the connection lost, a server error), worded for `during`.
    @discardableResult
    func query(_ query: PostgresQuery, during activity: PostgresErrors.Activity = .reading) throws(FactStoreError) -> PostgresQueryResult {
        // A query sent on a connection the server has closed is never answered (postgres-nio drops the write, and
        // nothing fails the query's promise): a check waited forever after the database went down mid-check.
        guard !connection.isClosed else { throw PostgresErrors.lost(url, during: activity) }
        do {
            return try connection.query(query, logger: Self.logger).wait()
        } catch {
            throw PostgresErrors.translate(error, url: url, during: activity)
        }
    }

    /// Runs a statement given as plain SQL, without parameters.
    func execute(_ sql: String, during activity: PostgresErrors.Activity = .reading) throws(FactStoreError) {
        try query(PostgresQuery(unsafeSQL: sql), during: activity)
    }

    /// `COPY table (columns) FROM STDIN` in text format, streaming `data` (rows already in COPY's text format).
    ///
    /// postgres-nio's COPY is async only: it runs in a task while this thread waits for it, as a query does.
    func copy(into table: String, columns: [String], data: ByteBuffer) throws(FactStoreError) {
        let connection = self.connection
        guard !connection.isClosed else { throw PostgresErrors.lost(url, during: .writing) }
        let outcome = NIOLockedValueBox<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
                    try await writer.write(data)
                }
                outcome.withLockedValue { $0 = .success(()) }
            } catch {
                outcome.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        if case let .failure(error) = outcome.withLockedValue({ $0 }) {
            throw PostgresErrors.translate(error, url: url, during: .writing)
        }
    }

    /// Whether the connection can still be used (a lost one is thrown away rather than pooled).
    var isUsable: Bool { !connection.isClosed }

    func close() {
        guard !connection.isClosed else { return }
        // Never wait on an event loop (it would wait for itself); ours are not, but a deinit may run anywhere.
        if MultiThreadedEventLoopGroup.currentEventLoop == nil {
            try? connection.close().wait()
        } else {
            connection.close().whenComplete { _ in }
        }
    }

    // A connection is closed before it goes: one dropped open leaks its socket (and postgres-nio asserts).
    deinit {
        close()
    }
}
