import Foundation

/// Decoded claim bodies by signature, shared by the threads of one process; emptied when it grows past
/// `capacity` rather than tracking use, which is enough for a cache whose misses cost one decode.
final class ClaimCache: @unchecked Sendable {
    // @unchecked: `claims` is only touched under `lock`.
    private let lock = NSLock()
    private var claims: [String: Claim] = [:]
    private let capacity: Int

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    subscript(signature: String) -> Claim? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return claims[signature]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            if claims.count >= capacity { claims.removeAll(keepingCapacity: true) }
            claims[signature] = newValue
        }
    }
}
