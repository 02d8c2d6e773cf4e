import Foundation

/// Runs async work to its end from synchronous code: the command line's entry point is synchronous (main.swift),
/// and only `serve` needs Swift concurrency. The calling thread waits; the work runs on the concurrency pool.
enum BlockingTask {
    static func run(_ work: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await work()
            } catch {
                outcome.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }

    /// Written by the task before it signals, read by the waiting thread after: the semaphore orders the two.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
