import Synchronization

/// The literal texts one of which every match of a pattern contains, read from the pattern's syntax, as ripgrep
/// reads a regex's literals: a subject that contains none of them holds no match, and its scan can be skipped.
///
/// "(?:serving|served|serve)\s+{duration}" must contain "serv"; "{duration}\s+(?:suspended|concurrent)..." must
/// contain "suspended" or "concurrent". The literals have their ASCII letters lowercased and are meant to be
/// looked for ASCII-caselessly: PCRE2 (UTF, caseless, without UCP) matches an ASCII letter only as itself or its
/// other case, except k and s, which also match KELVIN SIGN and LONG S (see `FoldedByteTree`); a literal holds a
/// character beyond ASCII only if it has no other case ("€"), so PCRE2 matches it only as itself.
///
/// The reading is conservative: a part of the syntax it does not know (a back reference, a conditional, `\Q`,
/// extended mode, ...) makes the whole pattern "no literals known", never a wrong set. Case-sensitive parts
/// (`(?-i)`) are read caselessly too, which can only keep more subjects than needed.
enum RequiredLiterals {
    /// At most this many strings in a set of exact texts, and of required literals: beyond, a set is dropped.
    static let maximumSetSize = 64
    /// Longer exact texts are not extended further (a longer literal than this is rarer than it needs to be).
    static let maximumLiteralLength = 40

    /// One of the returned literals occurs in every match of `source`; nil when no such set is known.
    static func of(_ source: String) -> Set<String>? {
        var parser = Parser(bytes: Array(source.utf8))
        guard let whole = try? parser.parseWhole() else { return nil }
        return whole.requirement.map(withoutSuperstrings)
    }

    /// What was read of every long group, by its text, for all patterns: rule patterns repeat the same value
    /// macros many times, and reading each copy again would cost more than JIT-compiling the patterns.
    private static let groupMemo = Mutex<[ArraySlice<UInt8>: Facts]>([:])
    /// Groups shorter than this are read again rather than hashed and looked up.
    private static let memoizedGroupLength = 48

