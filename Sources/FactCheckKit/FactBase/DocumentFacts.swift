/// What one trusted document contributes to a fact base: its claims (with the passages evidence shows), the
/// sentence frequency of its terms, and the names it uses. Computed once per document, in parallel when a store
/// is built; each sentence's words are read once for both the claims and the statistics.
public struct DocumentFacts: Sendable {
    public let claims: [Claim]
    /// The passage of each claim, as evidence shows it (same order as `claims`); empty unless asked for.
    public let passages: [Passage]
    public let sentenceCount: Int
    /// Each term with the number of the document's sentences it occurs in, in the order the document first uses
    /// them: the same order every time, so that a store gives new terms the same ids on every build.
    public let termSentenceCounts: [(term: String, sentences: Int)]
    /// The id of each of `termSentenceCounts`' terms in the worker's `WordReadings`, and that vocabulary's number
    /// (`WordReadings.vocabulary`): a store's writer finds a term's row id by these, in an array, rather than by
    /// hashing the term.
    let termIDs: (vocabulary: Int, ids: [Int])
    /// The words of the full names the document gives ("yuri", "zenkovich").
    public let nameTerms: Set<String>
    /// The capitalized names around its claims ("Yuri Zenkovich"), for the gazetteer.
    public let entities: [String]

    /// Extracts a document's facts and statistics.
    /// - Parameter withPassages: also locate each claim's passage (a store keeps them; memory locates on demand).
    /// - Throws: `ExtractionError` when a rule fails on the document.
    public init(document: Document, extractor: ClaimExtractor, withPassages: Bool = false) throws(ExtractionError) {
        self.init(document: document, patternMatches: try extractor.patternMatches(in: [document])[0].get(),
                  extractor: extractor, withPassages: withPassages)
    }

    /// Extracts a document's facts and statistics from what the rule patterns matched in it
    /// (`ClaimExtractor.patternMatches(in:)`, which a fact base runs over a batch of documents at once).
    init(document: Document, patternMatches: ClaimExtractor.PatternMatches, extractor: ClaimExtractor,
         withPassages: Bool) {
        let lexicon = extractor.ruleSet.lexicon
        let matches = extractor.valueMatches(in: document, from: patternMatches)
        // The sentences claims are read from, and the sentence before each (whose names a pronoun may refer to):
        // their words are read in full here, with the statistics. Of the others, only the tokens and their terms,
        // and the names of those that may give a full name.
        var needsWords = [Bool](repeating: false, count: document.sentences.count)
        for index in matches.sentenceIndexes {
            needsWords[index] = true
            if index > 0 { needsWords[index - 1] = true }
        }
        var sentenceWords = [SentenceWords?](repeating: nil, count: document.sentences.count)
        // Each distinct word is read once per worker (`WordReadings`, kept across documents), and its term
        // counted by id: a known word costs no String-keyed lookup at all.
        var readings = extractor.wordReadings.borrow()
        defer { extractor.wordReadings.giveBack(readings) }
        readings.startDocument()
        // Room for the terms of most sentences, so that the list is not regrown sentence after sentence.
        var sentenceTermIDs: [Int] = []
        sentenceTermIDs.reserveCapacity(64)
        let reads = document.sentences.enumerated().map { index, sentence in
            let read = SentenceWords.ReadTokens(range: sentence.range, of: document.readable, readings: &readings)
            sentenceTermIDs.removeAll(keepingCapacity: true)
            read.appendTermIDs(to: &sentenceTermIDs, from: readings.readings)
            for id in sentenceTermIDs { readings.count(term: id, inSentence: index) }
            return read
        }
        // Every word of the document read: the sentences' words can share the readings' table (`TokenReadings`).
        // Gathered in an array, then made a set of its size (a set grown term by term is made again at each
        // doubling).
        var nameTerms: [String] = []
        let table = readings.readings
        for (index, read) in reads.enumerated() where needsWords[index] || read.mayHoldFullName(in: table) {
            let words = SentenceWords(read, readings: readings)
            if needsWords[index] { sentenceWords[index] = words }
            for mention in words.names.mentions where mention.isFullName {
                words.appendTerms(of: mention, lexicon: lexicon, to: &nameTerms)
            }
        }
        // A fact's claim is aligned with, never explained: the words its context terms were read from are not kept.
        let claims = extractor.claims(in: document, from: matches, sentenceWords: sentenceWords, keepingWords: false)
        self.claims = claims
        // Claims come in text order: those of one sentence, one after another, share its text.
        var sentence: (index: Int, text: String)?
        passages = withPassages ? claims.map { claim in
            let range = document.sentences[claim.sentenceIndex].range
            // A long sentence is quoted by an excerpt around each claim (`Checker.sentenceExcerptBytes`).
            guard range.count <= Checker.sentenceExcerptBytes else { return Checker.passage(of: claim, in: document) }
            if sentence?.index != claim.sentenceIndex {
                sentence = (claim.sentenceIndex, document.readableText(of: range))
            }
            return Checker.passage(of: claim, in: document, sentence: sentence!.text)
        } : []
        sentenceCount = document.sentences.count
        termSentenceCounts = readings.documentTerms.map { (readings.terms[$0], readings.sentenceCount(ofTerm: $0)) }
        termIDs = (readings.vocabulary, readings.documentTerms)
        self.nameTerms = Set(nameTerms)
        entities = claims.flatMap(\.entities)
    }
}
