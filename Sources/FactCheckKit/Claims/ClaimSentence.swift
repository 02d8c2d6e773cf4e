/// A sentence as its claims read it: its words, which of them belong to claim values, its clauses, its context
/// terms, and the names it gives or refers to. Everything here is the same for every claim of the sentence, so it
/// is worked out once (`SentenceCache`); only what depends on the claim's place is left to `ClaimExtractor`.
/// A class: each claim of the sentence takes it, and a struct of a dozen arrays and tables was copied (each of
/// them retained, then released) for every claim.
final class ClaimSentence {
    /// A word that stands for a name (a pronoun, an alias), with the name's terms: they join a claim's context
    /// weighted by the word's place.
    struct StandIn {
        /// Index of the word in the sentence's tokens.
        let token: Int
        /// The name's terms, as indexes into `contextTerms`, each with the word it was read from.
        let terms: [(term: Int, word: String)]
    }

    let words: SentenceWords
    /// The sentence's names, the words of claim values excluded.
    let names: SentenceNames
    /// Whether each token lies inside a claim's value (any claim's: those words are what a draft may have changed,
    /// so they are never context).
    let isValue: [Bool]
    /// For each token, how many clause boundaries precede it (see `clauseIndexes`).
    let clauses: [Int]
    /// The distinct terms every claim of the sentence has in its context (with weights of its own): those of the
    /// words outside values, and those its stand-ins bring. A claim's weights are kept by index into this list,
    /// so that a term is hashed once per claim rather than once per word.
    let contextTerms: [String]
    /// For each token that is context (outside values, no digit, not a stop word), the index of its term in
    /// `contextTerms`; nil for the others.
    let contextTermIndexes: [Int?]
    /// Each of `contextTerms` → its index there. A claim's context gives every one of them a weight, so its
    /// dictionaries are this one with the values mapped (`Dictionary.mapValues` keeps the hash table as it is):
    /// no term is hashed again for each claim.
    let contextTermIndex: [String: Int]
    /// The pronouns and aliases of the sentence, in the order their terms join a claim's context.
    let standIns: [StandIn]
    /// The words of `standIns`' terms, one after another (a claim names the word it chose by its place here).
    let standInWords: [String]
    /// The words of the full names the sentence gives, and of the names its pronouns, surnames and aliases stand
    /// for, as context terms.
    let nameTerms: Set<String>
    /// Those of `nameTerms` that surely name people: given with a title or through an alias.
    let people: Set<String>
    /// Each token's term when it names an event (`Lexicon.events`), else nil.
    let eventTerms: [String?]
    /// What each token says about the assertion of its clause.
    let assertionCues: [Assertion.Cue]

    /// Conjunctions that start a clause.
    static let clauseConjunctions: Set<String> = ["and", "but", "while", "whereas"]

    /// Longest opening phrase, in words, read as introducing the clause after its comma.
    static let introductoryPhraseLength = 4

    /// - Parameter references: the sentence's pronouns and surnames that stand for a full name (`SentenceCache`).
    init(words: SentenceWords, names: SentenceNames, isValue: [Bool], references: [SentenceCache.Reference],
         lexicon: Lexicon) {
        self.words = words
        self.names = names
        self.isValue = isValue
        clauses = Self.clauseIndexes(of: words)
        var contextTerms = ContextTerms(capacity: words.tokens.count, byID: words.termIDs != nil)
        contextTermIndexes = words.tokens.indices.map { token in
            guard !isValue[token], !words.tokens[token].hasDigit, let term = words.terms[token] else { return nil }
            return contextTerms.index(of: term, id: words.termIDs?[token] ?? -1)
        }
        // Gathered in arrays, then made sets of their size: a set grown term by term was made again at each
        // doubling, every term hashed anew.
        var nameTerms: [String] = []
        var people: [String] = []
        for mention in names.mentions where mention.isFullName {
            let first = nameTerms.count
            words.appendTerms(of: mention, lexicon: lexicon, to: &nameTerms)
            if mention.titled { people.append(contentsOf: nameTerms[first...]) }
        }
        // What an alias, a pronoun or a surname stands for counts where it stands: "the Kremlin leader" is Putin,
        // "He" the person the sentence before named.
        let aliases = names.mentions.filter(\.isAlias).map {
            SentenceCache.Reference(token: $0.tokens.lowerBound, mention: $0, isPronoun: true,
                                    terms: words.terms(of: $0, lexicon: lexicon))
        }
        var standIns: [StandIn] = []
        var standInWords: [String] = []
        for reference in references + aliases {
            for (term, _) in reference.terms {
                nameTerms.append(term)
                if reference.mention.titled { people.append(term) }
            }
            if reference.isPronoun {
                standIns.append(StandIn(token: reference.token,
                                        terms: reference.terms.map { (contextTerms.index(of: $0.term), $0.word) }))
                standInWords += reference.terms.map(\.word)
            }
        }
        self.standInWords = standInWords
        self.contextTerms = contextTerms.terms
        // Sized as a claim's context dictionaries used to be, for the terms alone (the builder's has room for
        // every token), so that claims kept in memory take no more room.
        var contextTermIndex = [String: Int](minimumCapacity: contextTerms.terms.count)
        for (index, term) in contextTerms.terms.enumerated() { contextTermIndex[term] = index }
        self.contextTermIndex = contextTermIndex
        self.standIns = standIns
        self.nameTerms = Set(nameTerms)
        self.people = Set(people)
        eventTerms = zip(words.terms, words.classes).map { term, wordClass in wordClass.contains(.event) ? term : nil }
        assertionCues = Assertion.cues(of: words)
    }

