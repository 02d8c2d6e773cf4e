import FactCheckKit
import Foundation
import NIOConcurrencyHelpers

/// The connections a store reads through: one per thread reading at a time (a server checks on several), idle
/// ones kept for the next read. A thread inside `readingConsistently` is bound to its connection, whose
/// transaction every read of that thread joins.
final class ReaderConnections: @unchecked Sendable {
    // @unchecked: all state is behind `lock`.
    private let url: PostgresURL
    private let lock = NIOLock()
    private var idle: [BlockingConnection] = []
    private var bound: [UInt: BlockingConnection] = [:]

    init(url: PostgresURL, first: BlockingConnection) {
        self.url = url
        idle = [first]
    }

    private static var thread: UInt { UInt(pthread_self()) }

    /// Runs `body` with this thread's bound connection, else an idle or new one (returned afterwards, unless it
    /// was lost).
    func with<T>(_ body: (BlockingConnection) throws(FactStoreError) -> T) throws(FactStoreError) -> T {
        let thread = Self.thread
        if let connection = lock.withLock({ bound[thread] }) { return try body(connection) }
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Binds a connection to this thread for `body` (a read transaction).
    func bindingOne<T>(_ body: (BlockingConnection) throws -> T) throws -> T {
        let thread = Self.thread
        let connection = try checkOut()
        lock.withLock { bound[thread] = connection }
        defer {
            lock.withLock { bound[thread] = nil }
            checkIn(connection)
        }
        return try body(connection)
    }

    /// Whether this thread is inside a read transaction already.
    var isBound: Bool {
        let thread = Self.thread
        return lock.withLock { bound[thread] != nil }
    }

    private func checkOut() throws(FactStoreError) -> BlockingConnection {
        if let connection = lock.withLock({ idle.popLast() }), connection.isUsable { return connection }
        return try BlockingConnection.connect(to: url)
    }

    private func checkIn(_ connection: BlockingConnection) {
        guard connection.isUsable else { return }
        lock.withLock { idle.append(connection) }
    }

    func closeAll() {
        let connections = lock.withLock {
            defer { idle.removeAll() }
            return idle
        }
        for connection in connections { connection.close() }
    }
}
