/// Splits readable text into sentences, surviving the abbreviations news copy is full of ("U.S.", "a.m.", "Gov.",
/// "No. 3", "Aug. 15"), initials ("J. Smith"), decimals ("3.2") and closing quotes.
///
/// Blank lines end paragraphs. A single line break ends a sentence after terminal punctuation, or after a short
/// line with none (a heading); a long line without it is hard-wrapped prose and runs on.
public enum SentenceSplitter {
    /// Lines shorter than this that end without punctuation are headings, not wrapped prose.
    static let headingLineLength = 60

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "capt", "sgt", "st", "jr", "sr",
        "inc", "corp", "co", "ltd", "no", "nos", "vs", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est",
        "fig", "vol", "pp", "ave", "blvd", "rd", "pres", "gov't", "adm", "cmdr", "rev", "hon", "atty", "supt",
    ]

    /// The sentences of `bytes`, as trimmed byte ranges.
    public static func split(_ bytes: [UInt8]) -> [Sentence] {
        var sentences: [Sentence] = []
        var paragraph = 0
        var sentenceStart: Int?
        var index = 0
        var lineStart = 0

        func close(at end: Int) {
            guard let start = sentenceStart else { return }
            var trimmedEnd = end
            while trimmedEnd > start, isSpace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedEnd > start { sentences.append(Sentence(range: start..<trimmedEnd, paragraph: paragraph)) }
            sentenceStart = nil
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                let line = lineStart..<index
                let lineIsBlank = bytes[line].allSatisfy(isSpace)
                if lineIsBlank {
                    if sentenceStart != nil || !sentences.isEmpty { close(at: index) }
                    if sentences.last?.paragraph == paragraph { paragraph += 1 }
                } else if endsSentenceAtLineBreak(bytes, line: line) {
                    close(at: index)
                }
                lineStart = index + 1
                index += 1
                continue
            }
            if sentenceStart == nil {
                if !isSpace(byte) { sentenceStart = index }
                index += 1
                continue
            }
            // Inside a sentence, only line feeds and terminal punctuation matter: the bytes between are skipped
            // in raw memory, without the checks above for each.
            if !mayEndSentence(byte) {
                index = bytes.withUnsafeBufferPointer { buffer in
                    var next = index + 1
                    while next < buffer.count, !mayEndSentence(buffer[next]) { next += 1 }
                    return next
                }
                continue
            }
            if byte == UInt8(ascii: "."), isSentenceEnd(bytes, period: index) {
                let end = afterClosers(bytes, from: index + 1)
                close(at: end)
                index = end
                continue
            }
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                let end = afterClosers(bytes, from: index + 1)
                if end >= bytes.count || isSpace(bytes[end]) {
                    close(at: end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        close(at: bytes.count)
        return sentences
    }

    /// A line feed or terminal punctuation: the bytes the split looks at inside a sentence.
    @inline(__always)
    private static func mayEndSentence(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Skips closing quotes and brackets after terminal punctuation: `."`, `.”`, `.)`.
    private static func afterClosers(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: ")") {
                index += 1
            } else if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 {
                index += 3  // ” and ’
            } else {
                break
            }
        }
        return index
    }

    private static func isSentenceEnd(_ bytes: [UInt8], period: Int) -> Bool {
        let next = afterClosers(bytes, from: period + 1)
        guard next < bytes.count else { return true }
        guard isSpace(bytes[next]) else { return isGluedSentenceEnd(bytes, period: period, next: next) }
        // Tokenized copy sets the period apart ("in 66 days . the younger jordan"): no abbreviation stands alone,
        // so such a period ends a sentence whatever the case of what follows.
        if next == period + 1, period > 0, isSpace(bytes[period - 1]) { return true }
        var following = next
        while following < bytes.count, bytes[following] == 0x20 || bytes[following] == 0x09 { following += 1 }
        if following < bytes.count {
            let byte = bytes[following]
            // A lower-case continuation means the period was an abbreviation: "a.m. local time".
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
        }
        // The word before the period.
        var wordStart = period
        while wordStart > 0, !isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        if let isAbbreviation = asciiAbbreviation(bytes, word: wordStart..<period) { return !isAbbreviation }
        let word = String(decoding: bytes[wordStart..<period], as: UTF8.self)
        if word.count == 1, let letter = word.unicodeScalars.first, letter.properties.isUppercase { return false }
        let lowered = word.lowercased().trimmingPrefix { "\"'“‘".unicodeScalars.contains($0.unicodeScalars.first!) }
        if abbreviations.contains(String(lowered)) { return false }
        return true
    }

    /// Whether a word of ASCII characters before a period makes it no sentence end (an initial, or one of
    /// `abbreviations` after any opening quotes); nil for any other word. The same test as `isSentenceEnd`'s
    /// general one, worked on the bytes: most periods end a sentence after an ordinary word, and counting,
    /// lower-casing and trimming it Character by Character cost more than the rest of splitting.
    private static func asciiAbbreviation(_ bytes: [UInt8], word: Range<Int>) -> Bool? {
        // The word holds no blank (it ends at one), so each of its bytes is a Character.
        guard bytes[word].allSatisfy({ $0 < 0x80 }) else { return nil }
        if word.count == 1, bytes[word.lowerBound] >= UInt8(ascii: "A"), bytes[word.lowerBound] <= UInt8(ascii: "Z") {
            return true
        }
        var start = word.lowerBound
        while start < word.upperBound, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
            start += 1
        }
        let lowered = String(unsafeUninitializedCapacity: word.upperBound - start) { buffer in
            for (offset, byte) in bytes[start..<word.upperBound].enumerated() {
                buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return word.upperBound - start
        }
        return abbreviations.contains(lowered)
    }

    /// Scraped copy glues sentences together ("for longer.MSCI's index fell"): a period right after a lower-case
    /// word of three letters or more and right before a capital ends a sentence. "3.2", "U.S.-Russia", "e.g." and
    /// "example.com" do not match.
    private static func isGluedSentenceEnd(_ bytes: [UInt8], period: Int, next: Int) -> Bool {
        guard next == period + 1, bytes[next] >= UInt8(ascii: "A"), bytes[next] <= UInt8(ascii: "Z") else { return false }
        var start = period
        while start > 0, bytes[start - 1] >= UInt8(ascii: "a"), bytes[start - 1] <= UInt8(ascii: "z") { start -= 1 }
        guard period - start >= 3, start == 0 || !(bytes[start - 1] == UInt8(ascii: ".")) else { return false }
        return !abbreviations.contains(String(decoding: bytes[start..<period], as: UTF8.self))
    }

    private static func endsSentenceAtLineBreak(_ bytes: [UInt8], line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > line.lowerBound else { return false }
        if line.count < headingLineLength { return true }
        switch bytes[end - 1] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""), 0x9D:
            return true
        default:
            return false
        }
    }
}
