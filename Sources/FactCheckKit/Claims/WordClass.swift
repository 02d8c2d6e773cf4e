/// What the extractor's word lists say about a lower-cased word: a stop word, a title, a pronoun, a cue of a
/// clause's assertion, ... Every word of every sentence is checked against most of these lists; with the lists
/// merged into one table (`Lexicon.wordClasses`), a word is looked up once instead of once per list.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16

    /// `Terms.stopWords`.
    static let stopWord = WordClass(rawValue: 1 << 0)
    /// `Assertion.hypotheticalCues`.
    static let hypotheticalCue = WordClass(rawValue: 1 << 1)
    /// `Assertion.negationCues`.
    static let negationCue = WordClass(rawValue: 1 << 2)
    /// `SentenceCache.personalPronouns`.
    static let personalPronoun = WordClass(rawValue: 1 << 3)
    /// `ClaimSentence.clauseConjunctions`.
    static let clauseConjunction = WordClass(rawValue: 1 << 4)
    /// `Lexicon.titles`.
    static let title = WordClass(rawValue: 1 << 5)
    /// The first word of one of `Lexicon.aliases`.
    static let aliasStart = WordClass(rawValue: 1 << 6)

    // Not from a list: worked out from the word once, where it is read (`of(lowered:term:lexicon:)`), rather
    // than for every claim of every sentence it is in.

    /// A contraction with "n't" ("didn't"): a denial (`Assertion.cues(of:)`).
    static let contractedNegation = WordClass(rawValue: 1 << 7)
    /// A word whose term names an event (`Lexicon.events`).
    static let event = WordClass(rawValue: 1 << 8)

    /// Everything a lower-cased word's classes say: the word lists' (`Lexicon.wordClasses`) and those worked out
    /// from the word.
    /// - Parameter term: the word's term (`Terms.term`), nil for none.
    static func of(lowered: String, term: String?, lexicon: Lexicon) -> WordClass {
        var classes = lexicon.wordClasses[lowered] ?? []
        // The bytes first: only a word whose bytes end so can end with those Characters, and comparing
        // Characters costs more.
        if lowered.utf8.reversed().starts(with: "t'n".utf8), lowered.hasSuffix("n't") {
            classes.insert(.contractedNegation)
        }
        if let term, lexicon.events.contains(term) { classes.insert(.event) }
        return classes
    }

    /// The classes that come with the code rather than the lexicon.
    static let builtIn: [String: WordClass] = {
        // Sparse, so that looking up a word in none of the lists, as most are, probes few buckets.
        var classes = [String: WordClass](minimumCapacity: 1024)
        for (words, wordClass) in [(Terms.stopWords, WordClass.stopWord), (Assertion.hypotheticalCues, .hypotheticalCue),
                                   (Assertion.negationCues, .negationCue),
                                   (SentenceCache.personalPronouns, .personalPronoun),
                                   (ClaimSentence.clauseConjunctions, .clauseConjunction)] {
            for word in words { classes[word, default: []].insert(wordClass) }
        }
        return classes
    }()
}
