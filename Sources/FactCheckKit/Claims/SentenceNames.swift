/// The names a sentence uses: runs of capitalized words with any title set apart ("Belarusian President Alexander
/// Lukashenko" names Alexander Lukashenko), and phrases the lexicon says stand for a name ("the Kremlin leader").
public struct SentenceNames: Sendable {
    /// One name in the sentence.
    public struct Mention: Sendable, Equatable {
        /// The name as written without its title, or the name an alias stands for.
        public let name: String
        /// Indexes of the words that name it, in the sentence's tokens.
        public let tokens: Range<Int>
        /// Named with a title or through an alias: surely a person or an office holder.
        public let titled: Bool
        /// Found through an alias: the name's words are not in the sentence.
        public let isAlias: Bool

        public init(name: String, tokens: Range<Int>, titled: Bool, isAlias: Bool = false) {
            self.name = name
            self.tokens = tokens
            self.titled = titled
            self.isAlias = isAlias
        }

        /// The name's words as context terms ("alexander", "lukashenko"), each with the word it was read from.
        public func terms(lexicon: Lexicon) -> [(term: String, word: String)] {
            name.split(separator: " ").compactMap { word in
                Terms.term(String(word), lexicon: lexicon).map { ($0, String(word)) }
            }
        }

        /// The last word, by which a later sentence may refer to the whole name ("Zenkovich").
        public var surname: String? {
            let words = name.split(separator: " ")
            return words.count > 1 ? words.last.map { $0.lowercased() } : nil
        }

        /// A name that says who is meant: two or more words of two letters or more, or one word with a title.
        /// A single capitalized word is too often an adjective ("Belarusian") or a sentence's first word.
        public var isFullName: Bool {
            let words = name.split(separator: " ")
            return (words.count >= 2 || titled) && words.allSatisfy { $0.count >= 2 }
        }
    }

    public let mentions: [Mention]

    /// The names as written (title removed), in order.
    public var entities: [String] { mentions.map(\.name) }

    /// Finds the names among a sentence's tokens.
    /// - Parameter isExcluded: tokens that are not names whatever their case (the words of a value).
    public init(tokens: [Terms.Token], lexicon: Lexicon, excluding isExcluded: (Int) -> Bool = { _ in false }) {
        var mentions: [Mention] = []
        var consumed = Set<Int>()
        let lowered = tokens.map { $0.text.lowercased() }
        for start in tokens.indices where !consumed.contains(start) {
            guard let alias = lexicon.aliases.first(where: { alias in
                start + alias.words.count <= tokens.count
                    && lowered[start..<(start + alias.words.count)].elementsEqual(alias.words)
            }) else { continue }
            let range = start..<(start + alias.words.count)
            mentions.append(Mention(name: alias.name, tokens: range, titled: true, isAlias: true))
            consumed.formUnion(range)
        }
        var run: [Int] = []
        func closeRun() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            // The words after the last title are the name: "U.S. President Donald Trump" names Donald Trump.
            let lastTitle = run.lastIndex { lexicon.titles.contains(lowered[$0]) }
            let nameStart = lastTitle.map { $0 + 1 } ?? 0
            let titleBefore = run[0] > 0 && lexicon.titles.contains(lowered[run[0] - 1])
            guard nameStart < run.count else { return }
            let words = run[nameStart...].map { tokens[$0].text }
            mentions.append(Mention(name: words.joined(separator: " "), tokens: run[nameStart]..<(run.last! + 1),
                                    titled: lastTitle != nil || titleBefore))
        }
        for (index, token) in tokens.enumerated() {
            if !consumed.contains(index), token.isCapitalized, !token.hasDigit, !isExcluded(index),
               Terms.term(token.text, lexicon: lexicon) != nil || lexicon.titles.contains(lowered[index]) {
                run.append(index)
            } else {
                closeRun()
            }
        }
        closeRun()
        // An alias right before a name is that name's title: "the Belarusian president, Alexander Lukashenko".
        let named = Set(mentions.filter { !$0.isAlias }.map(\.tokens.lowerBound))
        self.mentions = mentions.filter { !$0.isAlias || !named.contains($0.tokens.upperBound) }
            .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The words of the full names as context terms.
    public func nameTerms(lexicon: Lexicon) -> Set<String> {
        Set(mentions.filter(\.isFullName).flatMap { $0.terms(lexicon: lexicon).map(\.term) })
    }
}
