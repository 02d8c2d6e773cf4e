/// Splits text into paragraphs: runs of lines with visible text, separated by blank lines (lines of nothing but
/// spaces, tabs and a carriage return).
public enum ParagraphSplitter {
    /// The byte ranges of the paragraphs of `readable`, in order. Each range starts at a paragraph's first
    /// non-blank byte and ends after its last one, so leading indentation and the final line break are outside it.
    /// - Parameter readable: UTF-8 text (a document's readable text, where markup is already blanked out).
    /// - Returns: one range per paragraph; none for text that is all blank.
    public static func paragraphs(in readable: [UInt8]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var paragraphStart: Int?
        var lastVisible = 0
        var lineStart = 0
        while lineStart < readable.count {
            var lineEnd = lineStart
            while lineEnd < readable.count, readable[lineEnd] != newline { lineEnd += 1 }
            if let firstVisible = (lineStart..<lineEnd).first(where: { !isBlank(readable[$0]) }) {
                if paragraphStart == nil { paragraphStart = firstVisible }
                lastVisible = (lineStart..<lineEnd).last(where: { !isBlank(readable[$0]) }) ?? firstVisible
            } else if let start = paragraphStart {
                paragraphs.append(start..<(lastVisible + 1))
                paragraphStart = nil
            }
            lineStart = lineEnd + 1
        }
        if let start = paragraphStart {
            paragraphs.append(start..<(lastVisible + 1))
        }
        return paragraphs
    }

    private static let newline = UInt8(ascii: "\n")

    /// Spaces, tabs and carriage returns make a line blank; a line break ends it.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
