import Foundation

/// The text a value macro matched, cut into words, digit runs and single symbols, for the readers' parsers.
///
/// The readers parse tokens rather than characters so that each grammar mirrors its PCRE2 fragment piece by piece:
/// where a fragment says `\s+` the parser asks for a token preceded by whitespace, where it says `-` it asks for an
/// attached "-" symbol. A stream holds at most `limit` tokens, which bounds every parse.
struct TokenStream {
    /// One token of the text.
    struct Token: Equatable {
        enum Kind: Equatable {
            /// A run of letters, lowercased, with inner apostrophes ("o'clock").
            case word
            /// A run of ASCII digits, with inner "," or "." when a digit follows them ("1,300", "3.2").
            case digits
            /// Any other single character; every dash is normalized to "-".
            case symbol
        }

        var kind: Kind
        var text: String
        /// Whitespace precedes the token.
        var spaced: Bool
    }

    /// The most tokens a reader looks at. A long real value ("between two million, four hundred thousand and
    /// three million, one hundred and fifty thousand dollars") has about 20; the fragments' unbounded repeats could
    /// match a longer run (fifty number words in a row), which is rejected here rather than parsed.
    static let defaultLimit = 96

    let tokens: [Token]

    var count: Int { tokens.count }

    /// Cuts `text` into tokens; nil when it holds more than `limit` tokens.
    init?(_ text: String, limit: Int = TokenStream.defaultLimit) {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars.prefix(limit * 64))
        // A text longer than any token budget could cover is rejected outright, which keeps reading linear.
        if scalars.count == limit * 64 { return nil }
        var index = 0
        var spaced = false
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isWhitespace(scalar) {
                spaced = true
                index += 1
                continue
            }
            if tokens.count == limit { return nil }
            if Self.isDigit(scalar) {
                var end = index
                while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
                // Separators join digit runs only when a digit follows, as in "1,300" and "3.2"; "16," stays apart.
                while end + 1 < scalars.count, scalars[end] == "," || scalars[end] == ".",
                      Self.isDigit(scalars[end + 1]) {
                    end += 1
                    while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
                }
                tokens.append(Token(kind: .digits, text: Self.string(scalars[index..<end]), spaced: spaced))
                index = end
            } else if Self.isAlphabetic(scalar) {
                var end = index
                var hasTypographicApostrophe = false
                while end < scalars.count {
                    if Self.isAlphabetic(scalars[end]), !Self.isDigit(scalars[end]) {
                        end += 1
                    } else if scalars[end] == "'" || scalars[end] == "\u{2019}", end + 1 < scalars.count,
                              Self.isAlphabetic(scalars[end + 1]) {
                        hasTypographicApostrophe = hasTypographicApostrophe || scalars[end] == "\u{2019}"
                        end += 1
                    } else {
                        break
                    }
                }
                var word = Self.string(scalars[index..<end]).lowercased()
                if hasTypographicApostrophe { word = word.replacingOccurrences(of: "\u{2019}", with: "'") }
                tokens.append(Token(kind: .word, text: word, spaced: spaced))
                index = end
            } else {
                let text = Self.dashes.contains(scalar) ? "-" : String(Character(scalar))
                tokens.append(Token(kind: .symbol, text: text, spaced: spaced))
                index += 1
            }
            spaced = false
        }
        self.tokens = tokens
    }

    /// Hyphen, non-breaking hyphen, figure dash, en dash, em dash and minus sign all read as "-".
    private static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}",
                                                      "\u{2212}"]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    // The two properties asked of every scalar, answered without the property tables for ASCII, where the
    // whitespace is tab to carriage return and space, and the alphabetic scalars are the letters.

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let folded = scalar.value | 0x20  // upper-case letters onto lower-case ones
        return folded >= 0x61 && folded <= 0x7A
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // ASCII scalars, as nearly every token's are, are their own UTF-8 bytes: written straight into the
        // string's storage rather than appended scalar by scalar.
        guard scalars.allSatisfy(\.isASCII) else {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return scalars.count
        }
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The same stream with one token's text replaced (a reader's rewrite, such as ".75" read as "0.75").
    func replacing(_ index: Int, with text: String) -> TokenStream {
        var copy = tokens
        if copy.indices.contains(index) { copy[index].text = text }
        return TokenStream(tokens: copy)
    }

    subscript(index: Int) -> Token? { index >= 0 && index < tokens.count ? tokens[index] : nil }

    /// The lowercased word at `index`, if that token is a word.
    func word(_ index: Int) -> String? {
        guard let token = self[index], token.kind == .word else { return nil }
        return token.text
    }

    /// The digit run at `index`, if that token is one.
    func digits(_ index: Int) -> String? {
        guard let token = self[index], token.kind == .digits else { return nil }
        return token.text
    }

    func isWord(_ index: Int, _ word: String) -> Bool { self.word(index) == word }

    func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        guard let token = self[index], token.kind == .symbol else { return false }
        return token.text == symbol
    }

    /// Whitespace precedes the token at `index` (a fragment's `\s+`).
    func spaced(_ index: Int) -> Bool { self[index]?.spaced ?? false }

    /// The token at `index` exists and touches the previous one (no `\s` between them in the fragment).
    func attached(_ index: Int) -> Bool { self[index].map { !$0.spaced } ?? false }

    /// Matches a sequence of words separated by whitespace ("no fewer than") starting at `index`; the first word's
    /// own spacing is the caller's business. Returns the index after the last word.
    func matchWords(_ words: [String], at index: Int) -> Int? {
        for (offset, word) in words.enumerated() {
            guard isWord(index + offset, word), offset == 0 || spaced(index + offset) else { return nil }
        }
        return index + words.count
    }

    /// Removes the surroundings a rule's capture may carry but a macro never ends with: whitespace, quotes,
    /// brackets and trailing sentence punctuation (a trailing "." also goes, which every grammar tolerates:
    /// "Aug." reads as "Aug", "a.m." as "a.m").
    static func trimmed(_ text: String) -> String {
        // Nearly every value text is ASCII at both ends: trimmed on its bytes. Hashing Characters into the sets
        // below cost more than reading the value.
        if let trimmed = text.utf8.withContiguousStorageIfAvailable({ asciiTrimmed($0) }) ?? nil {
            return trimmed
        }
        return characterTrimmed(text)
    }

    /// `trimmed` by Character, for any text.
    static func characterTrimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace || trimmedLeading.contains(first) { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || trimmedTrailing.contains(last) { slice.removeLast() }
        return String(slice)
    }

    /// `trimmed` worked on UTF-8 bytes, while every Character it looks at is one ASCII byte; nil as soon as one
    /// may not be (a non-ASCII neighbour, which may combine with it, or a CR LF pair), for `characterTrimmed`.
    private static func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // An ASCII byte is a Character by itself unless a non-ASCII scalar (a combining mark, a prepended
        // mark) joins it, or it is the CR of a CR LF.
        func isCharacter(_ index: Int, before next: Int?, after previous: Int?) -> Bool {
            let byte = bytes[index]
            guard byte < 0x80 else { return false }
            if let next, bytes[next] >= 0x80 || (byte == 0x0D && bytes[next] == 0x0A) { return false }
            if let previous, bytes[previous] >= 0x80 || (bytes[previous] == 0x0D && byte == 0x0A) { return false }
            return true
        }
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        while start < bytes.count {
            guard isCharacter(start, before: start + 1 < bytes.count ? start + 1 : nil, after: nil) else { return nil }
            let byte = bytes[start]
            guard isWhitespace(byte) || asciiTrimmedLeading.contains(byte) else { break }
            start += 1
        }
        var end = bytes.count
        while end > start {
            guard isCharacter(end - 1, before: nil, after: end - 1 > start ? end - 2 : nil) else { return nil }
            let byte = bytes[end - 1]
            guard isWhitespace(byte) || asciiTrimmedTrailing.contains(byte) else { break }
            end -= 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The ASCII ones of `trimmedLeading` and `trimmedTrailing`.
    private static let asciiTrimmedLeading: [UInt8] = Array("([\"'".utf8)
    private static let asciiTrimmedTrailing: [UInt8] = Array(")]\"',;:!?.".utf8)

    /// What `trimmed` removes before a value, besides whitespace.
    private static let trimmedLeading: Set<Character> = ["(", "[", "\"", "\u{201C}", "'", "\u{2018}"]
    /// What `trimmed` removes after a value, besides whitespace.
    private static let trimmedTrailing: Set<Character> = [")", "]", "\"", "\u{201D}", "'", "\u{2019}", ",", ";", ":", "!",
                                                          "?", "."]
}
