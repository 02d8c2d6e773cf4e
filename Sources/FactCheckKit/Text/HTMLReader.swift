/// Reads an HTML draft the way a browser shows it, for rules to run over: tags removed, block elements turned into
/// line or paragraph breaks, the contents of `script`, `style`, `head`, `template` and `noscript` and comments
/// dropped, character references decoded, runs of blanks collapsed to one space. Every readable byte is recorded
/// in an `OffsetMap`, so findings point at the original line and column of the HTML file.
///
/// It is a tolerant reader, not a validator: unclosed tags, stray `<` and `&`, quotes with `>` inside and
/// unterminated comments are read as browsers read them, and never fail.
public enum HTMLReader {
    /// What the reader makes of an HTML text.
    public struct Reading: Sendable {
        /// The text rules run over (valid UTF-8).
        public var readable: [UInt8]
        /// Readable byte → original byte.
        public var offsetMap: OffsetMap
        /// `title` and the `<meta>` fields (`name`, `property` or `itemprop` → `content`).
        public var metadata: [String: String]
        /// The publication date: a `<meta>` date field, else the first `<time datetime>`.
        public var date: DateValue?
    }

    /// Elements whose start and end make a paragraph break.
    static let paragraphElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "details", "dialog", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "tfoot", "thead", "tr", "ul",
    ]
    /// Elements whose start and end make a line break (cells and definition terms are short lines of their own).
    static let lineElements: Set<String> = ["br", "td", "th", "dt", "dd", "option"]
    /// Elements whose contents are not the article.
    static let skippedElements: Set<String> = ["script", "style", "template", "noscript", "title", "textarea", "iframe",
                                               "object", "svg", "math"]
    /// `<meta>` names that give the publication date, most specific first.
    static let dateFields = ["article:published_time", "date", "dcterms.date", "dc.date", "datepublished",
                             "pubdate", "publishdate", "og:published_time"]

    /// Reads an HTML text.
    /// - Parameters:
    ///   - html: the text's bytes.
    ///   - start: where the HTML starts (after a front matter block, as static site generators put one).
    public static func read(_ html: [UInt8], from start: Int = 0) -> Reading {
        var reader = Reader(html: html)
        reader.run(from: start)
        var date: DateValue?
        for field in dateFields {
            if let value = reader.metadata[field], let parsed = FrontMatter.isoDate(value) {
                date = parsed
                break
            }
        }
        return Reading(readable: reader.readable, offsetMap: reader.map, metadata: reader.metadata,
                       date: date ?? reader.firstTimeDate)
    }
}

/// The reader's state while it walks the bytes once, left to right.
private struct Reader {
    let html: [UInt8]
    var readable: [UInt8] = []
    var map = OffsetMap(pieces: [])
    var metadata: [String: String] = [:]
    var firstTimeDate: DateValue?
    /// For each raw-text element, a place from which its end tag was looked for and not found: a later search
    /// from there on fails at once. Without it, 40,000 unclosed `<script>` tags searched to the end 40,000 times
    /// (issue 24: 11.6 s for 320 KB).
    private var noEndTagFrom: [String: Int] = [:]

    /// Line breaks owed before the next text (1: line, 2: paragraph), and the markup that owes them.
    private var pendingBreak = 0
    private var pendingBreakSource = 0..<0
    /// A blank owed before the next text, and the original blanks it stands for.
    private var pendingSpace: Range<Int>?
    /// Inside `<head>`, where no text is shown (text there implies `<body>`, as in browsers).
    private var inHead = false
    /// Inside `<pre>`, where blanks and line breaks are kept as written.
    private var preformatted = 0

    init(html: [UInt8]) {
        self.html = html
        readable.reserveCapacity(html.count)
    }

