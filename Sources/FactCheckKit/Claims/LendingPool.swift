import Foundation

/// Lends each worker that reads documents an item of its own (word readings, value readings), kept from one
/// document to the next, so that what a worker has worked out once serves every later document it reads. The
/// lock is taken twice per document, never per word or per value.
final class LendingPool<Item>: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`, and an item lent out belongs to its borrower alone.
    private let make: @Sendable () -> Item
    private let lock = NSLock()
    /// Items not lent out; at most one per worker that has read a document.
    private var idle: [Item] = []

    /// - Parameter make: makes a new item, when every item is lent out.
    init(make: @escaping @Sendable () -> Item) {
        self.make = make
    }

    /// An item no one else uses until it is given back; a new one when all are lent out.
    func borrow() -> Item {
        lock.lock()
        let item = idle.popLast()
        lock.unlock()
        return item ?? make()
    }

    /// Gives back an item lent by `borrow`, for the next document.
    func giveBack(_ item: Item) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(item)
    }
}
