import Testing
@testable import FactCheckKit

/// A `LendingPool` lends an item to one borrower at a time and gives the next borrower what was given back.
@Suite struct LendingPoolTests {
    /// A counter of the items made, shared by the pool's `make`.
    final class Made: @unchecked Sendable {
        var count = 0
    }

    @Test func lendsNewItemsWhenAllAreOutAndReusesThoseGivenBack() {
        let made = Made()
        let pool = LendingPool<[Int]> {
            made.count += 1
            return []
        }
        var first = pool.borrow()
        let second = pool.borrow()
        #expect(made.count == 2)
        first.append(7)
        pool.giveBack(first)
        // What a worker kept comes back to the next borrower, and nothing new is made.
        #expect(pool.borrow() == [7])
        #expect(made.count == 2)
        pool.giveBack(second)
        #expect(pool.borrow() == [])
        #expect(pool.borrow() == [])
        #expect(made.count == 3)
    }

    /// Workers on several threads each get an item no one else holds.
    @Test func lendsEachItemToOneBorrowerAtATime() async {
        let pool = LendingPool<Made> { Made() }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<200 {
                        let item = pool.borrow()
                        item.count += 1
                        // An item lent twice at once would see another borrower's increment here.
                        #expect(item.count % 2 == 1)
                        item.count += 1
                        pool.giveBack(item)
                    }
                }
            }
        }
    }
}
