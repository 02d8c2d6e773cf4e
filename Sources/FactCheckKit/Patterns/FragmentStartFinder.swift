/// Finds, in one pass over a subject, every position where the `FragmentStart` of each anchored pattern holds, so
/// that `PatternScanner` tries such a pattern only there: left to itself, PCRE2 evaluates the start's lookahead at
/// every character of the subject, once for every pattern.
///
/// A start holds exactly where its `FragmentStart.lookahead` holds for PCRE2 with UTF, without UCP, caselessly:
/// - one of its characters begins there, compared as a UTF-8 sequence;
/// - or a word boundary lies there and a digit follows, for a start with `digitsBeginningWords`;
/// - or one of its `charactersBeforeDigits` begins there and a digit follows it;
/// - or a word boundary lies there, one of its words follows, compared byte for byte (spaces and punctuation
///   included) with ASCII letters caseless, and another word boundary follows the word. Without UCP, `\b` sees
///   only ASCII letters, digits and `_` as word characters: every byte from 0x80 up, part of a character beyond
///   ASCII, is a non-word byte;
/// - or one of its leads is such a word, and after the ASCII whitespace that follows it (`\s` without UCP), the
///   lead's follower holds as a start of its own.
///
/// PCRE2's caseless UTF matching also takes KELVIN SIGN (U+212A) for k and LATIN SMALL LETTER LONG S (U+017F)
/// for s, the only characters beyond ASCII that fold to an ASCII letter, and so does the finder. Characters beyond
/// ASCII in a start must have no other case, so that comparing their bytes compares them caselessly; making a
/// finder for a start with one is a programming error.
///
/// It also tells which patterns cannot match the subject at all: those with required literals none of which
/// occurs in it (`mayMatch(_:)`), once `LiteralPrefilter` has found them worth reading.
public struct FragmentStartFinder: Sendable {
    /// One bit for each start, in the order of `starts`.
    typealias StartSet = UInt64

    /// The distinct starts, in the order of their position lists.
    let starts: [FragmentStart]
    /// The index in `starts` of each anchored pattern's start. The pattern is kept so that no other pattern can
    /// take its identifier.
    private let startIndexes: [ObjectIdentifier: (pattern: Pattern, index: Int)]
    private let tables: Tables
    /// The positions the last `find(in:)` found, for each start, ascending.
    private var positions: [[Int]]
    /// The patterns' required literals, shared by all copies; nil for a finder of starts alone.
    private let prefilter: LiteralPrefilter?
    /// Which literals the last subject holds, once the prefilter has read them.
    private var presence: LiteralPresence?
    /// Whether the last subject holds a character that only UTF mode matches caselessly for an ASCII letter
    /// (`Pattern.holdsCaseFoldingCharacters`): its byte-mode patterns are matched with their UTF code.
    public private(set) var subjectHoldsCaseFoldingCharacters = false

    /// A finder for the starts of those `patterns` that have one (see `Pattern.start`), and for the required
    /// literals of all of them.
    public init(patterns: some Sequence<Pattern>) {
        var starts: [FragmentStart] = []
        var indexes: [ObjectIdentifier: (pattern: Pattern, index: Int)] = [:]
        for pattern in patterns {
            guard let start = pattern.start else { continue }
            let index = starts.firstIndex(of: start) ?? starts.count
            if index == starts.count { starts.append(start) }
            indexes[ObjectIdentifier(pattern)] = (pattern, index)
        }
        self.init(starts: starts, startIndexes: indexes, prefilter: LiteralPrefilter(patterns: Array(patterns)))
    }

    /// A finder for `starts`, each found as `positions(ofStart:)`.
    init(starts: [FragmentStart]) {
        self.init(starts: starts, startIndexes: [:], prefilter: nil)
    }

    private init(starts: [FragmentStart], startIndexes: [ObjectIdentifier: (pattern: Pattern, index: Int)],
                 prefilter: LiteralPrefilter?) {
        precondition(starts.count <= Tables.maximumStartCount, "at most \(Tables.maximumStartCount) distinct starts")
        self.starts = starts
        self.startIndexes = startIndexes
        positions = Array(repeating: [], count: starts.count)
        tables = Tables(starts: starts)
        self.prefilter = prefilter
    }

    /// Reads the patterns' required literals now rather than after `LiteralPrefilter.subjectsBeforeReading`
    /// subjects, so that `mayMatch(_:)` answers from the first subject on (tests and benchmarks).
    public mutating func readRequiredLiteralsNow() {
        if presence == nil, let prefilter { presence = LiteralPresence(table: prefilter.tableNow()) }
    }

