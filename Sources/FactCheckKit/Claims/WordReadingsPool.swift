import Foundation

/// Lends each worker that reads documents a `WordReadings` of its own, kept from one document to the next, so
/// that the words of an archive are read once per worker rather than once per document. The lock is taken twice
/// per document, never per word.
final class WordReadingsPool: @unchecked Sendable {
    private let lexicon: Lexicon
    private let lock = NSLock()
    /// Readings not lent out; at most one per worker that has read a document.
    private var idle: [WordReadings] = []

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Readings no one else uses until they are given back; new ones when all are lent out.
    func borrow() -> WordReadings {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? WordReadings(lexicon: lexicon)
    }

    /// Gives back readings lent by `borrow`, for the next document.
    func giveBack(_ readings: WordReadings) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(readings)
    }
}
