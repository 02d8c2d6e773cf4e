import Foundation

/// A caller's word that it no longer waits for a check: the server answered 503 at the deadline. The checker
/// looks at it between claims and stops with `FactCheckError.cancelled`, so that work nobody waits for does not
/// hold a core and memory (issue 24: a draft answered 503 went on for minutes and past 4 GB).
public final class CheckCancellation: @unchecked Sendable {
    // @unchecked: the flag is only read and written under `lock`.
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the check to stop at its next look.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    public var isCancelled: Bool {
        lock.withLock { cancelled }
    }
}
