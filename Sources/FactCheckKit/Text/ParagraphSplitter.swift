/// Cuts readable text into paragraphs: runs of non-blank lines, separated by blank lines (lines of nothing but
/// spaces, tabs and carriage returns).
public enum ParagraphSplitter {
    /// The paragraphs of `readable`, as byte ranges that start and end with a non-blank byte, in text order.
    public static func paragraphs(in readable: [UInt8]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var paragraphStart: Int?
        var lastText = 0
        var lineIsBlank = true
        for index in 0...readable.count {
            let atLineEnd = index == readable.count || readable[index] == 0x0A
            if atLineEnd {
                if lineIsBlank, let start = paragraphStart {
                    paragraphs.append(start..<lastText)
                    paragraphStart = nil
                }
                lineIsBlank = true
                continue
            }
            let byte = readable[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0C {
                lineIsBlank = false
                if paragraphStart == nil { paragraphStart = index }
                lastText = index + 1
            }
        }
        if let start = paragraphStart { paragraphs.append(start..<lastText) }
        return paragraphs
    }
}
