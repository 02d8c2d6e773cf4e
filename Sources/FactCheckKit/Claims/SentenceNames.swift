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

        /// The last word, by which a later sentence may refer to the whole name ("Zenkovich").
        public let surname: String?
        /// A name that says who is meant: two or more words of two letters or more, or one word with a title.
        /// A single capitalized word is too often an adjective ("Belarusian") or a sentence's first word.
        public let isFullName: Bool

        public init(name: String, tokens: Range<Int>, titled: Bool, isAlias: Bool = false) {
            self.name = name
            self.tokens = tokens
            self.titled = titled
            self.isAlias = isAlias
            // Worked out here, once: every claim of a sentence and of the sentence after asks.
            let (wordCount, everyWordLong, lastWord) = Self.words(of: name)
            surname = wordCount > 1 ? lastWord.lowercased() : nil
            isFullName = (wordCount >= 2 || titled) && everyWordLong
        }

        /// The number of words of a name (as split at spaces), whether each has two letters or more, and the last.
        private static func words(of name: String) -> (count: Int, everyWordLong: Bool, last: Substring) {
            // A name of ASCII characters, nearly every one, is split on its bytes: a byte is a Character there
            // (but for a carriage return, which with a line feed makes one), and splitting by Character costs
            // more than the rest of finding a sentence's names.
            var count = 0
            var everyWordLong = true
            var lastStart = 0
            var lastEnd = 0
            var wordLength = 0
            var isPlain = true
            // Walked as a buffer of bytes: the UTF-8 view's iterator and index steps cost about 1,000
            // instructions a name (callgrind), more than the rest of reading it.
            var copy = name
            copy.withUTF8 { bytes in
                for (offset, byte) in bytes.enumerated() {
                    if byte >= 0x80 || byte == 0x0D {
                        isPlain = false
                        return
                    }
                    if byte == UInt8(ascii: " ") {
                        if wordLength == 1 { everyWordLong = false }
                        wordLength = 0
                    } else {
                        if wordLength == 0 {
                            count += 1
                            lastStart = offset
                        }
                        wordLength += 1
                        lastEnd = offset + 1
                    }
                }
            }
            guard isPlain else {
                let words = name.split(separator: " ")
                return (words.count, words.allSatisfy { $0.count >= 2 }, words.last ?? "")
            }
            if wordLength == 1 { everyWordLong = false }
            let utf8 = name.utf8
            let last = utf8.index(utf8.startIndex, offsetBy: lastStart)..<utf8.index(utf8.startIndex, offsetBy: lastEnd)
            return (count, everyWordLong, name[last])
        }

        /// The name's words as context terms ("alexander", "lukashenko"), each with the word it was read from.
        public func terms(lexicon: Lexicon) -> [(term: String, word: String)] {
            name.split(separator: " ").compactMap { word in
                Terms.term(String(word), lexicon: lexicon).map { ($0, String(word)) }
            }
        }
    }

    public let mentions: [Mention]

    /// The names as written (title removed), in order.
    public var entities: [String] { mentions.map(\.name) }

    /// Finds the names among a sentence's tokens.
    /// - Parameter isExcluded: tokens that are not names whatever their case (the words of a value).
    public init(tokens: [Terms.Token], lexicon: Lexicon, excluding isExcluded: (Int) -> Bool = { _ in false }) {
        let lowered = tokens.map { Terms.lowercased($0.text) }
        self.init(tokens: tokens, lowered: lowered, terms: lowered.map { Terms.term(lowered: $0, lexicon: lexicon) },
                  classes: lowered.map { lexicon.wordClasses[$0] ?? [] }, lexicon: lexicon, excluding: isExcluded)
    }

    /// Finds the names among a sentence's tokens, given each token's lower-cased text, term and word classes
    /// (`SentenceWords`).
    init<Lowered: RandomAccessCollection<String>, TokenTerms: RandomAccessCollection<String?>,
         Classes: RandomAccessCollection<WordClass>>(
        tokens: [Terms.Token], lowered: Lowered, terms: TokenTerms, classes: Classes, lexicon: Lexicon,
        excluding isExcluded: (Int) -> Bool = { _ in false }
    ) where Lowered.Index == Int, TokenTerms.Index == Int, Classes.Index == Int {
        var mentions: [Mention] = []
        // Which tokens an alias took; left empty (none) for a sentence without a word that can begin one, nearly
        // every sentence, so that no array is made for it.
        var consumed: [Bool] = []
        if classes.contains(where: { $0.contains(.aliasStart) }) {
            consumed = [Bool](repeating: false, count: tokens.count)
            for start in tokens.indices where !consumed[start] && classes[start].contains(.aliasStart) {
                guard let alias = lexicon.aliases.first(where: { alias in
                    start + alias.words.count <= tokens.count
                        && lowered[start..<(start + alias.words.count)].elementsEqual(alias.words)
                }) else { continue }
                let range = start..<(start + alias.words.count)
                mentions.append(Mention(name: alias.name, tokens: range, titled: true, isAlias: true))
                for index in range { consumed[index] = true }
            }
        }
        // A run of capitalized words, which names someone unless it is all titles.
        var runStart: Int?
        for (index, token) in tokens.enumerated() {
            if consumed.isEmpty || !consumed[index], token.isCapitalized, !token.hasDigit, !isExcluded(index),
               terms[index] != nil || classes[index].contains(.title) {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                if let mention = Self.mention(in: start..<index, tokens: tokens, classes: classes) {
                    mentions.append(mention)
                }
                runStart = nil
            }
        }
        if let start = runStart, let mention = Self.mention(in: start..<tokens.count, tokens: tokens, classes: classes) {
            mentions.append(mention)
        }
        // Without an alias (nearly every sentence), the runs were found in text order and nothing is dropped.
        guard mentions.contains(where: \.isAlias) else {
            self.mentions = mentions
            return
        }
        // An alias right before a name is that name's title: "the Belarusian president, Alexander Lukashenko".
        let named = Set(mentions.filter { !$0.isAlias }.map(\.tokens.lowerBound))
        self.mentions = mentions.filter { !$0.isAlias || !named.contains($0.tokens.upperBound) }
            .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// False when a sentence of `tokens` surely gives no full name (`Mention.isFullName`), whatever its words'
    /// terms: a full name is found through an alias (whose first word is an `.aliasStart`), has a title (a
    /// `.title` word in or right before its run), or is a run of two capitalized words or more. A fact base counts
    /// the full names of every sentence, and most give none: their names need not be found.
    /// - Parameter classes: the word classes of the token at an index.
    static func mayHoldFullName(tokens: [Terms.Token], classes: (Int) -> WordClass) -> Bool {
        var previousMayName = false
        for (index, token) in tokens.enumerated() {
            let wordClass = classes(index)
            if wordClass.contains(.aliasStart) || wordClass.contains(.title) { return true }
            // A run's words are capitalized and hold no digit (`init`); its other conditions only narrow it.
            let mayName = token.isCapitalized && !token.hasDigit
            if mayName && previousMayName { return true }
            previousMayName = mayName
        }
        return false
    }

    /// The name a run of capitalized words gives: the words after the last title ("U.S. President Donald Trump"
    /// names Donald Trump); nil when the run is all titles.
    private static func mention<Classes: RandomAccessCollection<WordClass>>(
        in run: Range<Int>, tokens: [Terms.Token], classes: Classes
    ) -> Mention? where Classes.Index == Int {
        let lastTitle = run.last { classes[$0].contains(.title) }
        let nameStart = lastTitle.map { $0 + 1 } ?? run.lowerBound
        let titleBefore = run.lowerBound > 0 && classes[run.lowerBound - 1].contains(.title)
        guard nameStart < run.upperBound else { return nil }
        // Most names found are one word: its text is the name, without an array and a join.
        let name = run.upperBound - nameStart == 1
            ? tokens[nameStart].text : tokens[nameStart..<run.upperBound].map(\.text).joined(separator: " ")
        return Mention(name: name, tokens: nameStart..<run.upperBound, titled: lastTitle != nil || titleBefore)
    }

    /// The words of the full names as context terms.
    public func nameTerms(lexicon: Lexicon) -> Set<String> {
        Set(mentions.filter(\.isFullName).flatMap { $0.terms(lexicon: lexicon).map(\.term) })
    }
}
