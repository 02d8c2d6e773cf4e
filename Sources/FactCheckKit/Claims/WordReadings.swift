import Foundation
import Synchronization

/// The readings of the distinct words met so far (text, lower-cased text, word classes, term), each worked out once
/// and found again by the word's bytes; and, for the document being read, how many sentences each term is in.
///
/// Reading a word costs two String-keyed lookups (`Lexicon.wordClasses`, `Lexicon.canonical`), a stemming and
/// a few Strings. A fact base reads every word of every document, and across an archive nearly every word has
/// been met before: here a known word costs a hash of its few bytes and a byte comparison. It lives across
/// documents (one per worker, lent by a `LendingPool`), since within one short article most words are new.
/// Each distinct term also has a small integer id, so that a document's term statistics are counted in an array
/// rather than in a String-keyed dictionary.
struct WordReadings {
    /// What `SentenceWords` reads from a word; a pure function of the word's bytes.
    struct Reading {
        /// The word's text.
        let text: String
        /// `Terms.lowercased` of the word's text.
        let lowered: String
        /// `WordClass.of(lowered:term:lexicon:)`.
        let classes: WordClass
        /// `Terms.term` of the word (nil for stop words and numbers), with its index in `terms`.
        let term: (text: String, id: Int)?

        /// The reading of a word, its term given id `termID`.
        init(text: String, lexicon: Lexicon, termID: Int) {
            let (lowered, classes, term) = Self.parts(of: text, lexicon: lexicon)
            self.init(text: text, lowered: lowered, classes: classes, term: term.map { ($0, termID) })
        }

        init(text: String, lowered: String, classes: WordClass, term: (text: String, id: Int)?) {
            self.text = text
            self.lowered = lowered
            self.classes = classes
            self.term = term
        }

        /// What is read from a word: its text lower-cased, its classes and its term.
        static func parts(of text: String, lexicon: Lexicon) -> (lowered: String, classes: WordClass, term: String?) {
            let lowered = Terms.lowercased(text)
            let listed = lexicon.wordClasses[lowered] ?? []
            guard !listed.contains(.stopWord), let term = Terms.term(loweredNonStopWord: lowered, lexicon: lexicon)
            else {
                return (lowered, WordClass.of(lowered: lowered, term: nil, lexicon: lexicon), nil)
            }
            return (lowered, WordClass.of(lowered: lowered, term: term, lexicon: lexicon), term)
        }
    }

    /// Past this many distinct words the readings are dropped and met again: a bound on a worker's memory
    /// (tens of MB) that an archive of ordinary copy does not reach.
    static let maximumWords = 1 << 18

    let lexicon: Lexicon
    /// A number no other `WordReadings` has: term ids mean the same term only within one vocabulary, so a store's
    /// writer, which maps them to its own ids, keeps one map per vocabulary. Dropping the readings
    /// (`maximumWords`) starts a new one.
    let vocabulary: Int
    private static let vocabularies = Atomic<Int>(0)
    /// Distinct words, in the order first met.
    private(set) var readings: [Reading] = []
    /// The bytes of each of `readings`, one after another: the keys words are found by.
    private var keyBytes: [UInt8] = []
    /// Where each of `readings` has its bytes in `keyBytes`.
    private var keys: [Range<Int>] = []
    /// Distinct terms, in the order first met; a reading's term id indexes here.
    private(set) var terms: [String] = []
    private var termIDs: [String: Int]
    /// Open addressing table of reading index + 1 (0: empty slot); its count is a power of two.
    private var slots: [Int32]

