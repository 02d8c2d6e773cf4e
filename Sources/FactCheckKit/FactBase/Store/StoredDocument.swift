/// A source document as the store records it.
public struct StoredDocument: Sendable, Equatable {
    /// The absolute path the document was read from.
    public let path: String
    /// `ContentHash` of its bytes: an unchanged file is skipped when added again.
    public let contentHash: String
    /// Size in bytes.
    public let size: Int
    public let date: DateValue?
    public let factCount: Int

    public init(path: String, contentHash: String, size: Int, date: DateValue?, factCount: Int) {
        self.path = path
        self.contentHash = contentHash
        self.size = size
        self.date = date
        self.factCount = factCount
    }
}