    /// The set without the literals that contain another of its literals: where the longer occurs, so does the
    /// shorter, so the longer decides nothing.
    static func withoutSuperstrings(_ literals: Set<String>) -> Set<String> {
        let bytes = literals.map { Array($0.utf8) }
        return Set(bytes.filter { literal in
            !bytes.contains { $0.count < literal.count && contains(literal, $0) }
        }.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Whether `part` occurs in `whole`.
    private static func contains(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= whole.count else { return false }
        return (0...(whole.count - part.count)).contains { start in
            whole[start..<(start + part.count)].elementsEqual(part)
        }
    }

    /// What is known of a part of a pattern.
    struct Facts: Equatable {
        /// Every text the part can match (lowercase), when they are few; "" when it can match nothing at all.
        var exact: Set<String>?
        /// One of these occurs in every match of the part.
        var required: Set<String>?

        static let empty = Facts(exact: [""], required: nil)
        static let unknown = Facts(exact: nil, required: nil)

        /// The better of `required` and the exact texts, when the part cannot match the empty text.
        var requirement: Set<String>? {
            guard let exact, !exact.contains("") else { return required }
            return RequiredLiterals.better(exact, required)
        }
    }

    /// The set more likely to rule a subject out: the one less likely to occur at a given place in English news
    /// text (`likelihood(of:)`), so that "suspended" is preferred to a digit and "$" to "0"..."9".
    static func better(_ first: Set<String>?, _ second: Set<String>?) -> Set<String>? {
        guard let first, !first.isEmpty else { return second }
        guard let second, !second.isEmpty else { return first }
        return likelihood(of: first) <= likelihood(of: second) ? first : second
    }

    /// How likely one of `literals` is to begin at a given place of English text, taking bytes as independent:
    /// a rough model, good enough to rank sets of literals.
    static func likelihood(of literals: Set<String>) -> Double {
        literals.reduce(0) { sum, literal in sum + literal.utf8.reduce(1) { $0 * byteFrequency[Int($1)] } }
    }

    /// How often each byte occurs in English news text (letters after their usual frequencies), roughly.
    private static let byteFrequency: [Double] = (0...255).map { byte in
        let letters: [Character: Double] = [
            "e": 0.10, "t": 0.075, "a": 0.065, "o": 0.06, "i": 0.055, "n": 0.055, "s": 0.05, "h": 0.05, "r": 0.05,
            "d": 0.035, "l": 0.033, "u": 0.022, "c": 0.022, "m": 0.02, "w": 0.019, "f": 0.018, "g": 0.016,
            "y": 0.016, "p": 0.015, "b": 0.012, "v": 0.008, "k": 0.006, "x": 0.0012, "j": 0.001, "q": 0.0008,
            "z": 0.0006,
        ]
        switch UInt8(byte) {
        case UInt8(ascii: " "): return 0.15
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return letters[Character(UnicodeScalar(UInt8(byte)))] ?? 0.01
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: "."): return 0.01
        case UInt8(ascii: "-"), UInt8(ascii: "\n"): return 0.003
        case 0x80...: return 0.0005
        default: return 0.001
        }
    }

    /// Every concatenation of a text of `first` with one of `second`; nil when there would be too many or too long.
    static func product(_ first: Set<String>, _ second: Set<String>) -> Set<String>? {
        guard first.count * second.count <= maximumSetSize else { return nil }
        var result: Set<String> = []
        for head in first {
            for tail in second {
                let joined = head + tail
                guard joined.utf8.count <= maximumLiteralLength else { return nil }
                result.insert(joined)
            }
        }
        return result
    }

    /// The pattern syntax this reader does not know: the pattern gets no literals.
    struct Unsupported: Error {}

    /// A recursive-descent reader of PCRE2 syntax, computing `Facts` bottom-up.
    struct Parser {
        let bytes: [UInt8]
        var index = 0

        /// For each "(" that opens a group, the index of its ")"; built in one pass so that a long group's text
        /// is known before it is read, for the memo.
        private let groupEnds: [Int: Int]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            groupEnds = Self.groupEnds(in: bytes)
        }

        /// The closing parenthesis of every long group: escapes and classes skipped as the reader skips them.
        private static func groupEnds(in bytes: [UInt8]) -> [Int: Int] {
            var ends: [Int: Int] = [:]
            var open: [Int] = []
            var index = 0
            var inClass = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if inClass {
                    if byte == UInt8(ascii: "]") { inClass = false }
                } else if byte == UInt8(ascii: "[") {
                    inClass = true
                    // "]" first in a class ("[]a]", "[^]a]") is a member, not its end.
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") { index += 1 }
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") { index += 1 }
                } else if byte == UInt8(ascii: "(") {
                    open.append(index)
                } else if byte == UInt8(ascii: ")"), let start = open.popLast(), index - start >= memoizedGroupLength {
                    ends[start] = index
                }
                index += 1
            }
            return ends
        }

