/// How far a store update has got, reported after each document.
public struct FactStoreProgress: Sendable {
    /// Documents handled (stored or skipped) so far, and in all.
    public let done: Int
    public let total: Int
    /// Bytes of source extracted so far.
    public let bytes: Int

    public init(done: Int, total: Int, bytes: Int) {
        self.done = done
        self.total = total
        self.bytes = bytes
    }
}
