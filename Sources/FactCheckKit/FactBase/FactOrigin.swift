/// Where a fact was read: its document and the passage, ready to be shown as evidence.
public struct FactOrigin: Sendable {
    /// The document's path as reports print it.
    public let source: String
    /// The document's publication date, when it has one.
    public let sourceDate: DateValue?
    public let passage: Passage

    public init(source: String, sourceDate: DateValue?, passage: Passage) {
        self.source = source
        self.sourceDate = sourceDate
        self.passage = passage
    }
}
