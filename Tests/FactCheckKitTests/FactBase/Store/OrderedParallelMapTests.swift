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
        try OrderedParallelMap<Int>.run(count: count, workers: 3, window: window, transform: Self.uneven) { index, output in
            consumed.append((index, output))
        }
        #expect(consumed.map(\.0) == Array(0..<count))
        #expect(consumed.map(\.1) == (0..<count).map { $0 * 2 })
    }

    /// How many items the workers transformed.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func aConsumerErrorStopsTheWorkersWithinTheWindow() throws {
        struct Stop: Error {}
        let transformed = Tally()
        #expect(throws: Stop.self) {
            try OrderedParallelMap<Int>.run(count: 10_000, workers: 2, window: 16, transform: { index in
                transformed.add()
                return index
            }) { index, _ in
                if index == 100 { throw Stop() }
            }
        }
        // Workers ran at most a window (and one item each) past the item that failed.
        #expect(transformed.value <= 101 + 16 + 2)
    }
}