    /// Finds where each start holds in `subject`, which must be valid UTF-8, and which required literals it holds;
    /// both stay until the next call.
    public mutating func find(in subject: [UInt8]) {
        if presence == nil, let table = prefilter?.tableAfterCountingSubject() { presence = LiteralPresence(table: table) }
        presence?.find(in: subject)
        subjectHoldsCaseFoldingCharacters = subject.withUnsafeBufferPointer { Pattern.holdsCaseFoldingCharacters($0) }
        // Moved out of `self` while filled, so that appending never copies them.
        var found = positions
        positions = []
        for index in found.indices { found[index].removeAll(keepingCapacity: true) }
        let tables = tables
        let byteKinds = UnsafeBufferPointer(tables.byteKinds)
        let quietInWord = UnsafeBufferPointer(tables.quietInWord)
        subject.withUnsafeBufferPointer { bytes in
            var previousIsWord = false
            for index in bytes.indices {
                // Most bytes are letters inside a word, where nothing starts: one load tells.
                if previousIsWord, quietInWord[Int(bytes[index])] { continue }
                let kind = byteKinds[Int(bytes[index])]
                var startsHere = tables.starts(at: index, in: bytes, kind: kind, previousIsWord: previousIsWord)
                previousIsWord = kind & Tables.wordByte != 0
                while startsHere != 0 {
                    found[startsHere.trailingZeroBitCount].append(index)
                    startsHere &= startsHere - 1
                }
            }
        }
        positions = found
    }

    /// Where `pattern`'s start held in the subject of the last `find(in:)`, ascending; nil for a pattern without a
    /// start or one this finder was not made for, which must be searched at every position.
    public func positions(for pattern: Pattern) -> [Int]? {
        startIndexes[ObjectIdentifier(pattern)].map { positions[$0.index] }
    }

    /// False when `pattern` has required literals and the subject of the last `find(in:)` holds none of them, so
    /// that it cannot match there; true otherwise.
    public func mayMatch(_ pattern: Pattern) -> Bool {
        presence?.mayMatch(pattern) ?? true
    }

    /// Where `starts[index]` held in the subject of the last `find(in:)`, ascending.
    func positions(ofStart index: Int) -> [Int] {
        positions[index]
    }

    /// How many positions the last `find(in:)` found, over all starts.
    public var positionCount: Int {
        positions.reduce(0) { $0 + $1.count }
    }
}

extension FragmentStartFinder {
    /// The finder's lookup tables: made once, only read after, and kept in raw memory so that the loop over every
    /// byte does no bounds checks and no reference counting.
    private final class Tables: @unchecked Sendable {
        // @unchecked: nothing is written after `init`.

        /// Bits 0..<61 of a `byteKinds` entry: the starts that list the byte as a whole (ASCII) character.
        static let characterStarts: StartSet = (1 << 61) - 1
        static let maximumStartCount = 61
        /// The byte is a word character for `\b` without UCP: an ASCII letter, digit or underscore.
        static let wordByte: StartSet = 1 << 61
        /// The byte leads a character of `scalarStartSets` or `scalarBeforeDigitSets`: only there is a character
        /// decoded.
        static let scalarLeadByte: StartSet = 1 << 62
        /// A word of a start can begin with the byte (ASCII-caselessly, or as KELVIN SIGN or LONG S).
        static let wordLeadByte: StartSet = 1 << 63
        /// What the loop over every byte needs to know of a byte, in one load: 256 entries of the bits above.
        let byteKinds: UnsafeMutableBufferPointer<StartSet>
        /// For each byte, whether it is a word byte at which no start can hold after another word byte (where no
        /// word boundary lies): no start lists it as a character or before digits.
        let quietInWord: UnsafeMutableBufferPointer<Bool>
        /// For each byte, the starts that begin with it where a word boundary lies before it: digits beginning words.
        let boundaryCharacterStarts: UnsafeMutableBufferPointer<StartSet>
        /// For each byte, the starts that begin with it where a digit follows: ASCII `charactersBeforeDigits`.
        let beforeDigitStarts: UnsafeMutableBufferPointer<StartSet>
        /// For each character beyond ASCII that a start lists, the starts that list it.
        private let scalarStartSets: [UInt32: StartSet]
        /// For each character beyond ASCII that a start lists before digits, the starts that list it.
        private let scalarBeforeDigitSets: [UInt32: StartSet]
        /// The words as a prefix tree.
        private let wordTree: FoldedByteTree.Frozen
        /// For each node of `wordTree`, the starts with a word that ends there, and `leadEnd` where a lead ends.
        private let wordEndStarts: UnsafeMutableBufferPointer<StartSet>
        /// Marks a node of `wordTree` where a lead word ends, in `wordEndStarts`.
        private static let leadEnd: StartSet = 1 << 63
        /// For each node of `wordTree`: the start of each lead that ends there and the tables of its follower.
        private let leadsByNode: [[(start: StartSet, follower: Tables)]]

