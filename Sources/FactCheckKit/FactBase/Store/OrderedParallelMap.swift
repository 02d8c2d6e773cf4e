import Foundation

/// Runs a transform over `0..<count` on several threads and hands the results to one consumer in index order,
/// as they become ready: extraction runs on every core while a single writer stores the results, and the
/// writer's order (hence the facts' ids) does not depend on thread timing.
///
/// Workers run at most `window` items ahead of the consumer, so memory stays bounded on a large archive.
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `condition`.
    private let condition = NSCondition()
    private var results: [Int: Output] = [:]
    private var nextToClaim = 0
    private var consumed = 0
    private var cancelled = false
    private let count: Int
    private let window: Int

    private init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// Maps and consumes. If `consume` throws, the workers stop after their current item and the error is
    /// rethrown once they have.
    static func run(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 512,
                    transform: @escaping @Sendable (Int) -> Output, consume: (Int, Output) throws -> Void) throws {
        let map = OrderedParallelMap(count: count, window: max(1, window))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            Thread.detachNewThread {
                map.work(transform)
                group.leave()
            }
        }
        defer {
            map.cancel()
            group.wait()
        }
        for index in 0..<count {
            let output = map.take(index)
            try consume(index, output)
        }
    }

    private func work(_ transform: @Sendable (Int) -> Output) {
        while true {
            condition.lock()
            while !cancelled, nextToClaim < count, nextToClaim - consumed >= window { condition.wait() }
            guard !cancelled, nextToClaim < count else {
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            let output = transform(index)
            condition.lock()
            results[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }

    private func take(_ index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let output = results.removeValue(forKey: index)!
        consumed = index + 1
        condition.broadcast()
        return output
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
