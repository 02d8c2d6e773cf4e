/// Words that mean the same thing for alignment: "prisoners" and "detainees" count the same people, "freed" and
/// "released" name the same event. Loaded from `Rules/lexicon/*.yml`, editable by a newsroom.
public struct Lexicon: Sendable {
    /// Stemmed word → the stemmed first word of its synonym set.
    private var canonicalForms: [String: String]

    public init(synonymSets: [[String]] = []) {
        canonicalForms = [:]
        for set in synonymSets {
            add(set)
        }
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