    mutating func run(from start: Int) {
        var index = max(0, min(start, html.count))
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: "<"), let end = markup(at: index) {
                index = end
            } else if byte == UInt8(ascii: "&"), let (scalar, end) = HTMLCharacterReference.decode(html, at: index) {
                emit(scalar, from: index..<end)
                index = end
            } else if html[index] >= 0xC2,
                      case let length = html.withUnsafeBufferPointer({ InvisibleCharacters.length(in: $0, at: index) }),
                      length > 0 {
                // Written invisible characters are read through, as the references are (`emit`).
                index += length
            } else {
                emitByte(at: index)
                index += 1
            }
        }
    }

    // MARK: Text

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    private mutating func emitByte(at index: Int) {
        let byte = html[index]
        if Self.isBlank(byte) && preformatted == 0 {
            noteBlank(index..<(index + 1))
            return
        }
        if inHead { inHead = false }
        flushPending()
        map.append(readableStart: readable.count, readableLength: 1, originalStart: index, originalLength: 1, isCopy: true)
        readable.append(byte)
    }

    private mutating func emit(_ scalar: Unicode.Scalar, from source: Range<Int>) {
        // Invisible characters carry nothing a claim reads; "1,&shy;300" is 1,300.
        if TerminalText.isHidden(scalar), !Self.isBlank(scalar) { return }
        // A no-break space reads as a space: "16&nbsp;prisoners" is "16 prisoners" to the rules.
        if Self.isBlank(scalar) {
            if preformatted == 0 {
                noteBlank(source)
                return
            }
            if scalar != "\n" {
                flushPending()
                append([0x20], from: source)
                return
            }
        }
        if inHead { inHead = false }
        flushPending()
        append(Array(String(scalar).utf8), from: source)
    }

    private mutating func noteBlank(_ source: Range<Int>) {
        if let space = pendingSpace {
            pendingSpace = space.lowerBound..<source.upperBound
        } else {
            pendingSpace = source
        }
    }

    private mutating func append(_ bytes: [UInt8], from source: Range<Int>) {
        map.append(readableStart: readable.count, readableLength: bytes.count, originalStart: source.lowerBound,
                   originalLength: source.count, isCopy: false)
        readable.append(contentsOf: bytes)
    }

    /// Writes the break or blank owed before text; none at the very start, and a break swallows blanks.
    private mutating func flushPending() {
        if pendingBreak > 0 {
            if !readable.isEmpty {
                var owed = pendingBreak
                // Count the line breaks already at the end, so a paragraph break after a line break adds one.
                var end = readable.count
                while end > 0, readable[end - 1] == 0x0A, owed > 0 {
                    owed -= 1
                    end -= 1
                }
                if owed > 0 { append([UInt8](repeating: 0x0A, count: owed), from: pendingBreakSource) }
            }
        } else if let space = pendingSpace, let last = readable.last, !Self.isBlank(last) {
            append([0x20], from: space)
        }
        pendingBreak = 0
        pendingSpace = nil
    }

    private mutating func requestBreak(_ lines: Int, for source: Range<Int>) {
        if pendingBreak == 0 { pendingBreakSource = source }
        pendingBreak = max(pendingBreak, lines)
        pendingSpace = nil
    }

    // MARK: Markup

    /// Reads the markup that starts with the `<` at `start`.
    /// - Returns: the byte after it, or nil when the `<` is text ("a < b").
    private mutating func markup(at start: Int) -> Int? {
        let next = start + 1
        guard next < html.count else { return nil }
        if starts(with: "<!--", at: start) {
            return find("-->", from: start + 4).map { $0 + 3 } ?? html.count
        }
        if starts(with: "<![CDATA[", at: start) {
            let contentStart = start + 9
            let contentEnd = find("]]>", from: contentStart) ?? html.count
            for index in contentStart..<contentEnd { emitByte(at: index) }
            return min(contentEnd + 3, html.count)
        }
        if html[next] == UInt8(ascii: "!") || html[next] == UInt8(ascii: "?") {
            // A doctype or processing instruction.
            return find(">", from: next).map { $0 + 1 } ?? html.count
        }
        if html[next] == UInt8(ascii: "/") {
            guard next + 1 < html.count, Self.isLetter(html[next + 1]) else { return nil }
            let (name, nameEnd) = tagName(at: next + 1)
            let end = find(">", from: nameEnd).map { $0 + 1 } ?? html.count
            endTag(name, source: start..<end)
            return end
        }
        guard Self.isLetter(html[next]) else { return nil }
        let (name, nameEnd) = tagName(at: next)
        let (attributes, end) = self.attributes(from: nameEnd)
        return startTag(name, attributes: attributes, source: start..<end)
    }

    private mutating func startTag(_ name: String, attributes: [String: String], source: Range<Int>) -> Int {
        switch name {
        case "head":
            inHead = true
        case "body":
            inHead = false
        case "meta":
            if let content = attributes["content"] {
                for key in ["name", "property", "itemprop"] {
                    if let field = attributes[key]?.lowercased(), metadata[field] == nil { metadata[field] = content }
                }
            }
        case "time":
            if firstTimeDate == nil, let datetime = attributes["datetime"] { firstTimeDate = FrontMatter.isoDate(datetime) }
        case "pre":
            preformatted += 1
        default:
            break
        }
        if let datetime = attributes["datetime"] ?? attributes["content"],
           attributes["itemprop"]?.lowercased() == "datepublished", metadata["datepublished"] == nil {
            metadata["datepublished"] = datetime
        }
        let selfClosing = source.count >= 2 && html[source.upperBound - 2] == UInt8(ascii: "/")
            && html[source.upperBound - 1] == UInt8(ascii: ">")
        if HTMLReader.skippedElements.contains(name), !selfClosing {
            // Raw contents: skip to the matching end tag, whatever is in between. With no end tag at all, only the
            // tag goes: eating the rest of the draft, as a browser would, would hide every claim after it.
            let contentEnd = findEndTag(name, from: source.upperBound)
            guard contentEnd < html.count else { return source.upperBound }
            if name == "title", metadata["title"] == nil {
                let title = HTMLCharacterReference.decoded(Array(html[source.upperBound..<contentEnd]))
                metadata["title"] = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            return find(">", from: contentEnd).map { $0 + 1 } ?? html.count
        }
        breakIfBlock(name, source: source)
        return source.upperBound
    }

    private mutating func endTag(_ name: String, source: Range<Int>) {
        switch name {
        case "head": inHead = false
        case "pre": preformatted = max(0, preformatted - 1)
        default: break
        }
        breakIfBlock(name, source: source)
    }

    private mutating func breakIfBlock(_ name: String, source: Range<Int>) {
        if HTMLReader.paragraphElements.contains(name) {
            requestBreak(2, for: source)
        } else if HTMLReader.lineElements.contains(name) {
            requestBreak(1, for: source)
        }
    }

    /// A tag name, lower-cased, and the byte after it.
    private func tagName(at start: Int) -> (String, Int) {
        var end = start
        while end < html.count, !Self.isBlank(html[end]), html[end] != UInt8(ascii: ">"), html[end] != UInt8(ascii: "/") {
            end += 1
        }
        return (String(decoding: html[start..<end], as: UTF8.self).lowercased(), end)
    }

    /// The attributes of a start tag (names lower-cased, values decoded) and the byte after its `>`. A quoted value
    /// may hold `>`; an unterminated tag runs to the end of the text, as in browsers.
    private func attributes(from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var index = start
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: ">") { return (attributes, index + 1) }
            if Self.isBlank(byte) || byte == UInt8(ascii: "/") { index += 1; continue }
            let nameStart = index
            while index < html.count, !Self.isBlank(html[index]), html[index] != UInt8(ascii: "="),
                  html[index] != UInt8(ascii: ">"), !(html[index] == UInt8(ascii: "/") && index > nameStart) {
                index += 1
            }
            let name = String(decoding: html[nameStart..<index], as: UTF8.self).lowercased()
            var lookahead = index
            while lookahead < html.count, Self.isBlank(html[lookahead]) { lookahead += 1 }
            guard lookahead < html.count, html[lookahead] == UInt8(ascii: "=") else {
                attributes[name] = attributes[name] ?? ""
                continue
            }
            index = lookahead + 1
            while index < html.count, Self.isBlank(html[index]) { index += 1 }
            guard index < html.count else { break }
            let valueStart: Int, valueEnd: Int
            let quote = html[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = index + 1
                var close = valueStart
                while close < html.count, html[close] != quote { close += 1 }
                valueEnd = close
                index = min(close + 1, html.count)
            } else {
                valueStart = index
                while index < html.count, !Self.isBlank(html[index]), html[index] != UInt8(ascii: ">") { index += 1 }
                valueEnd = index
            }
            if attributes[name] == nil {
                attributes[name] = HTMLCharacterReference.decoded(Array(html[valueStart..<valueEnd]))
            }
        }
        return (attributes, html.count)
    }

    // MARK: Searching

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func starts(with literal: String, at index: Int) -> Bool {
        html[index...].starts(with: literal.utf8)
    }

    /// The first occurrence of `literal` at or after `start`.
    private func find(_ literal: String, from start: Int) -> Int? {
        let needle = Array(literal.utf8)
        guard let first = needle.first, start < html.count else { return nil }
        var index = start
        while index + needle.count <= html.count {
            if html[index] == first, html[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Where `</name` starts (any case) at or after `start`, or the end of the text.
    private mutating func findEndTag(_ name: String, from start: Int) -> Int {
        if let from = noEndTagFrom[name], start >= from { return html.count }
        let needle = Array(("</" + name).utf8)
        var index = start
        while index + needle.count <= html.count {
            if html[index] == UInt8(ascii: "<"),
               zip(html[index..<(index + needle.count)], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                let after = index + needle.count
                if after == html.count || !Self.isLetter(html[after]) { return index }
            }
            index += 1
        }
        noEndTagFrom[name] = min(start, noEndTagFrom[name] ?? start)
        return html.count
    }
}
