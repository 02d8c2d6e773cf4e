import Foundation

/// Set once the server listens, so that an error can be told apart: failing to bind, or failing later.
final class ListeningFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