    /// Distinct terms in the order first met, each with its index. Terms of words read through `WordReadings`
    /// are told apart by their ids, among the sentence's few terms, without hashing them; the others by a table.
    private struct ContextTerms {
        private(set) var terms: [String] = []
        /// The id of each of `terms` (-1 for a term given without one), when terms are told apart by id.
        private var ids: [Int] = []
        private var indexes: [String: Int]
        /// Id → index in `terms`, once there are more than `linearSearchLimit` terms; empty before.
        private var idIndexes: [Int: Int] = [:]
        private let byID: Bool

        /// Past this many terms, ids are found through `idIndexes` rather than by a scan of `ids`.
        static let linearSearchLimit = 48

        init(capacity: Int, byID: Bool) {
            self.byID = byID
            terms.reserveCapacity(capacity)
            if byID { ids.reserveCapacity(capacity) }
            indexes = byID ? [:] : Dictionary(minimumCapacity: capacity)
        }

        /// The index of `term`, added when new.
        /// - Parameter id: the term's id (`SentenceWords.termIDs`), -1 for a term that has none (a stand-in's).
        mutating func index(of term: String, id: Int = -1) -> Int {
            guard byID else {
                if let known = indexes[term] { return known }
                indexes[term] = terms.count
                terms.append(term)
                return terms.count - 1
            }
            // Equal ids are equal terms, and different ids different terms (`WordReadings`); a term without an id
            // (rare: a name a pronoun stands for) is compared as a String, as the table would compare it.
            if id >= 0, let known = idIndexes.isEmpty ? ids.firstIndex(of: id) : idIndexes[id] { return known }
            if id < 0, let known = terms.firstIndex(of: term) { return known }
            if id >= 0, let known = terms.indices.first(where: { ids[$0] < 0 && terms[$0] == term }) {
                ids[known] = id
                if !idIndexes.isEmpty { idIndexes[id] = known }
                return known
            }
            terms.append(term)
            ids.append(id)
            if !idIndexes.isEmpty {
                if id >= 0 { idIndexes[id] = terms.count - 1 }
            } else if terms.count > Self.linearSearchLimit {
                // A long run-on "sentence" (a list, text without stops): a table, so that the search stays short.
                for (index, known) in ids.enumerated() where known >= 0 { idIndexes[known] = index }
            }
            return terms.count - 1
        }
    }

    /// For each token, how many clause boundaries precede it in the sentence: punctuation marks (see
    /// `Terms.Token.precedingMark`) and `clauseConjunctions`.
    private static func clauseIndexes(of words: SentenceWords) -> [Int] {
        let tokens = words.tokens
        var indexes: [Int] = []
        indexes.reserveCapacity(tokens.count)
        var clause = 0
        for (index, token) in tokens.enumerated() {
            if index > 0, token.precedingMark != nil { clause += 1 }
            if words.classes[index].contains(.clauseConjunction) { clause += 1 }
            indexes.append(clause)
        }
        // A short introductory phrase belongs to the clause it introduces: in "In January, another American was
        // released", January dates the release.
        if let firstBreak = tokens.indices.dropFirst().first(where: { indexes[$0] > 0 }),
           firstBreak <= introductoryPhraseLength, tokens[firstBreak].precedingMark == UInt8(ascii: ",") {
            for index in 0..<firstBreak { indexes[index] = indexes[firstBreak] }
        }
        return indexes
    }
}
