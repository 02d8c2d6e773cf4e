/// Words of a sentence as the aligner compares them: lower-cased, crudely stemmed so that "released", "releases"
/// and "release" meet, stop words dropped.
public enum Terms {
    /// A word of the text and where it is.
    public struct Token: Equatable, Sendable {
        public var range: Range<Int>
        public var text: String
        /// Starts with an upper-case letter: a candidate for an entity name.
        public var isCapitalized: Bool
        /// Holds a digit: values are compared as values, not as context words.
        public var hasDigit: Bool
        /// The punctuation mark between this word and the one before that separates parts of the sentence
        /// (",", ";", ":", a parenthesis, a dash), if any.
        public var precedingMark: UInt8? = nil
    }

    /// Function words and the most common reporting verbs: they say nothing about what a claim is about.
    /// "later" and "earlier" are "after" and "before" as adverbs: every offset ("four days later", "19 minutes
    /// later") has one, and as a shared word it aligned offsets of unrelated events.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
        "into", "onto", "out", "up", "down", "over", "under", "about", "after", "before", "since", "until", "than",
        "then", "so", "if", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
        "do", "does", "did", "will", "would", "could", "should", "may", "might", "can", "must", "shall", "that",
        "this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "it", "its",
        "it's", "he", "she", "they", "them", "their", "his", "her", "him", "we", "our", "us", "you", "your", "i", "me",
        "my", "there", "here", "also", "not", "no", "yes", "all", "any", "some", "each", "every", "both", "either",
        "neither", "such", "very", "just", "only", "more", "most", "much", "many", "other", "another", "same", "own",
        "said", "says", "say", "saying", "told", "according", "per", "via", "while", "during", "through", "against",
        "between", "among", "within", "without", "around", "however", "because", "although", "though", "whether",
        "s", "t", "mr", "mrs", "ms", "dr", "one", "de", "later", "earlier",
    ]

    /// The words of a byte range of `bytes`.
    public static func tokens(in bytes: [UInt8], range: Range<Int>) -> [Token] {
        tokens(in: bytes, range: range) { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The words of a byte range of `bytes`, each word's text made by `text` from its byte range: a fact base
    /// takes it from the words it has read before (`WordReadings`) rather than decoding it again.
    static func tokens(in bytes: [UInt8], range: Range<Int>, text makeText: (Range<Int>) -> String) -> [Token] {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "a range of other bytes")
        var tokens: [Token] = []
        // About one word per six bytes of English copy: room for most sentences without regrowing.
        tokens.reserveCapacity(range.count / 5 + 1)
        // Read through a buffer: every byte of every document passes here, and the array's bounds checks took 3
        // of the loop's 56 million instructions per 1,000 archive documents.
        bytes.withUnsafeBufferPointer { bytes in
            var index = range.lowerBound
            var mark: UInt8?
            while index < range.upperBound {
                let (isWord, length) = wordCharacter(in: bytes, at: index, limit: range.upperBound)
                guard isWord else {
                    if isClauseMark(at: index, in: bytes, range: range) { mark = mark ?? bytes[index] }
                    index += length
                    continue
                }
                let start = index
                var hasDigit = false
                while index < range.upperBound {
                    let byte = bytes[index]
                    let (isWord, length) = wordCharacter(in: bytes, at: index, limit: range.upperBound)
                    if isWord {
                        if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
                        index += length
                    } else if index > start, index + 1 < range.upperBound,
                              wordCharacter(in: bytes, at: index + 1, limit: range.upperBound).isWord,
                              byte == UInt8(ascii: "'") || (hasDigit && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","))) {
                        // "Putin's", "1,300", "3.2" stay one word.
                        index += 1
                    } else {
                        break
                    }
                }
                let text = makeText(start..<index)
                let firstByte = bytes[start]
                let isCapitalized = firstByte < 0x80
                    ? firstByte >= UInt8(ascii: "A") && firstByte <= UInt8(ascii: "Z")
                    : text.unicodeScalars.first!.properties.isUppercase
                tokens.append(Token(range: start..<index, text: text, isCapitalized: isCapitalized,
                                    hasDigit: hasDigit, precedingMark: mark))
                mark = nil
            }
        }
        return tokens
    }

    /// A crude English stemmer: enough to make inflections of one word meet, never meant to produce real words.
    public static func stem(_ word: String) -> String {
        if let stemmed = asciiStem(word) { return stemmed }
        var word = word
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) {
            word.removeLast(2)
        }
        if word.hasSuffix("ies"), word.count > 4 {
            word.removeLast(3)
            word += "y"
        } else if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"), word.count > 3 {
            word.removeLast()
        }
        if word.hasSuffix("ing"), word.count > 5 {
            word.removeLast(3)
        } else if word.hasSuffix("ed"), word.count > 4 {
            word.removeLast(2)
        }
        if word.hasSuffix("e"), word.count > 3 {
            word.removeLast()
        }
        return word
    }

    /// The comparable form of a token's text: lower-cased, stemmed, mapped through the lexicon; nil for stop words
    /// and numbers.
    public static func term(_ text: String, lexicon: Lexicon) -> String? {
        term(lowered: lowercased(text), lexicon: lexicon)
    }

    /// `term` of a text already lower-cased (`lowercased`).
    static func term(lowered: String, lexicon: Lexicon) -> String? {
        stopWords.contains(lowered) ? nil : term(loweredNonStopWord: lowered, lexicon: lexicon)
    }

    /// `term` of a text already lower-cased and known not to be a stop word.
    static func term(loweredNonStopWord lowered: String, lexicon: Lexicon) -> String? {
        guard lowered.unicodeScalars.contains(where: {
            // An ASCII scalar is alphabetic exactly when it is a letter; the property lookup is for the rest.
            $0.isASCII ? ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A : $0.properties.isAlphabetic
        }) else {
            return nil
        }
        return lexicon.canonical(stem(lowered))
    }

    /// `text.lowercased()`, without a new string for text that has no upper-case letter (most words of a
    /// sentence).
    static func lowercased(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) })
            ? text : text.lowercased()
    }

    /// `stem` worked on the bytes of a word of ASCII characters, nearly every word of English copy: String's
    /// suffix tests and removals go Character by Character and cost more than the rest of a term's reading.
    /// Nil for any other word, and for one holding a carriage return (with a line feed, one Character of two
    /// bytes, which would make byte and Character counts differ).
    private static func asciiStem(_ word: String) -> String? {
        let bytes = word.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        return bytes.withContiguousStorageIfAvailable { bytes -> String in
            var end = bytes.count
            func endsWith(_ suffix: StaticString) -> Bool {
                let count = suffix.utf8CodeUnitCount
                guard end >= count else { return false }
                for offset in 0..<count where bytes[end - count + offset] != suffix.utf8Start[offset] { return false }
                return true
            }
            if endsWith("'s") { end -= 2 }
            if endsWith("ies"), end > 4 {
                // The word now ends in "y": none of the suffixes below applies.
                return String(decoding: bytes[0..<(end - 3)], as: UTF8.self) + "y"
            } else if endsWith("s"), !endsWith("ss"), !endsWith("us"), !endsWith("is"), end > 3 {
                end -= 1
            }
            if endsWith("ing"), end > 5 {
                end -= 3
            } else if endsWith("ed"), end > 4 {
                end -= 2
            }
            if endsWith("e"), end > 3 {
                end -= 1
            }
            return end == bytes.count ? word : String(decoding: bytes[0..<end], as: UTF8.self)
        }
    }

    /// Whether the character at `index` is a letter or digit, and its length in bytes. Inlined for the ASCII
    /// test, asked of nearly every byte of a document (a call per byte cost more than the test); other
    /// characters go through `nonASCIIWordCharacter`.
    @inline(__always)
    private static func wordCharacter(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (isWord: Bool, length: Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte.isASCIIAlphanumeric, 1)
        }
        return nonASCIIWordCharacter(in: bytes, at: index, limit: limit)
    }

    /// `wordCharacter` for a character that does not start with an ASCII byte.
    private static func nonASCIIWordCharacter(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (isWord: Bool, length: Int) {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= limit, length > 1 else { return (false, 1) }
        // Decoded by hand rather than through a String per character. A malformed sequence (a missing
        // continuation byte, an overlong form, a surrogate, a lead byte past F4) reads, as String would read it,
        // as the replacement character, which is not alphabetic.
        guard byte <= 0xF4 else { return (false, length) }
        var value = UInt32(byte) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return (false, length) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= shortest, let scalar = Unicode.Scalar(value) else { return (false, length) }
        return (scalar.properties.isAlphabetic, length)
    }

    /// Punctuation that separates parts of a sentence: ",", ";", ":", parentheses, a spaced hyphen standing for a
    /// dash, and the en and em dashes; not the hyphen of "high-security".
    private static func isClauseMark(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        case UInt8(ascii: "-"):
            return index > range.lowerBound && bytes[index - 1] == 0x20
        case 0xE2:
            return index + 2 < range.upperBound && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94)
        default:
            return false
        }
    }
}