        init(starts: [FragmentStart]) {
            var byteKinds = (0...UInt8.max).map { Self.isWordByte($0) ? Self.wordByte : 0 }
            var scalarStartSets: [UInt32: StartSet] = [:]
            var boundaryCharacterStarts = [StartSet](repeating: 0, count: 256)
            var beforeDigitStarts = [StartSet](repeating: 0, count: 256)
            var scalarBeforeDigitSets: [UInt32: StartSet] = [:]
            for (index, start) in starts.enumerated() {
                Self.file(start.characters, as: 1 << index, ascii: &byteKinds, beyondASCII: &scalarStartSets)
                Self.file(start.charactersBeforeDigits, as: 1 << index, ascii: &beforeDigitStarts,
                          beyondASCII: &scalarBeforeDigitSets)
                if start.digitsBeginningWords {
                    for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { boundaryCharacterStarts[Int(digit)] |= 1 << index }
                }
            }
            for value in Array(scalarStartSets.keys) + Array(scalarBeforeDigitSets.keys) {
                byteKinds[Int(UTF8.encode(Unicode.Scalar(value)!)!.first!)] |= Self.scalarLeadByte
            }
            // Symbols 1... for the distinct bytes of the words, ASCII letters folded to lowercase.
            let foldedWords = starts.map { start in
                start.words.map(Self.folded)
            }
            let leads = starts.map { start in
                start.leads.sorted { $0.key < $1.key }.map { (word: Self.folded($0.key), follower: $0.value) }
            }
            var tree = FoldedByteTree(symbolsFor: Array(foldedWords.joined()) + leads.joined().map(\.word))
            let wordEnds = foldedWords.map { words in words.map { tree.insert($0) } }
            let leadEnds = leads.map { leads in leads.map { (node: tree.insert($0.word), follower: $0.follower) } }
            var wordEndStarts = [StartSet](repeating: 0, count: tree.nodeCount)
            for (index, nodes) in wordEnds.enumerated() {
                for node in nodes { wordEndStarts[node] |= 1 << index }
            }
            // Leads that share a follower share its tables.
            var followerTables: [FragmentStart: Tables] = [:]
            var leadsByNode = [[(start: StartSet, follower: Tables)]](repeating: [], count: tree.nodeCount)
            for (index, ends) in leadEnds.enumerated() {
                for (node, follower) in ends {
                    let tables = followerTables[follower] ?? Tables(starts: [follower])
                    followerTables[follower] = tables
                    wordEndStarts[node] |= Self.leadEnd
                    leadsByNode[node].append((1 << index, tables))
                }
            }
            for byte in 0...UInt8.max where tree.beginsAWord(byte) {
                byteKinds[Int(byte)] |= Self.wordLeadByte
            }
            quietInWord = FoldedByteTree.rawCopy((0...UInt8.max).map { byte in
                Self.isWordByte(byte) && byteKinds[Int(byte)] & Self.characterStarts == 0
                    && beforeDigitStarts[Int(byte)] == 0
            })
            self.byteKinds = FoldedByteTree.rawCopy(byteKinds)
            self.boundaryCharacterStarts = FoldedByteTree.rawCopy(boundaryCharacterStarts)
            self.beforeDigitStarts = FoldedByteTree.rawCopy(beforeDigitStarts)
            self.scalarBeforeDigitSets = scalarBeforeDigitSets
            self.scalarStartSets = scalarStartSets
            wordTree = tree.frozen()
            self.wordEndStarts = FoldedByteTree.rawCopy(wordEndStarts)
            self.leadsByNode = leadsByNode
        }

        deinit {
            quietInWord.deallocate()
            byteKinds.deallocate()
            boundaryCharacterStarts.deallocate()
            beforeDigitStarts.deallocate()
            wordEndStarts.deallocate()
        }

        /// The starts that list the character beyond ASCII whose lead byte is at `index`.
        func scalarStarts(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> StartSet {
            let lead = UInt32(bytes[index])
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return 0 }
            var value = lead & (0x7F >> UInt32(length))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            var found = scalarStartSets[value] ?? 0
            if let beforeDigit = scalarBeforeDigitSets[value], index + length < bytes.count,
               Self.isDigit(bytes[index + length]) {
                found |= beforeDigit
            }
            return found
        }

