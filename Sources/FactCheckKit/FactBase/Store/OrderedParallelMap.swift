import Foundation

/// Runs a transform over `0..<count` on several threads and hands the results to one consumer in index order,
/// as they become ready: extraction runs on every core while a single writer stores the results, and the
/// writer's order (hence the facts' ids) does not depend on thread timing.
///
/// Workers run at most `window` items ahead of the consumer, so memory stays bounded on a large archive. A waiting
/// consumer is woken when a batch of results in a row is ready, not for each one: at one wake-up a document, the
/// three threads (two workers and the writer on two cores) switched 15,000 times a 5,000-document build. Workers
/// take several items in a row at a time and transform them together (`runInChunks`).
final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `condition`.
    private let condition = NSCondition()
    /// Each ready result, with the number of the worker that made it.
    private var results: [Int: (output: Output, worker: Int)] = [:]
    /// For each worker, the results it made that the consumer is done with: the worker releases them, so that
    /// their memory is freed by the thread that allocated it. Freed by the consumer, a build's prepared
    /// documents made the allocator lock a worker's arena for each of their objects, and the threads waited on
    /// each other (53,560 futex calls building 30,000 documents; 5,908 handed back).
    private var consumedOutputs: [[Output]]
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

    private init(count: Int, window: Int, chunk: Int, workers: Int) {
        self.count = count
        self.window = window
        self.chunk = chunk
        batch = max(1, min(32, window / 2))
        consumedOutputs = Array(repeating: [], count: workers)
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
        let chunks = (count + chunk - 1) / chunk
        let workerCount = max(1, min(workers, chunks))
        let map = OrderedParallelMap(count: count, window: max(1, window), chunk: chunk, workers: workerCount)
        let group = DispatchGroup()
        for worker in 0..<workerCount {
            group.enter()
            Thread.detachNewThread {
                map.work(worker, transform)
                group.leave()
            }
        }
        defer {
            map.cancel()
            group.wait()
        }
        // The result the consumer is done with, handed back (moved, so that no copy of it stays here) at the next.
        var done: Output?
        var doneWorker = 0
        for index in 0..<count {
            let (output, worker) = map.take(index, handingBack: done.take(), of: doneWorker)
            try consume(index, output)
            done = output
            doneWorker = worker
        }
        map.handBack(done.take(), of: doneWorker)
    }

    /// How many items a worker takes at a time: `maximum`, or fewer so that each worker gets at least four
    /// chunks and none is left idle while another works through a long one (a `check` that refreshes a few
    /// changed sources, an add of a few hundred files).
    static func chunkSize(count: Int, workers: Int, maximum: Int) -> Int {
        max(1, min(maximum, count / (4 * max(1, workers))))
    }

    private func work(_ worker: Int, _ transform: @Sendable (Range<Int>) -> [Output]) {
        var consumedHere: [Output] = []
        while true {
            condition.lock()
            while !cancelled, nextToClaim < count, nextToClaim - consumed >= window {
                workersWaiting += 1
                condition.wait()
                workersWaiting -= 1
            }
            guard !cancelled, nextToClaim < count else {
                // Nothing left to claim: the worker waits for the end, then releases the last of its results.
                while !cancelled { condition.wait() }
                swap(&consumedHere, &consumedOutputs[worker])
                condition.unlock()
                consumedHere.removeAll()
                return
            }
            let indexes = nextToClaim..<min(nextToClaim + chunk, count)
            nextToClaim = indexes.upperBound
            swap(&consumedHere, &consumedOutputs[worker])
            condition.unlock()
            // Released outside the lock, on this thread.
            consumedHere.removeAll(keepingCapacity: true)
            let outputs = transform(indexes)
            precondition(outputs.count == indexes.count, "one output for each index of the chunk")
            condition.lock()
            for (index, output) in zip(indexes, outputs) { results[index] = (output, worker) }
            while readyBelow < count, results[readyBelow] != nil { readyBelow += 1 }
            if consumerWaits, batchIsReady { condition.broadcast() }
            condition.unlock()
        }
    }

    /// Whether a waiting consumer has enough to go on: a batch in a row, or everything left.
    private var batchIsReady: Bool { readyBelow - consumed >= batch || readyBelow == count }

    /// The result at `index`, once ready, with the number of the worker that made it; `done`, a result taken
    /// before that the consumer is done with, goes back to `worker`, which made it (`consumedOutputs`).
    private func take(_ index: Int, handingBack done: consuming Output?,
                      of worker: Int) -> (output: Output, worker: Int) {
        condition.lock()
        defer { condition.unlock() }
        if let done = consume done { consumedOutputs[worker].append(done) }
        if results[index] == nil {
            consumerWaits = true
            while !batchIsReady { condition.wait() }
            consumerWaits = false
        }
        let taken = results.removeValue(forKey: index)!
        consumed = index + 1
        if workersWaiting > 0 { condition.broadcast() }
        return taken
    }

    /// Gives a result the consumer is done with back to `worker`, which made it (`consumedOutputs`).
    private func handBack(_ done: consuming Output?, of worker: Int) {
        condition.lock()
        defer { condition.unlock() }
        if let done = consume done { consumedOutputs[worker].append(done) }
    }

    /// Stops the workers: those still working stop after their chunk, those waiting for the end release the last
    /// of their results.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
