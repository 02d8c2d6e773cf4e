/// The words and names of a document's sentences, computed once per sentence while its claims are extracted, and
/// what the pronouns and surnames of a sentence refer to in the sentence before.
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
    }

    /// Words that refer back to a person.
    static let personalPronouns: Set<String> = ["he", "she", "him", "his", "her"]

    private let document: Document
    private let lexicon: Lexicon
    private let valueSpans: [Range<Int>]
    private let givenTokens: [[Terms.Token]]?
    private var cache: [Int: (tokens: [Terms.Token], names: SentenceNames)] = [:]
    /// Every claim of a sentence asks for its references; they are worked out once per sentence.
    private var referenceCache: [Int: [Reference]] = [:]

    /// - Parameters:
    ///   - valueSpans: the byte ranges of the document's claim values, which are never names.
    ///   - tokens: the words of every sentence, when the caller has them already (a fact base tokenizes every
    ///     sentence for its statistics).
    init(document: Document, lexicon: Lexicon, valueSpans: [Range<Int>], tokens: [[Terms.Token]]? = nil) {
        self.document = document
        self.lexicon = lexicon
        self.valueSpans = valueSpans
        self.givenTokens = tokens
    }

    mutating func tokensAndNames(of sentence: Int) -> (tokens: [Terms.Token], names: SentenceNames) {
        if let cached = cache[sentence] { return cached }
        let tokens = givenTokens?[sentence] ?? Terms.tokens(in: document.readable, range: document.sentences[sentence].range)
        let names = SentenceNames(tokens: tokens, lexicon: lexicon) { index in
            valueSpans.contains { $0.overlaps(tokens[index].range) }
        }
        cache[sentence] = (tokens, names)
        return (tokens, names)
    }

    /// The pronouns and surnames of a sentence that refer to a full name of the sentence before (or, for a
    /// surname, of the same sentence). A pronoun refers to the first person the sentence before names, its
    /// subject as often as not, and only when the sentence has named no one before the pronoun.
    mutating func references(in sentence: Int) -> [Reference] {
        if let cached = referenceCache[sentence] { return cached }
        let found = findReferences(in: sentence)
        referenceCache[sentence] = found
        return found
    }

    private mutating func findReferences(in sentence: Int) -> [Reference] {
        let (tokens, names) = tokensAndNames(of: sentence)
        let previous = sentence > 0 ? tokensAndNames(of: sentence - 1).names.mentions.filter(\.isFullName) : []
        let fullNames = previous + names.mentions.filter(\.isFullName)
        var references: [Reference] = []
        for mention in names.mentions where !mention.isFullName {
            let word = mention.name.lowercased()
            if let full = fullNames.first(where: { $0.surname == word }) {
                references.append(Reference(token: mention.tokens.lowerBound, mention: full, isPronoun: false))
            }
        }
        guard let antecedent = previous.first else { return references }
        for (index, token) in tokens.enumerated() where Self.personalPronouns.contains(token.text.lowercased()) {
            if names.mentions.contains(where: { $0.isFullName && $0.tokens.lowerBound < index }) { break }
            references.append(Reference(token: index, mention: antecedent, isPronoun: true))
        }
        return references
    }
}
