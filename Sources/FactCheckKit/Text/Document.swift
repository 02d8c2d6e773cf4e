/// A draft or a trusted source: its text as given, the readable text that rules run over, and where it came from.
///
/// For text and Markdown, `readable` has exactly the UTF-8 length of the original: markup (front matter, Markdown
/// syntax) is blanked out with spaces rather than removed, so a byte offset in `readable` is the same byte offset in
/// `original`. HTML is read into shorter text (tags removed, references decoded) and `offsetMap` records where each
/// readable byte came from. Either way, every span found in `readable` reaches `original` through
/// `originalRange(of:)`, and every location is computed from `original`.
public struct Document: Sendable {
    /// The path as the user gave it ("-" for standard input); reports print it as it is.
    public let path: String
    public let format: DocumentFormat
    /// The text as given.
    public let original: SourceText
    /// The text rules run over: markup blanked out (text, Markdown) or removed (HTML).
    public let readable: [UInt8]
    /// Readable byte → original byte; the identity for text and Markdown.
    public let offsetMap: OffsetMap
    /// The publication date (front matter `date:`, or an HTML `<meta>` date or `<time datetime>`), used to complete
    /// partial and relative dates.
    public let date: DateValue?
    /// The document's own fields: Markdown front matter (`title`, `date`, ...), or HTML `title` and `<meta>` fields.
    public let metadata: [String: String]
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
        let frontMatter = try FrontMatter.read(from: original, path: path)
        if format == .html {
            let reading = HTMLReader.read(original.bytes, from: frontMatter?.byteRange.upperBound ?? 0)
            self.readable = reading.readable
            self.offsetMap = reading.offsetMap
            self.date = date ?? frontMatter?.date ?? reading.date
            self.metadata = reading.metadata.merging(frontMatter?.fields ?? [:]) { _, fromFrontMatter in fromFrontMatter }
        } else {
            var readable = original.bytes
            if let frontMatter {
                MarkupBlanker.blank(frontMatter.byteRange, in: &readable)
            }
            if format == .markdown {
                MarkupBlanker.blankMarkdown(in: &readable)
            }
            // Invisible characters are read through (`InvisibleCharacters`): removed, with a map back.
            if let reading = InvisibleCharacters.removed(from: readable) {
                self.readable = reading.readable
                self.offsetMap = reading.map
            } else {
                self.readable = readable
                self.offsetMap = .identity
            }
            self.date = date ?? frontMatter?.date
            self.metadata = frontMatter?.fields ?? [:]
        }
        self.sentences = SentenceSplitter.split(readable)
    }

    // MARK: From readable text to the original

    /// The original bytes that a span of readable bytes stands for. Every report of a claim's text or place goes
    /// through here, so HTML findings point at the HTML file as written.
    public func originalRange(of readableRange: Range<Int>) -> Range<Int> {
        let clamped = min(readableRange.lowerBound, readable.count)..<min(readableRange.upperBound, readable.count)
        let range = offsetMap.originalRange(of: clamped)
        return min(range.lowerBound, original.bytes.count)..<min(range.upperBound, original.bytes.count)
    }

    /// The original text of a span of readable bytes.
    public func originalText(of readableRange: Range<Int>) -> String {
        original.text(of: originalRange(of: readableRange))
    }

    /// The line and column in the original of a readable byte offset.
    public func originalLocation(ofReadableByte byte: Int) -> TextLocation {
        original.location(ofByte: originalRange(of: byte..<byte).lowerBound)
    }

    /// The byte offset in `readable` of a byte offset in `original`: the same for text and Markdown (markup is
    /// blanked in place), through the offset map for HTML. Everything that locates original text (the
    /// `<!-- factcheck-ignore -->` marker) goes through here.
    public func readableOffset(ofOriginal offset: Int) -> Int {
        offsetMap.readableOffset(ofOriginal: offset)
    }

    /// The readable text of a byte range, with runs of blanks and line breaks collapsed to one space.
    public func readableText(of range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= readable.count, "range outside the document")
        // Written straight into the String's storage: a build asks this of every claim's value and sentence, and
        // appending to an array byte by byte cost more than the rest of quoting a sentence.
        return readable.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: range.count) { text in
                var count = 0
                // A blank run becomes one space, written only when text follows it: none leads or trails.
                var blankPending = false
                for index in range {
                    let byte = bytes[index]
                    if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                        blankPending = count > 0
                    } else {
                        if blankPending {
                            text[count] = 0x20
                            count += 1
                            blankPending = false
                        }
                        text[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }
}

/// The kinds of input factcheck reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case html

    /// The format a file name implies; anything unknown is read as plain text.
    public init(path: String) {
        let lowered = path.lowercased()
        if [".md", ".markdown", ".mdown"].contains(where: lowered.hasSuffix) {
            self = .markdown
        } else if [".html", ".htm", ".xhtml"].contains(where: lowered.hasSuffix) {
            self = .html
        } else {
            self = .text
        }
    }
}
