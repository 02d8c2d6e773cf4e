/// The words of one sentence with what the extractor and a fact base's statistics read from each word: its text
/// lower-cased and its term, and the names the words give. Worked out once per sentence: lower-casing, stemming
/// and finding names, done again for every claim and every use, cost more than the rest of reading a claim.
public struct SentenceWords: Sendable {
    public let tokens: [Terms.Token]
    /// What is read from each token's word.
    let readings: TokenReadings
    /// The names the sentence gives, no word excluded.
    public let names: SentenceNames

    /// Each token's text, lower-cased.
    var lowered: TokenReadings.Column<TokenReadings.LoweredText> { readings.lowered }
    /// Each token's term (`Terms.term`), nil for stop words and numbers.
    var terms: TokenReadings.Column<TokenReadings.Term> { readings.terms }
    /// What the word lists say of each token, and what is worked out from it (`WordClass.of(lowered:term:lexicon:)`).
    var classes: TokenReadings.Column<TokenReadings.Classes> { readings.classes }
    /// Each token's term as a number, the same for the same term and -1 for none, when the words were read
    /// through `WordReadings` (its term ids); nil otherwise. Terms are told apart by these without hashing them.
    var termIDs: TokenReadings.Column<TokenReadings.TermID>? { readings.hasTermIDs ? readings.termIDs : nil }

    public init(tokens: [Terms.Token], lexicon: Lexicon) {
        self.init(tokens: tokens, readings: TokenReadings(tokens: tokens, lexicon: lexicon), lexicon: lexicon)
    }

    /// A sentence's tokens, each with the index of its reading in a `WordReadings`: all that a fact base's
    /// statistics need of a sentence. Its words (`SentenceWords.init(_:readings:)`) are made only where claims or
    /// names need them: finding a sentence's names costs more than reading its tokens.
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
        /// - Parameter table: the readings' table (`WordReadings.readings`).
        func appendTermIDs(to termIDs: inout [Int], from table: [WordReadings.Reading]) {
            for index in readingIndexes {
                if let term = table[index].term { termIDs.append(term.id) }
            }
        }

        /// False when the sentence surely gives no full name (`SentenceNames.mayHoldFullName`).
        /// - Parameter table: the readings' table (`WordReadings.readings`).
        func mayHoldFullName(in table: [WordReadings.Reading]) -> Bool {
            SentenceNames.mayHoldFullName(tokens: tokens) { table[readingIndexes[$0]].classes }
        }
    }

    /// The words of a sentence whose tokens have been read (`ReadTokens`) through `readings`. They share its table
    /// of readings (`TokenReadings`), which a word read later copies: best made once every word of the document
    /// has been read.
    init(_ read: ReadTokens, readings: WordReadings) {
        self.init(tokens: read.tokens, readings: TokenReadings(table: readings.readings, indexes: read.readingIndexes),
                  lexicon: readings.lexicon)
    }

    private init(tokens: [Terms.Token], readings: TokenReadings, lexicon: Lexicon) {
        self.tokens = tokens
        self.readings = readings
        names = SentenceNames(tokens: tokens, lowered: readings.lowered, terms: readings.terms,
                              classes: readings.classes, lexicon: lexicon)
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

    /// Appends the terms of `terms(of:lexicon:)`, without their words and without an array of their own: a fact
    /// base's statistics and each claim sentence gather the name terms of their full names.
    func appendTerms(of mention: SentenceNames.Mention, lexicon: Lexicon, to list: inout [String]) {
        guard !mention.isAlias else {
            for (term, _) in mention.terms(lexicon: lexicon) { list.append(term) }
            return
        }
        for index in mention.tokens {
            if let term = terms[index] { list.append(term) }
        }
    }
}
