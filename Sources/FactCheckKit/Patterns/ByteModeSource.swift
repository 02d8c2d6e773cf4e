/// Rewrites a pattern written for PCRE2's UTF mode so that, compiled without UTF, it matches exactly the same in
/// any valid UTF-8 subject that holds neither KELVIN SIGN nor LATIN SMALL LETTER LONG S; nil for a pattern this
/// cannot promise that for.
///
/// Why: PCRE2's JIT code in UTF mode decodes characters as it goes, and in caseless mode it must take KELVIN SIGN
/// for k and LONG S for s; byte for byte, the anchored scan of the rule patterns runs about 30% faster
/// (`factcheck-bench scan`, 2,000 archive documents, one thread: 15.1 against 19.6 MB/s).
///
/// The rewrite keeps every consuming item of the pattern matching either one ASCII byte or one whole character's
/// UTF-8 bytes, never a byte of a character beyond ASCII on its own:
/// - a character beyond ASCII becomes the group `(?:c)` of its bytes, so that a quantifier after it still
///   repeats the whole character;
/// - a class with such characters becomes an alternation of its ASCII part and each of them (`[\-−]` becomes
///   `(?:[\-]|−)`); a lookbehind that is one such class becomes a lookbehind of alternatives, each of fixed length
///   (`(?<![\w–])` becomes `(?<![\w]|–)`), as PCRE2 requires;
/// - everything that can match a character beyond ASCII by itself (`.`, a negated class, `\D`, `\S`, `\W`, `\h`,
///   `\v`, `\R`, `\X`, `\p`, a range beyond ASCII) and what would need more care (back references, `\Q`,
///   comments, verbs, extended mode, `\K`) is refused, as is a character beyond ASCII that has another case.
///
/// Then, from a position between characters, every item compares as in UTF mode and moves on by whole characters:
/// an ASCII item never matches a byte beyond ASCII, as, without UCP, it never matches a character beyond ASCII;
/// `\b`, `\w`, `\s` and `\d` see such bytes as they see such characters, as non-word, non-space, non-digit. Two
/// differences remain, and the callers handle them:
/// - a search byte for byte also begins inside characters, where only an empty match, of assertions alone, can
///   hold (a consuming item would have to match a continuation byte); `PatternScanner` searches a subject where
///   one did again in UTF mode. An anchored attempt begins only where a start was found, between characters.
/// - caseless UTF mode takes KELVIN SIGN for k and LONG S for s: a subject holding either is matched with the UTF
///   code (`Pattern.needsUnicodeMode(for:)`).
enum ByteModeSource {
    /// The byte-mode form of `source`, or nil when it holds something this rewrite refuses.
    static func translating(_ source: String) -> String? {
        var translator = Translator(bytes: Array(source.utf8))
        return translator.translate().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a character beyond ASCII can stand in a byte-mode pattern as its bytes: only one that no case
    /// mapping changes, so that caseless matching has nothing to fold.
    static func hasNoOtherCase(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.changesWhenCaseMapped && !scalar.properties.changesWhenCaseFolded
    }
}

/// Reads the pattern's UTF-8 bytes: every character of PCRE2's syntax is ASCII, and a character beyond ASCII is
/// copied as its whole sequence. On bytes, not Unicode scalars, since the rule patterns run to some 300 KB
/// once their macros are expanded, read at every start of `factcheck check`.
private struct Translator {
    let bytes: [UInt8]
    var index = 0
    var output: [UInt8] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count + bytes.count / 8)
    }

    /// A character class read: its ASCII items, each written so that it means the same in any order, and its
    /// characters beyond ASCII (their UTF-8 bytes).
    struct CharacterClass {
        var text: ArraySlice<UInt8> = []
        var asciiItems: [[UInt8]] = []
        var beyondASCII: [ArraySlice<UInt8>] = []

        /// The class in byte mode: as written without characters beyond ASCII, an alternation otherwise.
        var byteMode: [UInt8] {
            guard !beyondASCII.isEmpty else { return Array(text) }
            return Array("(?:".utf8) + alternatives + [UInt8(ascii: ")")]
        }

        /// The ASCII part as a class of its own, then each character beyond ASCII, separated by "|".
        var alternatives: [UInt8] {
            let ascii = asciiItems.isEmpty ? [] : [[UInt8(ascii: "[")] + asciiItems.joined() + [UInt8(ascii: "]")]]
            return Array((ascii + beyondASCII.map { Array($0) }).joined(separator: [UInt8(ascii: "|")]))
        }
    }

    mutating func translate() -> [UInt8]? {
        while let byte = next(0) {
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escape = escapeOutsideClass() else { return nil }
                output += escape
            case UInt8(ascii: "["):
                guard let characterClass = characterClass() else { return nil }
                output += characterClass.byteMode
            case UInt8(ascii: "("):
                guard groupOpening() else { return nil }
            case UInt8(ascii: "."):
                return nil
            case 0x80...:
                guard let character = characterBeyondASCII() else { return nil }
                output += Array("(?:".utf8) + character + [UInt8(ascii: ")")]
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The character beyond ASCII at `index`, its bytes, read past; nil for one with another case.
    mutating func characterBeyondASCII() -> ArraySlice<UInt8>? {
        let length = switch bytes[index] {
        case 0xF0...: 4
        case 0xE0...: 3
        default: 2
        }
        guard index + length <= bytes.count else { return nil }
        let sequence = bytes[index..<(index + length)]
        var decoder = UTF8()
        var iterator = sequence.makeIterator()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator), ByteModeSource.hasNoOtherCase(scalar)
        else { return nil }
        index += length
        return sequence
    }

    /// Copies the opening of a group, rewriting a lookbehind that is one class with characters beyond ASCII.
    mutating func groupOpening() -> Bool {
        guard next(1) == UInt8(ascii: "?") else {
            // "(*VERB)" or "(*UTF)": refused; a plain capturing group is copied.
            guard next(1) != UInt8(ascii: "*") else { return false }
            output.append(UInt8(ascii: "("))
            index += 1
            return true
        }
        switch next(2) {
        case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            return copy(count: 3)
        case UInt8(ascii: "<"):
            if next(3) == UInt8(ascii: "=") || next(3) == UInt8(ascii: "!") { return lookbehind() }
            // A named group, "(?<name>".
            return copyName(after: 3, closing: UInt8(ascii: ">"))
        case UInt8(ascii: "P"):
            guard next(3) == UInt8(ascii: "<") else { return false }
            return copyName(after: 4, closing: UInt8(ascii: ">"))
        case UInt8(ascii: "'"):
            return copyName(after: 3, closing: UInt8(ascii: "'"))
        default:
            return inlineOptions()
        }
    }

    mutating func copy(count: Int) -> Bool {
        guard index + count <= bytes.count else { return false }
        output += bytes[index..<(index + count)]
        index += count
        return true
    }

    /// "(?<name>", "(?P<name>" or "(?'name'", copied: the name begins `after` bytes in.
    mutating func copyName(after: Int, closing: UInt8) -> Bool {
        var end = index + after
        while end < bytes.count, bytes[end] != closing {
            guard bytes[end] < 0x80 else { return false }
            end += 1
        }
        return end < bytes.count && copy(count: end + 1 - index)
    }

    /// "(?i)", "(?-i:" and the like, copied; extended mode (x) and anything else refused.
    mutating func inlineOptions() -> Bool {
        var end = index + 2
        while end < bytes.count, bytes[end] != UInt8(ascii: ":"), bytes[end] != UInt8(ascii: ")") {
            guard "imnsJU-^".utf8.contains(bytes[end]) else { return false }
            end += 1
        }
        return end < bytes.count && copy(count: end + 1 - index)
    }

    /// A lookbehind: one class with characters beyond ASCII becomes alternatives of fixed length; anything else
    /// is copied, and a class with such characters deeper inside makes a group of alternatives of several
    /// lengths, which PCRE2 refuses to compile (and the pattern stays in UTF mode).
    mutating func lookbehind() -> Bool {
        let opening = bytes[index..<(index + 4)]
        index += 4
        let saved = (index, output)
        if next(0) == UInt8(ascii: "["), let characterClass = characterClass(), !characterClass.beyondASCII.isEmpty,
           next(0) == UInt8(ascii: ")") {
            output += opening
            output += characterClass.alternatives
            output.append(UInt8(ascii: ")"))
            index += 1
            return true
        }
        (index, output) = saved
        output += opening
        return true
    }

    /// The escape at `index`, outside a class, in byte mode; nil for one that could match a character beyond
    /// ASCII or that this rewrite does not follow.
    mutating func escapeOutsideClass() -> [UInt8]? {
        guard let escaped = next(1) else { return nil }
        if escaped >= 0x80 {
            index += 1
            return characterBeyondASCII().map { Array("(?:".utf8) + $0 + [UInt8(ascii: ")")] }
        }
        if "dswbBAzZGnrtfea".utf8.contains(escaped) {
            index += 2
            return [UInt8(ascii: "\\"), escaped]
        }
        if escaped == UInt8(ascii: "x") { return hexEscape() }
        // Escaped punctuation stands for itself; any other letter or digit is refused.
        guard !escaped.isASCIIAlphanumeric else { return nil }
        index += 2
        return [UInt8(ascii: "\\"), escaped]
    }

    /// `\xhh` or `\x{h...}` for an ASCII character, copied; nil for one beyond ASCII.
    mutating func hexEscape() -> [UInt8]? {
        let start = index
        index += 2
        var digits: [UInt8] = []
        if next(0) == UInt8(ascii: "{") {
            index += 1
            while let byte = next(0), byte != UInt8(ascii: "}") {
                digits.append(byte)
                index += 1
            }
            guard next(0) == UInt8(ascii: "}") else { return nil }
            index += 1
        } else {
            while digits.count < 2, let byte = next(0), byte.isASCIIHexDigit {
                digits.append(byte)
                index += 1
            }
        }
        let text = digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
        guard let value = UInt32(text, radix: 16), value < 0x80 else { return nil }
        return Array(bytes[start..<index])
    }

    /// The class at `index` (its "["), read to its "]"; nil for a negated class, a range or a class escape that
    /// reaches beyond ASCII, or a character beyond ASCII that has another case.
    mutating func characterClass() -> CharacterClass? {
        let start = index
        index += 1
        guard next(0) != UInt8(ascii: "^") else { return nil }
        var result = CharacterClass()
        // A "]" first is a character of the class.
        if next(0) == UInt8(ascii: "]") {
            result.asciiItems.append(Array("\\]".utf8))
            index += 1
        }
        while let byte = next(0), byte != UInt8(ascii: "]") {
            if byte == UInt8(ascii: "["), next(1) == UInt8(ascii: ":") {
                // A POSIX class, "[:alpha:]"; its negation matches characters beyond ASCII.
                guard next(2) != UInt8(ascii: "^"), let end = posixClassEnd() else { return nil }
                result.asciiItems.append(Array(bytes[index..<end]))
                index = end
                continue
            }
            guard let item = classItem() else { return nil }
            // A range: "a-z", but not a "-" last.
            if next(0) == UInt8(ascii: "-"), let after = next(1), after != UInt8(ascii: "]") {
                index += 1
                guard case let .ascii(low) = item, case let .ascii(high)? = classItem() else { return nil }
                result.asciiItems.append(low + [UInt8(ascii: "-")] + high)
                continue
            }
            switch item {
            case let .ascii(text), let .escape(text):
                result.asciiItems.append(text)
            case let .beyondASCII(character):
                result.beyondASCII.append(character)
            }
        }
        guard next(0) == UInt8(ascii: "]") else { return nil }
        index += 1
        result.text = bytes[start..<index]
        return result
    }

    /// Where the POSIX class at `index` ("[:alpha:]") ends, past its ":]".
    func posixClassEnd() -> Int? {
        var position = index + 2
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: "]") { return position + 2 }
            position += 1
        }
        return nil
    }

    /// One item of a class.
    enum ClassItem {
        /// An ASCII character, written so that it means itself anywhere in a class (punctuation escaped, so that a
        /// "^" or "-" moved first or between two others stays a character).
        case ascii([UInt8])
        /// A class escape (`\d`, `\s`, `\w`), a control character or a hexadecimal escape: never part of a range.
        case escape([UInt8])
        /// A character beyond ASCII, its bytes.
        case beyondASCII(ArraySlice<UInt8>)
    }

    mutating func classItem() -> ClassItem? {
        guard let byte = next(0) else { return nil }
        if byte >= 0x80 { return characterBeyondASCII().map { .beyondASCII($0) } }
        guard byte == UInt8(ascii: "\\") else {
            index += 1
            return .ascii(byte.isASCIIAlphanumeric ? [byte] : [UInt8(ascii: "\\"), byte])
        }
        guard let escaped = next(1) else { return nil }
        if escaped >= 0x80 {
            index += 1
            return characterBeyondASCII().map { .beyondASCII($0) }
        }
        // Control characters (and \b, backspace in a class) are ASCII.
        if "dswnrtfeab".utf8.contains(escaped) {
            index += 2
            return .escape([UInt8(ascii: "\\"), escaped])
        }
        if escaped == UInt8(ascii: "x") { return hexEscape().map { .escape($0) } }
        guard !escaped.isASCIIAlphanumeric else { return nil }
        index += 2
        return .ascii([UInt8(ascii: "\\"), escaped])
    }

    func next(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }
}
