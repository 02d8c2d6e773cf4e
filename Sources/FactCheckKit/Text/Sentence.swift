/// A sentence of a document, as a byte range of its readable text.
public struct Sentence: Equatable, Sendable {
    public var range: Range<Int>
    /// Index of the paragraph the sentence belongs to (paragraphs are separated by blank lines).
    public var paragraph: Int

    public init(range: Range<Int>, paragraph: Int) {
        self.range = range
        self.paragraph = paragraph
    }
}