        /// The starts with a word that begins at `position` (where a word boundary lies) and ends at a word
        /// boundary.
        func wordStarts(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> StartSet {
            var found: StartSet = 0
            var node = 0
            var index = position
            while let (child, width) = wordTree.step(from: node, at: index, in: bytes) {
                node = child
                index += width
                let ending = wordEndStarts[node]
                if ending != 0,
                   Self.isWordByte(bytes[index - 1]) != (index < bytes.count && Self.isWordByte(bytes[index])) {
                    found |= ending & Self.characterStarts
                    if ending & Self.leadEnd != 0 { found |= leadStarts(endingAt: node, before: index, in: bytes) }
                }
            }
            return found
        }

        /// The starts of the leads that end at `node` whose follower holds after the whitespace from `index`.
        private func leadStarts(endingAt node: Int, before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> StartSet {
            var next = index
            while next < bytes.count, Self.isWhitespace(bytes[next]) { next += 1 }
            guard next < bytes.count else { return 0 }
            var found: StartSet = 0
            for lead in leadsByNode[node] where found & lead.start == 0 && lead.follower.holds(at: next, in: bytes) {
                found |= lead.start
            }
            return found
        }

        /// The starts that hold at `index`, whose byte's entry in `byteKinds` is `kind`, after a word byte or not.
        @inline(__always)
        func starts(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, kind: StartSet, previousIsWord: Bool) -> StartSet {
            var startsHere = kind & Self.characterStarts
            if kind & Self.scalarLeadByte != 0 { startsHere |= scalarStarts(at: index, in: bytes) }
            let beforeDigit = beforeDigitStarts[Int(bytes[index])]
            if beforeDigit != 0, index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) { startsHere |= beforeDigit }
            if (kind & Self.wordByte != 0) != previousIsWord {
                startsHere |= boundaryCharacterStarts[Int(bytes[index])]
                if kind & Self.wordLeadByte != 0 { startsHere |= wordStarts(at: index, in: bytes) }
            }
            return startsHere
        }

        /// Whether the tables' first start holds at `index`: a follower, looked at only after a lead.
        private func holds(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let previousIsWord = index > 0 && Self.isWordByte(bytes[index - 1])
            return starts(at: index, in: bytes, kind: byteKinds[Int(bytes[index])], previousIsWord: previousIsWord) & 1 != 0
        }

        static func isDigit(_ byte: UInt8) -> Bool {
            byte &- UInt8(ascii: "0") < 10
        }

        /// `\s` without UCP: tab, line feed, vertical tab, form feed, carriage return and space.
        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte &- 0x09 < 5
        }

        /// Files each of `characters` (in every case PCRE2 matches) under `start`: an ASCII one in `ascii` by its
        /// byte, another in `beyondASCII` by its value.
        private static func file(_ characters: Set<Unicode.Scalar>, as start: StartSet, ascii: inout [StartSet],
                                 beyondASCII: inout [UInt32: StartSet]) {
            for scalar in characters.flatMap(caselessForms) {
                if scalar.isASCII {
                    ascii[Int(scalar.value)] |= start
                } else {
                    beyondASCII[scalar.value, default: 0] |= start
                }
            }
        }

        /// A word character for `\b` without UCP: an ASCII letter, digit or underscore.
        static func isWordByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
        }

        /// A start word's bytes as the tree holds them, ASCII letters lowercased.
        private static func folded(_ word: String) -> [UInt8] {
            precondition(!word.isEmpty, "an empty start word")
            word.unicodeScalars.filter { !$0.isASCII }.forEach(requireNoOtherCase)
            return word.utf8.map(lowercased)
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }

        /// Every character PCRE2 matches caselessly (with UTF, without UCP) where `scalar` is written.
        private static func caselessForms(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
            guard scalar.isASCII else {
                requireNoOtherCase(scalar)
                return [scalar]
            }
            guard scalar.properties.isAlphabetic else { return [scalar] }
            let lower = Unicode.Scalar(UInt8(scalar.value) | 0x20)
            let upper = Unicode.Scalar(UInt8(scalar.value) & ~0x20)
            switch lower {
            case "k": return [lower, upper, "\u{212A}"]
            case "s": return [lower, upper, "\u{17F}"]
            default: return [lower, upper]
            }
        }

        /// Stops on a character beyond ASCII that has other cases: PCRE2 would match them too, a byte comparison
        /// not.
        private static func requireNoOtherCase(_ scalar: Unicode.Scalar) {
            precondition(!scalar.properties.changesWhenCaseMapped,
                         "start character \(scalar) has other cases, which the finder does not look for")
        }
    }
}
