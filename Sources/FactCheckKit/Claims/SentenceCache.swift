/// The sentences of a document as its claims read them (`ClaimSentence`), worked out once per sentence while its
/// claims are extracted, with what the pronouns and surnames of a sentence refer to in the sentence before.
struct SentenceCache {
    /// A word of a sentence that stands for a name given elsewhere: "He" for the person the sentence before named,
    /// "Zenkovich" for "Yuri Zenkovich".
    struct Reference {
        /// Index of the word in the sentence's tokens.
        let token: Int
        let mention: SentenceNames.Mention
        /// A pronoun: the name's words join the claim's context. A surname is there already, so only the full
        /// name's words join the claim's names; adding the first name to the context would make a draft that
        /// says "Lukashenko" align worse with a source that says "Lukashenko" too.
        let isPronoun: Bool
        /// The name's words as context terms, each with the word it was read from (`Mention.terms(lexicon:)`).
        let terms: [(term: String, word: String)]
    }

    /// Words that refer back to a person.
    static let personalPronouns: Set<String> = ["he", "she", "him", "his", "her"]

    /// A sentence's words with its names, the words of values excluded.
    private struct NamedWords {
        let words: SentenceWords
        let names: SentenceNames
        /// Whether each token lies inside a claim's value.
        let isValue: [Bool]
    }

    private let document: Document
    private let lexicon: Lexicon
    /// The byte ranges of the document's claim values, in text order, none overlapping another.
    private let valueSpans: [Range<Int>]
    /// The words of sentences read before, by sentence index (see `init`).
    private let givenWords: [SentenceWords?]
    /// By sentence index, each worked out when first asked for: arrays, as a document's sentences are few and
    /// numbered, where dictionaries hashed every index and copied every entry in and out.
    private var namedWords: [NamedWords?]
    private var sentences: [ClaimSentence?]

    /// - Parameters:
    ///   - valueSpans: the byte ranges of the document's claim values, in text order and none overlapping another;
    ///     they are never names.
    ///   - words: the words of sentences the caller has read already (a fact base reads sentences for its
    ///     statistics), by sentence index; the others (nil, or past the end) are read when a claim needs them.
    init(document: Document, lexicon: Lexicon, valueSpans: [Range<Int>], words: [SentenceWords?] = []) {
        self.document = document
        self.lexicon = lexicon
        self.valueSpans = valueSpans
        self.givenWords = words
        namedWords = Array(repeating: nil, count: document.sentences.count)
        sentences = Array(repeating: nil, count: document.sentences.count)
    }

    /// The sentence at `index` as its claims read it.
    mutating func sentence(_ index: Int) -> ClaimSentence {
        if let cached = sentences[index] { return cached }
        let named = namedWords(of: index)
        let references = findReferences(in: index)
        let sentence = ClaimSentence(words: named.words, names: named.names, isValue: named.isValue,
                                     references: references, lexicon: lexicon)
        sentences[index] = sentence
        return sentence
    }

    private mutating func namedWords(of sentence: Int) -> NamedWords {
        if let cached = namedWords[sentence] { return cached }
        let words = (sentence < givenWords.count ? givenWords[sentence] : nil)
            ?? SentenceWords(bytes: document.readable, range: document.sentences[sentence].range, lexicon: lexicon)
        let isValue = valueTokens(of: words.tokens, in: document.sentences[sentence].range)
        // Leaving out the words of values changes the names only where such a word could start or continue one.
        let excludesAName = words.tokens.indices.contains {
            isValue[$0] && words.tokens[$0].isCapitalized && !words.tokens[$0].hasDigit
        }
        let names = excludesAName
            ? SentenceNames(tokens: words.tokens, lowered: words.lowered, terms: words.terms, classes: words.classes,
                            lexicon: lexicon) { isValue[$0] }
            : words.names
        let named = NamedWords(words: words, names: names, isValue: isValue)
        namedWords[sentence] = named
        return named
    }

    /// Whether each token overlaps a claim's value. Only the values that overlap the sentence can overlap its
    /// tokens; with the spans in text order and apart, those are found by a binary search.
    private func valueTokens(of tokens: [Terms.Token], in sentence: Range<Int>) -> [Bool] {
        var low = 0, high = valueSpans.count
        while low < high {
            let middle = (low + high) / 2
            if valueSpans[middle].upperBound <= sentence.lowerBound { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < valueSpans.count, valueSpans[end].lowerBound < sentence.upperBound { end += 1 }
        // Tokens and spans both run in text order: one walk over the two, not every span for every token.
        var result = [Bool](repeating: false, count: tokens.count)
        var next = low
        for (index, token) in tokens.enumerated() {
            while next < end, valueSpans[next].upperBound <= token.range.lowerBound { next += 1 }
            var span = next
            while span < end, valueSpans[span].lowerBound < token.range.upperBound {
                if valueSpans[span].overlaps(token.range) {
                    result[index] = true
                    break
                }
                span += 1
            }
        }
        return result
    }

    /// The pronouns and surnames of a sentence that refer to a full name of the sentence before (or, for a
    /// surname, of the same sentence). A pronoun refers to the first person the sentence before names, its
    /// subject as often as not, and only when the sentence has named no one before the pronoun.
    private mutating func findReferences(in sentence: Int) -> [Reference] {
        let current = namedWords(of: sentence)
        let hasShortName = current.names.mentions.contains { !$0.isFullName }
        let hasPronoun = current.words.classes.contains { $0.contains(.personalPronoun) }
        // Nothing here can refer back: the sentences' full names need not be read.
        guard hasShortName || hasPronoun else { return [] }
        // The sentence before is read first, then its names: `fullNames(in: namedWords(of:))` held a copy of the
        // cache while the inner call wrote to it, and every sentence copied the whole document's cache (a draft's
        // time grew with the square of its length: issue 24).
        let before = sentence > 0 ? namedWords(of: sentence - 1) : nil
        let previous = before.map { self.fullNames(in: $0) } ?? []
        let fullNames = previous + fullNames(in: current)
        var references: [Reference] = []
        // Without a full name to belong to (most sentences), no word of a name needs lower-casing.
        for mention in current.names.mentions where !mention.isFullName && !fullNames.isEmpty {
            let word = mention.name.lowercased()
            if let full = fullNames.first(where: { $0.mention.surname == word }) {
                references.append(Reference(token: mention.tokens.lowerBound, mention: full.mention, isPronoun: false,
                                            terms: full.terms))
            }
        }
        guard let antecedent = previous.first else { return references }
        for (index, wordClass) in current.words.classes.enumerated() where wordClass.contains(.personalPronoun) {
            if current.names.mentions.contains(where: { $0.isFullName && $0.tokens.lowerBound < index }) { break }
            references.append(Reference(token: index, mention: antecedent.mention, isPronoun: true,
                                        terms: antecedent.terms))
        }
        return references
    }

    /// The full names a sentence gives, each with its terms, read from that sentence's words.
    private func fullNames(in named: NamedWords)
        -> [(mention: SentenceNames.Mention, terms: [(term: String, word: String)])] {
        named.names.mentions.filter(\.isFullName).map { ($0, named.words.terms(of: $0, lexicon: lexicon)) }
    }
}