    /// For each term id, the document that last counted it, in how many of that document's sentences it is, and
    /// the last of them: a term counts once per sentence.
    private var counts: [(document: Int, sentences: Int, lastSentence: Int)] = []
    /// The number of the document being counted (`startDocument`).
    private var document = 0
    /// The ids of the terms the current document has, in the order first met.
    private(set) var documentTerms: [Int] = []

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        vocabulary = Self.vocabularies.add(1, ordering: .relaxed).newValue
        termIDs = Dictionary(minimumCapacity: 4096)
        slots = [Int32](repeating: 0, count: 8192)
        readings.reserveCapacity(4096)
        keys.reserveCapacity(4096)
        keyBytes.reserveCapacity(4096 * 8)
    }

    /// Starts counting the terms of a new document (`count(term:inSentence:)`), and forgets every reading once
    /// there are more than `maximumWords`.
    mutating func startDocument() {
        if readings.count > Self.maximumWords { self = WordReadings(lexicon: lexicon) }
        document += 1
        documentTerms.removeAll(keepingCapacity: true)
    }

    /// Counts term `id` in sentence `sentence` of the current document, unless that sentence counted it already.
    /// Sentences are counted in order.
    mutating func count(term id: Int, inSentence sentence: Int) {
        if counts[id].document != document {
            counts[id] = (document, 1, sentence)
            documentTerms.append(id)
        } else if counts[id].lastSentence != sentence {
            counts[id].sentences += 1
            counts[id].lastSentence = sentence
        }
    }

    /// In how many of the current document's sentences term `id` is.
    func sentenceCount(ofTerm id: Int) -> Int {
        counts[id].document == document ? counts[id].sentences : 0
    }

    /// The index in `readings` of the reading of the word at `range` of `bytes`, read now if it is new.
    /// - Parameter range: the range of a token of `bytes` (`Terms.tokens(in: bytes, ...)`).
    mutating func index(ofWordAt range: Range<Int>, in bytes: [UInt8]) -> Int {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "a token of other bytes")
        // Probed in raw memory, the key compared with memcmp: nearly every word is found, so the probe is the cost.
        let (found, slot) = bytes.withUnsafeBufferPointer { bytes in
            keyBytes.withUnsafeBufferPointer { keyBytes in
                keys.withUnsafeBufferPointer { keys in
                    slots.withUnsafeBufferPointer { slots in
                        Self.probe(bytes.baseAddress! + range.lowerBound, count: range.count, slots: slots,
                                   keys: keys, keyBytes: keyBytes)
                    }
                }
            }
        }
        if let found { return found }
        let index = readings.count
        readings.append(read(String(decoding: bytes[range], as: UTF8.self)))
        let start = keyBytes.count
        keyBytes.append(contentsOf: bytes[range])
        keys.append(start..<keyBytes.count)
        slots[slot] = Int32(index + 1)
        // Kept at most half full: an open-addressing probe lengthens fast past that.
        if readings.count * 2 > slots.count { grow() }
        return index
    }

    /// Reads a word as `SentenceWords` does for every token, its term given the term's id.
    private mutating func read(_ text: String) -> Reading {
        let (lowered, classes, term) = Reading.parts(of: text, lexicon: lexicon)
        guard let term else { return Reading(text: text, lowered: lowered, classes: classes, term: nil) }
        if let id = termIDs[term] { return Reading(text: text, lowered: lowered, classes: classes, term: (term, id)) }
        termIDs[term] = terms.count
        terms.append(term)
        counts.append((0, 0, -1))
        return Reading(text: text, lowered: lowered, classes: classes, term: (term, terms.count - 1))
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (index, key) in keys.enumerated() {
            var slot = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[key])) } & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(index + 1)
        }
        slots = larger
    }

    /// The reading of the `count` bytes at `word`, or the empty slot where it goes.
    private static func probe(_ word: UnsafePointer<UInt8>, count: Int, slots: UnsafeBufferPointer<Int32>,
                              keys: UnsafeBufferPointer<Range<Int>>, keyBytes: UnsafeBufferPointer<UInt8>)
        -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = hash(UnsafeBufferPointer(start: word, count: count)) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            let key = keys[index]
            if key.count == count, sameBytes(keyBytes.baseAddress! + key.lowerBound, word, count: count) {
                return (index, slot)
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Whether the `count` bytes at `first` and `second` are the same. A word is a few bytes: compared in a loop
    /// here, where a call to memcmp cost more than the comparison.
    @inline(__always)
    private static func sameBytes(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(first + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(second + offset).loadUnaligned(as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if first[offset] != second[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A hash of the word's bytes, mixed eight bytes at a time: words are short, and a keyed hash (`Hasher`) or
    /// a multiply per byte (FNV) costs more than the probe. The words come from trusted sources being indexed; a
    /// flood of colliding words would only slow the probes down. Not stored: it may change from build to build.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = UInt64(truncatingIfNeeded: word.count) &* 0x9E37_79B9_7F4A_7C15
        var chunk: UInt64 = 0
        var filled = 0
        for byte in word {
            chunk = chunk << 8 | UInt64(byte)
            filled += 1
            if filled == 8 {
                hash = (hash ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
                chunk = 0
                filled = 0
            }
        }
        hash = (hash ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
        // The high bits mix best; fold them into the low ones the mask keeps.
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