        mutating func parseWhole() throws(Unsupported) -> Facts {
            let facts = try parseAlternation()
            guard index == bytes.count else { throw Unsupported() }
            return facts
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// branch ('|' branch)*
        private mutating func parseAlternation() throws(Unsupported) -> Facts {
            var branches = [try parseSequence()]
            while current == UInt8(ascii: "|") {
                index += 1
                branches.append(try parseSequence())
            }
            guard branches.count > 1 else { return branches[0] }
            var exact: Set<String>? = []
            var required: Set<String>? = []
            for branch in branches {
                if let branchExact = branch.exact, let sofar = exact { exact = sofar.union(branchExact) } else { exact = nil }
                if let branchRequired = branch.requirement, let sofar = required {
                    required = sofar.union(branchRequired)
                } else {
                    required = nil
                }
            }
            if let set = exact, set.count > RequiredLiterals.maximumSetSize { exact = nil }
            // Pruned only when too large: pruning compares every pair, and a rule pattern has thousands of
            // alternations.
            if let set = required, set.count > RequiredLiterals.maximumSetSize {
                let pruned = RequiredLiterals.withoutSuperstrings(set)
                required = pruned.count > RequiredLiterals.maximumSetSize ? nil : pruned
            }
            return Facts(exact: exact, required: required)
        }

        /// (item quantifier?)* up to '|', ')' or the end. Consecutive parts match consecutive text, so the
        /// concatenations of their exact texts are literals of the sequence too.
        private mutating func parseSequence() throws(Unsupported) -> Facts {
            var wholeExact: Set<String>? = [""]
            var run: Set<String> = [""]
            var required: Set<String>?
            func closeRun() {
                if !run.contains("") { required = RequiredLiterals.better(required, run) }
                run = [""]
            }
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                // A run of plain characters is one item: most of a rule pattern is words, and a set per character
                // would make reading it cost more than compiling it.
                let word = plainCharacters()
                let item = word.isEmpty ? try parseQuantified() : Facts(exact: [word], required: nil)
                required = RequiredLiterals.better(required, item.requirement)
                if let exact = item.exact {
                    if let whole = wholeExact { wholeExact = RequiredLiterals.product(whole, exact) }
                    if let extended = RequiredLiterals.product(run, exact) {
                        run = extended
                    } else {
                        closeRun()
                        run = exact
                    }
                } else {
                    wholeExact = nil
                    closeRun()
                }
            }
            closeRun()
            return Facts(exact: wholeExact, required: required)
        }

        /// The plain ASCII characters from here (lowercased), up to a special character and without the last one
        /// when a quantifier follows it.
        private mutating func plainCharacters() -> String {
            var end = index
            while end < bytes.count, Self.isPlain(bytes[end]) { end += 1 }
            if end < bytes.count, end > index, Self.isQuantifierStart(bytes[end]) { end -= 1 }
            guard end > index else { return "" }
            let word = bytes[index..<end].map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
            index = end
            return String(decoding: word, as: UTF8.self)
        }

        private static func isPlain(_ byte: UInt8) -> Bool {
            byte < 0x80 && !isSpecial[Int(byte)]
        }

        /// The ASCII characters with a meaning of their own outside a class.
        private static let isSpecial: [Bool] = (0..<128).map { Array("\\[](){}|.^$*+?".utf8).contains(UInt8($0)) }

