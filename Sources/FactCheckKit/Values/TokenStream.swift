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
            if scalar.properties.isWhitespace {
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
            } else if scalar.properties.isAlphabetic {
                var end = index
                while end < scalars.count {
                    if scalars[end].properties.isAlphabetic, !Self.isDigit(scalars[end]) {
                        end += 1
                    } else if scalars[end] == "'" || scalars[end] == "\u{2019}", end + 1 < scalars.count,
                              scalars[end + 1].properties.isAlphabetic {
                        end += 1
                    } else {
                        break
                    }
                }
                let word = Self.string(scalars[index..<end]).lowercased()
                    .replacingOccurrences(of: "\u{2019}", with: "'")
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

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
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
        let leading: Set<Character> = ["(", "[", "\"", "\u{201C}", "'", "\u{2018}"]
        let trailing: Set<Character> = [")", "]", "\"", "\u{201D}", "'", "\u{2019}", ",", ";", ":", "!", "?", "."]
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace || leading.contains(first) { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || trailing.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
