import Foundation

/// Runs a transform over `0..<count` on several threads and hands the results to one consumer in index order,
/// as they become ready: extraction runs on every core while a single writer stores the results, and the
/// writer's order (hence the facts' ids) does not depend on thread timing.
///
/// Workers run at most `window` items ahead of the consumer, so memory stays bounded on a large archive. A waiting
/// consumer is woken when a batch of results in a row is ready, not for each one: at one wake-up a document, the
/// three threads (two workers and the writer on two cores) switched 15,000 times a 5,000-document build. A worker
/// may take `chunk` items in a row at a time and transform them together (`runInChunks`).
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `condition`.
    private let condition = NSCondition()
    private var results: [Int: Output] = [:]
    private var nextToClaim = 0
    private var consumed = 0
    /// Every result below this index is ready or consumed.
    private var readyBelow = 0
    private var consumerWaits = false
    private var workersWaiting = 0
    private var cancelled = false
    private let count: Int
    private let window: Int
    /// How many results in a row wake a waiting consumer (fewer at the end).
    private let batch: Int

    /// How many items in a row a worker takes at a time.
    private let chunk: Int

    private init(count: Int, window: Int, chunk: Int) {
        self.count = count
        self.window = window
        self.chunk = chunk
        batch = max(1, min(32, window / 2))
    }

    /// Maps and consumes. If `consume` throws, the workers stop after their current item and the error is
    /// rethrown once they have.
    static func run(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 512,
                    transform: @escaping @Sendable (Int) -> Output, consume: (Int, Output) throws -> Void) throws {
        try runInChunks(count: count, workers: workers, window: window, maximumChunk: 1,
                        transform: { indexes in indexes.map(transform) }, consume: consume)
    }

    /// Maps and consumes, each worker taking several items in a row at a time and transforming them in one call,
    /// which returns one output per index of the range it is given, in order: up to `maximumChunk` items, fewer
    /// when there are few (`chunkSize`). If `consume` throws, the workers stop after their current chunk and the
    /// error is rethrown once they have.
    static func runInChunks(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            window: Int = 512, maximumChunk: Int,
                            transform: @escaping @Sendable (Range<Int>) -> [Output],
                            consume: (Int, Output) throws -> Void) throws {
        let chunk = chunkSize(count: count, workers: workers, maximum: maximumChunk)
        let map = OrderedParallelMap(count: count, window: max(1, window), chunk: chunk)
        let group = DispatchGroup()
        let chunks = (count + chunk - 1) / chunk
        for _ in 0..<max(1, min(workers, chunks)) {
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

    /// How many items a worker takes at a time: `maximum`, or fewer so that each worker gets at least four
    /// chunks and none is left idle while another works through a long one (a `check` that refreshes a few
    /// changed sources, an add of a few hundred files).
    static func chunkSize(count: Int, workers: Int, maximum: Int) -> Int {
        max(1, min(maximum, count / (4 * max(1, workers))))
    }

    private func work(_ transform: @Sendable (Range<Int>) -> [Output]) {
        while true {
            condition.lock()
            while !cancelled, nextToClaim < count, nextToClaim - consumed >= window {
                workersWaiting += 1
                condition.wait()
                workersWaiting -= 1
            }
            guard !cancelled, nextToClaim < count else {
                condition.unlock()
                return
            }
            let indexes = nextToClaim..<min(nextToClaim + chunk, count)
            nextToClaim = indexes.upperBound
            condition.unlock()
            let outputs = transform(indexes)
            precondition(outputs.count == indexes.count, "one output for each index of the chunk")
            condition.lock()
            for (index, output) in zip(indexes, outputs) { results[index] = output }
            while readyBelow < count, results[readyBelow] != nil { readyBelow += 1 }
            if consumerWaits, batchIsReady { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Whether a waiting consumer has enough to go on: a batch in a row, or everything left.
    private var batchIsReady: Bool { readyBelow - consumed >= batch || readyBelow == count }

    private func take(_ index: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        if results[index] == nil {
            consumerWaits = true
            while !batchIsReady { condition.wait() }
            consumerWaits = false
        }
        let output = results.removeValue(forKey: index)!
        consumed = index + 1
        if workersWaiting > 0 { condition.broadcast() }
        return output
    }

    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