        private static func isQuantifierStart(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "?") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "{")
        }

        /// An item and the quantifier after it, if any.
        private mutating func parseQuantified() throws(Unsupported) -> Facts {
            let item = try parseItem()
            guard let (minimum, maximum) = try parseQuantifier() else { return item }
            // A lazy or possessive quantifier matches the same texts.
            if current == UInt8(ascii: "?") || current == UInt8(ascii: "+") { index += 1 }
            if minimum == 0 {
                if maximum == 1, let exact = item.exact { return Facts(exact: exact.union([""]), required: nil) }
                return .unknown
            }
            var exact: Set<String>?
            if minimum == maximum, let once = item.exact {
                exact = [""]
                for _ in 0..<minimum { exact = exact.flatMap { RequiredLiterals.product($0, once) } }
            }
            return Facts(exact: exact, required: item.requirement)
        }

        /// `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}` as (minimum, maximum: nil for unbounded); nil when none follows.
        private mutating func parseQuantifier() throws(Unsupported) -> (Int, Int?)? {
            switch current {
            case UInt8(ascii: "?"): index += 1; return (0, 1)
            case UInt8(ascii: "*"): index += 1; return (0, nil)
            case UInt8(ascii: "+"): index += 1; return (1, nil)
            case UInt8(ascii: "{"):
                var cursor = index + 1
                func number() -> Int? {
                    var value: Int?
                    while cursor < bytes.count, bytes[cursor] &- UInt8(ascii: "0") < 10 {
                        value = (value ?? 0) * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                        cursor += 1
                    }
                    return value
                }
                let minimum = number()
                var maximum = minimum
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") {
                    cursor += 1
                    maximum = number()
                }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
                // "{,n}" is a quantifier in newer PCRE2 and a literal in older: not worth guessing.
                guard let minimum else { throw Unsupported() }
                index = cursor + 1
                return (minimum, maximum)
            default:
                return nil
            }
        }

        private mutating func parseItem() throws(Unsupported) -> Facts {
            guard let byte = current else { throw Unsupported() }
            switch byte {
            case UInt8(ascii: "("): return try parseGroup()
            case UInt8(ascii: "["): return try parseClass()
            case UInt8(ascii: "\\"): return try parseEscape()
            case UInt8(ascii: "."): index += 1; return .unknown
            case UInt8(ascii: "^"), UInt8(ascii: "$"): index += 1; return .empty
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"): throw Unsupported()
            default: return literalCharacter()
            }
        }

        /// One character as written: ASCII is known (lowercased), and so is a character beyond ASCII without other
        /// cases ("€", "°"), which PCRE2 matches only as itself; one with other cases is unknown.
        private mutating func literalCharacter() -> Facts {
            let byte = bytes[index]
            guard byte < 0x80 else { return Facts(exact: nonASCIICharacter().map { [$0] }, required: nil) }
            index += 1
            return Facts(exact: [Self.lowercasedText(byte)], required: nil)
        }

        /// The character beyond ASCII that begins here, as text, when it has no other case; nil otherwise.
        private mutating func nonASCIICharacter() -> String? {
            let start = index
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                  scalar != "\u{FFFD}", !scalar.properties.changesWhenCaseMapped
            else { return nil }
            return text
        }

        private static func lowercasedText(_ byte: UInt8) -> String {
            let lower = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            return String(UnicodeScalar(lower))
        }

        private mutating func parseGroup() throws(Unsupported) -> Facts {
            guard let end = groupEnds[index] else { return try parseGroupText() }
            let text = bytes[index...end]
            if let known = RequiredLiterals.groupMemo.withLock({ $0[text] }) {
                index = end + 1
                return known
            }
            let facts = try parseGroupText()
            // The pre-pass and the reader agree on where the group ends, or the memo is not used.
            guard index == end + 1 else { return facts }
            RequiredLiterals.groupMemo.withLock { $0[text] = facts }
            return facts
        }

        private mutating func parseGroupText() throws(Unsupported) -> Facts {
            index += 1
            var lookaround = false
            if current == UInt8(ascii: "?") {
                index += 1
                guard let kind = current else { throw Unsupported() }
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                    index += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 1
                    lookaround = true
                case UInt8(ascii: "<"):
                    index += 1
                    if current == UInt8(ascii: "=") || current == UInt8(ascii: "!") {
                        index += 1
                        lookaround = true
                    } else {
                        try skipName(until: UInt8(ascii: ">"))
                    }
                case UInt8(ascii: "P") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<"):
                    index += 2
                    try skipName(until: UInt8(ascii: ">"))
                case UInt8(ascii: "'"):
                    index += 1
                    try skipName(until: UInt8(ascii: "'"))
                default:
                    // Option settings: "(?i)", "(?-i)", "(?i:...)". Extended mode would change what every space
                    // means, so it is not read.
                    while let letter = current, letter == UInt8(ascii: "-") || letter == UInt8(ascii: "^")
                            || Self.isOptionLetter(letter) {
                        index += 1
                    }
                    guard let end = current, end == UInt8(ascii: ")") || end == UInt8(ascii: ":") else {
                        throw Unsupported()
                    }
                    index += 1
                    if end == UInt8(ascii: ")") { return .empty }
                }
            }
            let inner = try parseAlternation()
            guard current == UInt8(ascii: ")") else { throw Unsupported() }
            index += 1
            // A lookaround matches no text of its own; what it looks at need not be in the match.
            return lookaround ? .empty : inner
        }

        /// Option letters PCRE2 allows in "(?...)" apart from x, which turns on extended mode.
        private static func isOptionLetter(_ byte: UInt8) -> Bool {
            [UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "J"),
             UInt8(ascii: "U")].contains(byte)
        }

        private mutating func skipName(until terminator: UInt8) throws(Unsupported) {
            while let byte = current, byte != terminator { index += 1 }
            guard current == terminator else { throw Unsupported() }
            index += 1
        }

        /// A character class: known when it lists a few ASCII characters ("[ -]", "[0-9]").
        private mutating func parseClass() throws(Unsupported) -> Facts {
            index += 1
            var known = true
            if current == UInt8(ascii: "^") {
                index += 1
                known = false
            }
            var members: Set<String> = []
            var first = true
            // A character beyond ASCII is a member only as itself (see `nonASCIICharacter`); ranges are read only
            // between ASCII characters.
            while true {
                guard let byte = current else { throw Unsupported() }
                if byte == UInt8(ascii: "]"), !first {
                    index += 1
                    break
                }
                first = false
                if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    // A POSIX class such as [:alpha:].
                    index += 2
                    while let inner = current, inner != UInt8(ascii: "]") { index += 1 }
                    index += 1
                    known = false
                    continue
                }
                if byte >= 0x80 {
                    if let character = nonASCIICharacter() { members.insert(character) } else { known = false }
                    continue
                }
                guard let low = try classMember() else {
                    known = false
                    continue
                }
                if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                    index += 1
                    guard let high = try classMember(), low <= high, Int(high - low) < 16 else {
                        known = false
                        continue
                    }
                    for member in low...high { members.insert(Self.lowercasedText(member)) }
                } else {
                    members.insert(Self.lowercasedText(low))
                }
            }
            guard known, !members.isEmpty, members.count <= 16 else { return .unknown }
            return Facts(exact: members, required: nil)
        }

        /// One member of a class: its ASCII character, or nil for an escape of a set (`\w`) or a character
        /// beyond ASCII (which ends a range).
        private mutating func classMember() throws(Unsupported) -> UInt8? {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard let escaped = current else { throw Unsupported() }
                index += 1
                if let control = Self.controlCharacter(escaped) { return control }
                if Self.isLetterOrDigit(escaped) {
                    guard Self.characterSetEscapes.contains(escaped) else { throw Unsupported() }
                    return nil
                }
                return escaped < 0x80 ? escaped : nil
            }
            index += 1
            guard byte < 0x80 else {
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                return nil
            }
            return byte
        }

        private mutating func parseEscape() throws(Unsupported) -> Facts {
            index += 1
            guard let escaped = current else { throw Unsupported() }
            index += 1
            if Self.zeroWidthEscapes.contains(escaped) { return .empty }
            if Self.characterSetEscapes.contains(escaped) { return .unknown }
            if escaped == UInt8(ascii: "p") || escaped == UInt8(ascii: "P") {
                if current == UInt8(ascii: "{") {
                    try skipName(until: UInt8(ascii: "}"))
                } else {
                    index += 1
                }
                return .unknown
            }
            if let control = Self.controlCharacter(escaped) {
                return Facts(exact: [String(UnicodeScalar(control))], required: nil)
            }
            // Back references, \Q...\E, \K, \x, octal and the rest: not read.
            guard !Self.isLetterOrDigit(escaped), escaped < 0x80 else { throw Unsupported() }
            return Facts(exact: [Self.lowercasedText(escaped)], required: nil)
        }

        private static let zeroWidthEscapes: Set<UInt8> = Set("bBAzZG".utf8)
        /// Escapes that match one character of a set: \d, \w, \s, their negations, \h, \v, \R, \N, \X, \C.
        private static let characterSetEscapes: Set<UInt8> = Set("dDwWsShHvVRNXC".utf8)

        private static func controlCharacter(_ escaped: UInt8) -> UInt8? {
            switch escaped {
            case UInt8(ascii: "n"): return 0x0A
            case UInt8(ascii: "t"): return 0x09
            case UInt8(ascii: "r"): return 0x0D
            case UInt8(ascii: "f"): return 0x0C
            case UInt8(ascii: "e"): return 0x1B
            case UInt8(ascii: "a"): return 0x07
            default: return nil
            }
        }

        private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
        }
    }
}
