/// The words of one sentence with what the extractor and a fact base's statistics read from each word: its text
/// lower-cased and its term, and the names the words give. Worked out once per sentence: lower-casing, stemming
/// and finding names, done again for every claim and every use, cost more than the rest of reading a claim.
public struct SentenceWords: Sendable {
    public let tokens: [Terms.Token]
    /// Each token's text, lower-cased.
    public let lowered: [String]
    /// Each token's term (`Terms.term`), nil for stop words and numbers.
    public let terms: [String?]
    /// What the word lists say of each token, and what is worked out from it (`WordClass.of(lowered:term:lexicon:)`).
    let classes: [WordClass]
    /// Each token's term as a number, the same for the same term and -1 for none, when the words were read
    /// through `WordReadings` (its term ids); nil otherwise. Terms are told apart by these without hashing them.
    let termIDs: [Int]?
    /// The names the sentence gives, no word excluded.
    public let names: SentenceNames

    public init(tokens: [Terms.Token], lexicon: Lexicon) {
        let lowered = tokens.map { Terms.lowercased($0.text) }
        let terms = lowered.map { word in
            (lexicon.wordClasses[word] ?? []).contains(.stopWord)
                ? nil : Terms.term(loweredNonStopWord: word, lexicon: lexicon)
        }
        let classes = zip(lowered, terms).map { WordClass.of(lowered: $0, term: $1, lexicon: lexicon) }
        self.init(tokens: tokens, lowered: lowered, classes: classes, terms: terms, termIDs: nil, lexicon: lexicon)
    }

    /// A sentence's tokens, each with the index of its reading in a `WordReadings`: all that a fact base's
    /// statistics need of a sentence. The rest of its words (`SentenceWords.init(_:readings:)`) is read only
    /// where claims or names need it: lower-cased texts, classes, terms and names, made for every sentence and
    /// dropped, cost more than the tokens.
    struct ReadTokens {
        let tokens: [Terms.Token]
        /// The index in `WordReadings.readings` of each token's reading.
        let readingIndexes: [Int]

        /// The tokens of the sentence at `range` of `bytes`, each word read once per worker (`WordReadings`)
        /// rather than once per occurrence, its text too.
        /// - Parameter readings: word readings made with the lexicon the words are to be read with.
        init(range: Range<Int>, of bytes: [UInt8], readings: inout WordReadings) {
            var indexes: [Int] = []
            indexes.reserveCapacity(range.count / 5 + 1)
            tokens = Terms.tokens(in: bytes, range: range) { word in
                let index = readings.index(ofWordAt: word, in: bytes)
                indexes.append(index)
                return readings.readings[index].text
            }
            readingIndexes = indexes
        }

        /// Appends, in token order, the term id (`WordReadings.terms`) of each token that has a term.
        func appendTermIDs(to termIDs: inout [Int], readings: WordReadings) {
            for index in readingIndexes {
                if let term = readings.readings[index].term { termIDs.append(term.id) }
            }
        }

        /// False when the sentence surely gives no full name (`SentenceNames.mayHoldFullName`).
        func mayHoldFullName(readings: WordReadings) -> Bool {
            SentenceNames.mayHoldFullName(tokens: tokens) { readings.readings[readingIndexes[$0]].classes }
        }
    }

    /// The words of a sentence whose tokens have been read (`ReadTokens`), from the same readings.
    init(_ read: ReadTokens, readings: WordReadings) {
        let count = read.tokens.count
        var lowered: [String] = []
        var classes: [WordClass] = []
        var terms: [String?] = []
        var tokenTermIDs: [Int] = []
        lowered.reserveCapacity(count)
        classes.reserveCapacity(count)
        terms.reserveCapacity(count)
        tokenTermIDs.reserveCapacity(count)
        for index in read.readingIndexes {
            let reading = readings.readings[index]
            lowered.append(reading.lowered)
            classes.append(reading.classes)
            terms.append(reading.term?.text)
            tokenTermIDs.append(reading.term?.id ?? -1)
        }
        self.init(tokens: read.tokens, lowered: lowered, classes: classes, terms: terms, termIDs: tokenTermIDs,
                  lexicon: readings.lexicon)
    }

    /// The words of the sentence at `range` of `bytes`, read through `readings` (`ReadTokens`).
    /// - Parameters:
    ///   - readings: word readings made with the same lexicon.
    ///   - termIDs: receives, in token order, the term id (`WordReadings.terms`) of each token that has a term.
    init(range: Range<Int>, of bytes: [UInt8], readings: inout WordReadings, termIDs: inout [Int]) {
        let read = ReadTokens(range: range, of: bytes, readings: &readings)
        read.appendTermIDs(to: &termIDs, readings: readings)
        self.init(read, readings: readings)
    }

    private init(tokens: [Terms.Token], lowered: [String], classes: [WordClass], terms: [String?], termIDs: [Int]?,
                 lexicon: Lexicon) {
        self.tokens = tokens
        self.lowered = lowered
        self.terms = terms
        self.classes = classes
        self.termIDs = termIDs
        names = SentenceNames(tokens: tokens, lowered: lowered, terms: terms, classes: classes, lexicon: lexicon)
    }

    /// The words of the sentence at `range` of `bytes`.
    public init(bytes: [UInt8], range: Range<Int>, lexicon: Lexicon) {
        self.init(tokens: Terms.tokens(in: bytes, range: range), lexicon: lexicon)
    }

    /// A mention's words as context terms, each with the word it was read from: `Mention.terms(lexicon:)`, taken
    /// from the terms already read for a name written in this sentence.
    /// - Parameter mention: one of this sentence's mentions.
    func terms(of mention: SentenceNames.Mention, lexicon: Lexicon) -> [(term: String, word: String)] {
        // An alias's name is not in the sentence; a written name is its tokens' texts, joined by spaces.
        guard !mention.isAlias else { return mention.terms(lexicon: lexicon) }
        return mention.tokens.compactMap { index in terms[index].map { ($0, tokens[index].text) } }
    }
}
