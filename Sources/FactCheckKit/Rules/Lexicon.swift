/// Words that mean the same thing for alignment: "prisoners" and "detainees" count the same people, "freed" and
/// "released" name the same event. Loaded from `Rules/lexicon/*.yml`, editable by a newsroom.
public struct Lexicon: Sendable {
    /// Stemmed word → the stemmed first word of its synonym set.
    private var canonicalForms: [String: String]
    /// Lower-cased words that stand before a name as a title ("president", "gov"): "President Putin" names Putin,
    /// and the title is not part of the name.
    public private(set) var titles: Set<String> = []
    /// Phrases that stand for a name ("the Kremlin leader" for Vladimir Putin), as lower-cased words without
    /// articles, with the name they stand for.
    public private(set) var aliases: [(words: [String], name: String)] = []
    /// Lower-cased word → what the word lists (stop words, titles, the first words of aliases, ...) say of it.
    private(set) var wordClasses = WordClass.builtIn

    /// Canonical terms of the words that name an event ("release", "sentence", "land"): the event nearest a claim
    /// in its clause is what the claim dates, counts or measures.
    public private(set) var events: Set<String> = []

    /// Canonical term of a narrower word → the canonical term of the broader word that covers it ("climber",
    /// "passenger" → "people"), and the reverse, each broader term → the terms it covers.
    private var broaderTerms: [String: String] = [:]
    private var narrowerTerms: [String: [String]] = [:]

    public init(synonymSets: [[String]] = [], titles: [String] = [], aliases: [[String]] = [], events: [String] = [],
                broaderSets: [[String]] = []) {
        canonicalForms = [:]
        for set in synonymSets {
            add(set)
        }
        addTitles(titles)
        addEvents(events)
        for set in broaderSets {
            addBroader(set)
        }
        for set in aliases {
            addAliases(set)
        }
    }

    /// Adds title words ("President", "Gov."); case and a final period do not matter.
    public mutating func addTitles(_ words: [String]) {
        for word in words {
            let title = Self.aliasWords(of: word).joined(separator: " ")
            titles.insert(title)
            wordClasses[title, default: []].insert(.title)
        }
    }

    /// Adds event words; each stands for its synonym set, so add synonyms first ("freed" is the event "release").
    public mutating func addEvents(_ words: [String]) {
        for word in words {
            events.insert(canonical(Terms.stem(word.lowercased())))
        }
    }

    /// Adds a broader word and the narrower words it covers ("people", then "passengers", "climbers"); each stands
    /// for its synonym set, so add synonyms first. A narrower word covered by two broader ones keeps the first.
    public mutating func addBroader(_ words: [String]) {
        let terms = words.map { canonical(Terms.stem($0.lowercased())) }
        guard let broader = terms.first else { return }
        for narrower in terms.dropFirst() where narrower != broader && broaderTerms[narrower] == nil {
            broaderTerms[narrower] = broader
            narrowerTerms[broader, default: []].append(narrower)
        }
    }

    /// The canonical terms one level broader or narrower than `term` ("people" for "climber"; "climber",
    /// "passenger", ... for "people"): a count of the one may restate a count of the other.
    public func relatedTerms(of term: String) -> [String] {
        (broaderTerms[term].map { [$0] } ?? []) + (narrowerTerms[term] ?? [])
    }

    /// Adds a name and the phrases that stand for it: the first entry is the name ("Vladimir Putin"), the rest
    /// its aliases ("the Kremlin leader", "the Russian president").
    public mutating func addAliases(_ set: [String]) {
        guard let name = set.first else { return }
        for alias in set.dropFirst() {
            let words = Self.aliasWords(of: alias)
            if let first = words.first {
                aliases.append((words, name))
                wordClasses[first, default: []].insert(.aliasStart)
            }
        }
        // Longest first, so that "the former Russian president" wins over "the Russian president".
        aliases.sort { $0.words.count > $1.words.count }
    }

    /// The lower-cased words of a phrase without its articles, as they are matched against a sentence's words.
    static func aliasWords(of phrase: String) -> [String] {
        let bytes = Array(phrase.utf8)
        return Terms.tokens(in: bytes, range: 0..<bytes.count).map { $0.text.lowercased() }
            .filter { !["the", "a", "an"].contains($0) }
    }

    /// Adds a synonym set; a word already in another set joins that set's canonical form.
    public mutating func add(_ words: [String]) {
        let stems = words.map { Terms.stem($0.lowercased()) }
        guard let first = stems.first else { return }
        let known = canonicalForms
        let canonical = stems.lazy.compactMap { known[$0] }.first ?? first
        for stem in stems {
            canonicalForms[stem] = canonical
        }
    }

    /// The canonical form of an already stemmed, lower-cased word.
    public func canonical(_ stem: String) -> String {
        canonicalForms[stem] ?? stem
    }

    /// Number of words the lexicon knows.
    public var count: Int { canonicalForms.count }
}
