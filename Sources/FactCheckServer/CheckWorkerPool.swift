import FactCheckKit
import NIOConcurrencyHelpers
import NIOPosix

/// Runs the CPU-bound checker off the event loops and the Swift concurrency pool, on NIO's shared blocking-work
/// pool (one thread per core), and gives up waiting after a deadline.
///
/// What a timeout does to work in progress: the request is answered 503 at the deadline, and the work is told
/// (`CheckCancellation`), which a check looks at between claims and stops. A check still *queued* when its
/// deadline passes is never started, so an overloaded server sheds work instead of piling it up.
struct CheckWorkerPool: Sendable {
    /// Why a job produced no result.
    enum Failure: Error {
        case timedOut
        case shuttingDown
    }

    private let threadPool: NIOThreadPool

    init(threadPool: NIOThreadPool = .singleton) {
        self.threadPool = threadPool
    }

    /// Runs `work` on a pool thread.
    /// - Returns: What `work` returned, if it finished within `timeout` (queueing included).
    /// - Throws: `Failure.timedOut`, `Failure.shuttingDown`, or what `work` threw.
    /// - Parameter work: given the cancellation the deadline sets, for it to stop at.
    func run<Result: Sendable>(timeout: Duration,
                               _ work: @escaping @Sendable (CheckCancellation) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let answer = SingleAnswer(continuation)
            let cancellation = CheckCancellation()
            // Cancelled as soon as the work answers, so that finished requests hold no timer (and no memory)
            // until their deadline.
            let deadline = Task {
                try await Task.sleep(for: timeout)
                cancellation.cancel()
                answer.give(.failure(Failure.timedOut))
            }
            threadPool.submit { state in
                defer { deadline.cancel() }
                guard state == .active else { return answer.give(.failure(Failure.shuttingDown)) }
                // The deadline passed while the job queued: nobody waits for it any more.
                guard !answer.isGiven else { return }
                answer.give(Swift.Result { try work(cancellation) })
            }
        }
    }
}

/// A continuation that the worker and the timer race to resume; the first one wins, the other is ignored
/// (resuming a continuation twice would crash).
private final class SingleAnswer<Value: Sendable>: Sendable {
    private let continuation: NIOLockedValueBox<CheckedContinuation<Value, any Error>?>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = NIOLockedValueBox(continuation)
    }

    var isGiven: Bool { continuation.withLockedValue { $0 == nil } }

    func give(_ result: Result<Value, any Error>) {
        let waiting = continuation.withLockedValue { value in
            defer { value = nil }
            return value
        }
        waiting?.resume(with: result)
    }
}
