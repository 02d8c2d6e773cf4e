/// A draft or a trusted source: its text as given, the readable text that rules run over, and where it came from.
///
/// `readable` has exactly the UTF-8 length of the original: markup (front matter, Markdown syntax) is blanked out
/// with spaces rather than removed, so a byte offset found in `readable` is the same byte offset in `original`,
/// and every location is computed from `original`.
public struct Document: Sendable {
    /// The path as the user gave it ("-" for standard input); reports print it as it is.
    public let path: String
    public let format: DocumentFormat
    /// The text as given.
    public let original: SourceText
    /// The text with markup blanked out, byte for byte aligned with `original`.
    public let readable: [UInt8]
    /// The publication date from front matter (`date:`), used to complete partial and relative dates.
    public let date: DateValue?
    /// The sentences of `readable`, in order.
    public let sentences: [Sentence]

    /// Makes a document from text already in memory.
    /// - Throws: `InputError` when front matter is malformed.
    public init(path: String, text: String, format: DocumentFormat? = nil, date: DateValue? = nil) throws(InputError) {
        self.path = path
        let format = format ?? DocumentFormat(path: path)
        self.format = format
        let original = SourceText(text)
        self.original = original
        var readable = original.bytes
        let frontMatter = try FrontMatter.read(from: original, path: path)
        if let frontMatter {
            MarkupBlanker.blank(frontMatter.byteRange, in: &readable)
        }
        if format == .markdown {
            MarkupBlanker.blankMarkdown(in: &readable)
        }
        self.readable = readable
        self.date = date ?? frontMatter?.date
        self.sentences = SentenceSplitter.split(readable)
    }

    /// The byte offset in `readable` of a byte offset in `original`. Markup is blanked in place, so the two are
    /// the same today; a reader that removes markup maps it here, and everything that locates original text
    /// (the `<!-- factcheck-ignore -->` marker) goes through this one function.
    public func readableOffset(ofOriginal offset: Int) -> Int {
        offset
    }

    /// The readable text of a byte range, with runs of blanks and line breaks collapsed to one space.
    public func readableText(of range: Range<Int>) -> String {
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(range.count)
        for byte in readable[range] {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if isSpace {
                if let last = collapsed.last, last != 0x20 { collapsed.append(0x20) }
            } else {
                collapsed.append(byte)
            }
        }
        if collapsed.last == 0x20 { collapsed.removeLast() }
        return String(decoding: collapsed, as: UTF8.self)
    }
}

/// The kinds of input factcheck reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text
    case markdown

    /// The format a file name implies; anything unknown is read as plain text.
    public init(path: String) {
        let lowered = path.lowercased()
        self = [".md", ".markdown", ".mdown"].contains(where: lowered.hasSuffix) ? .markdown : .text
    }
}
