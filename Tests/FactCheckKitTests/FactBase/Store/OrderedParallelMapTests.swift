import Foundation
import Testing
@testable import FactCheckKit

@Suite struct OrderedParallelMapTests {
    /// Work that takes longer for some items than others, so that workers finish out of order.
    private static func uneven(_ index: Int) -> Int {
        var value = index
        for _ in 0..<((index * 7919) % 13) * 2_000 { value = (value &* 31 &+ 7) % 1_000_003 }
        return index * 2 + (value == -1 ? 1 : 0)
    }

    @Test(arguments: [(count: 0, window: 512), (count: 1, window: 512), (count: 1_000, window: 512),
                      (count: 1_000, window: 1), (count: 1_000, window: 2), (count: 97, window: 64)])
    func resultsReachTheConsumerInOrder(count: Int, window: Int) throws {
        var consumed: [(Int, Int)] = []
        try OrderedParallelMap<Int>.runInChunks(count: count, workers: 3, window: window, maximumChunk: 1,
                                                transform: { $0.map(Self.uneven) }) { index, output in
            consumed.append((index, output))
        }
        #expect(consumed.map(\.0) == Array(0..<count))
        #expect(consumed.map(\.1) == (0..<count).map { $0 * 2 })
    }

    @Test(arguments: [(count: 0, chunk: 4), (count: 1, chunk: 4), (count: 1_000, chunk: 7), (count: 1_000, chunk: 256),
                      (count: 97, chunk: 64)])
    func chunksReachTheConsumerInOrder(count: Int, chunk: Int) throws {
        var consumed: [(Int, Int)] = []
        let chunks = Chunks()
        try OrderedParallelMap<Int>.runInChunks(count: count, workers: 3, window: 16, maximumChunk: chunk, transform: { indexes in
            chunks.add(indexes)
            return indexes.map(Self.uneven)
        }) { index, output in
            consumed.append((index, output))
        }
        #expect(consumed.map(\.0) == Array(0..<count))
        #expect(consumed.map(\.1) == (0..<count).map { $0 * 2 })
        // Every index in exactly one chunk, each chunk a run of at most the chunk size.
        let size = OrderedParallelMap<Int>.chunkSize(count: count, workers: 3, maximum: chunk)
        #expect(chunks.ranges.sorted { $0.lowerBound < $1.lowerBound }.flatMap { Array($0) } == Array(0..<count))
        #expect(chunks.ranges.allSatisfy { $0.count <= size })
    }

    @Test func chunksShrinkSoThatEveryWorkerGetsSeveral() {
        #expect(OrderedParallelMap<Int>.chunkSize(count: 100_000, workers: 2, maximum: 256) == 256)
        #expect(OrderedParallelMap<Int>.chunkSize(count: 1_000, workers: 2, maximum: 256) == 125)
        #expect(OrderedParallelMap<Int>.chunkSize(count: 10, workers: 2, maximum: 256) == 1)
        #expect(OrderedParallelMap<Int>.chunkSize(count: 0, workers: 2, maximum: 256) == 1)
        #expect(OrderedParallelMap<Int>.chunkSize(count: 100_000, workers: 0, maximum: 1) == 1)
    }

    /// An output that notes whether it was released on the thread that made it.
    final class Made: @unchecked Sendable {
        private let maker = pthread_self()
        private let tally: Tally
        init(tally: Tally) { self.tally = tally }
        deinit { if pthread_equal(maker, pthread_self()) != 0 { tally.add() } }
    }

    @Test func outputsAreReleasedByTheWorkerThatMadeThem() throws {
        let releasedByMaker = Tally()
        var consumed = 0
        try OrderedParallelMap<Made>.runInChunks(count: 2_000, workers: 2, window: 16, maximumChunk: 8, transform: { indexes in
            indexes.map { _ in Made(tally: releasedByMaker) }
        }) { _, _ in
            consumed += 1
        }
        #expect(consumed == 2_000)
        // Every one: the workers wait for the consumer to finish before they release the last of theirs.
        #expect(releasedByMaker.value == 2_000)
    }

    /// The index ranges the workers were given.
    final class Chunks: @unchecked Sendable {
        private let lock = NSLock()
        private var given: [Range<Int>] = []
        func add(_ range: Range<Int>) { lock.withLock { given.append(range) } }
        var ranges: [Range<Int>] { lock.withLock { given } }
    }

    /// How many items the workers transformed.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test(arguments: [1, 8])
    func aConsumerErrorStopsTheWorkersWithinTheWindowAndAChunkEach(chunk: Int) throws {
        struct Stop: Error {}
        let transformed = Tally()
        #expect(throws: Stop.self) {
            try OrderedParallelMap<Int>.runInChunks(count: 10_000, workers: 2, window: 16, maximumChunk: chunk,
                                                    transform: { indexes in
                for _ in indexes { transformed.add() }
                return Array(indexes)
            }) { index, _ in
                if index == 100 { throw Stop() }
            }
        }
        // Workers ran at most a window (and one chunk each) past the item that failed.
        #expect(transformed.value <= 101 + 16 + 2 * chunk)
    }
}
