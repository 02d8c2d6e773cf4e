import Foundation
import Testing
@testable import FactCheckKit

/// `WordReadings` must read every word exactly as the String-based path of `SentenceWords` does, and find a word
/// again only by identical bytes.
@Suite struct WordReadingsTests {
    static let lexicon = try! RuleLoader().load(paths: [RepositoryPaths.rules]).lexicon

    /// The example articles, and texts made to probe the edges: non-ASCII letters, possessives, figures,
    /// capitals, words that differ only in case or in one byte, a carriage return.
    static let texts: [String] = {
        let examples = ["Examples/sources/belarus-us-call.txt", "Examples/drafts/belarus-errors.md",
                        "Examples/drafts/belarus-clean.md", "Examples/drafts/belarus-errors.html"]
            .map { try! String(contentsOf: RepositoryPaths.root.appendingPathComponent($0), encoding: .utf8) }
        return examples + [
            "Putin’s 1,300 detainees (and 3.2 billion) – U.S.-Russia. PUTIN putin Putin's putins",
            "Łódź 東京 𝒜bc ← naïve NAÏVE café cafe\u{301}s Café's released releases release",
            // Canonically equal, different bytes: two readings, one term (terms are Strings).
            "caf\u{E9} cafe\u{301} caf\u{E9}",
            "The the THE tHe a A an An the president President PRESIDENT Kremlin leader",
            "line\r\nbreak words\r\nwith carriage\r\nreturns, it's it’s didn’t can't",
            "",
        ]
    }()

    /// Many distinct words, so that the table grows several times.
    static let manyWords: String = (0..<5_000).map { "w\($0)x Word\($0) " }.joined()

    @Test(arguments: texts + [manyWords])
    func readsEachWordAsTheStringPathDoes(_ text: String) {
        let bytes = Array(text.utf8)
        var readings = WordReadings(lexicon: Self.lexicon)
        var indexByBytes: [[UInt8]: Int] = [:]
        for token in Terms.tokens(in: bytes, range: 0..<bytes.count) {
            let index = readings.index(ofWordAt: token.range, in: bytes)
            let reading = readings.readings[index]
            let lowered = Terms.lowercased(token.text)
            let listed = Self.lexicon.wordClasses[lowered] ?? []
            let term = listed.contains(.stopWord) ? nil : Terms.term(loweredNonStopWord: lowered, lexicon: Self.lexicon)
            let classes = WordClass.of(lowered: lowered, term: term, lexicon: Self.lexicon)
            #expect(reading.text == token.text)
            #expect(reading.lowered == lowered)
            #expect(reading.classes == classes)
            #expect(reading.term?.text == term)
            if let id = reading.term?.id { #expect(readings.terms[id] == term) }
            // The same bytes always find the same reading; other bytes never do.
            let key = Array(bytes[token.range])
            if let known = indexByBytes[key] {
                #expect(index == known, "\(token.text)")
            } else {
                #expect(index == indexByBytes.count, "\(token.text) read as an earlier word")
                indexByBytes[key] = index
            }
        }
        #expect(readings.readings.count == indexByBytes.count)
        #expect(Set(readings.terms).count == readings.terms.count)
    }

    /// A sentence's words read through `readings` as a fact base reads them (`ReadTokens`, then `SentenceWords`),
    /// and the term id of each of its tokens that has a term, in token order.
    private static func words(in range: Range<Int>, of bytes: [UInt8],
                              readings: inout WordReadings) -> (words: SentenceWords, termIDs: [Int]) {
        let read = SentenceWords.ReadTokens(range: range, of: bytes, readings: &readings)
        var termIDs: [Int] = []
        read.appendTermIDs(to: &termIDs, from: readings.readings)
        return (SentenceWords(read, readings: readings), termIDs)
    }

    @Test(arguments: texts)
    func sentenceWordsReadTheSameThroughReadings(_ text: String) throws {
        let bytes = Array(text.utf8)
        var readings = WordReadings(lexicon: Self.lexicon)
        var earlier: [(words: SentenceWords, lowered: [String])] = []
        for sentence in SentenceSplitter.split(bytes) {
            let tokens = Terms.tokens(in: bytes, range: sentence.range)
            let (throughReadings, termIDs) = Self.words(in: sentence.range, of: bytes, readings: &readings)
            let direct = SentenceWords(tokens: tokens, lexicon: Self.lexicon)
            let lexicon = Self.lexicon
            let lowered = tokens.map { Terms.lowercased($0.text) }
            let terms = lowered.map {
                (lexicon.wordClasses[$0] ?? []).contains(.stopWord) ? nil : Terms.term(loweredNonStopWord: $0, lexicon: lexicon)
            }
            let classes = zip(lowered, terms).map { WordClass.of(lowered: $0, term: $1, lexicon: lexicon) }
            // Texts included: those the readings kept are those decoded from the bytes.
            #expect(throughReadings.tokens == direct.tokens)
            for words in [throughReadings, direct] {
                #expect(Array(words.lowered) == lowered)
                #expect(Array(words.terms) == terms)
                #expect(Array(words.classes) == classes)
                #expect(words.names.mentions == SentenceNames(tokens: tokens, lexicon: lexicon).mentions)
            }
            earlier.append((throughReadings, lowered))
            #expect(termIDs.map { readings.terms[$0] } == direct.terms.compactMap { $0 })
            // Each token's term id: the same for the same term, and only there.
            let ids = try #require(throughReadings.termIDs)
            #expect(direct.termIDs == nil)
            for (index, id) in ids.enumerated() {
                #expect((id >= 0) == (direct.terms[index] != nil))
                for (other, otherID) in ids.enumerated() where id >= 0 && otherID >= 0 {
                    #expect((id == otherID) == (direct.terms[index] == direct.terms[other]))
                }
            }
        }
        // Words read before later sentences added readings still read as they did (`TokenReadings` holds a value).
        for (words, lowered) in earlier { #expect(Array(words.lowered) == lowered) }
    }

    /// Readings are kept from one text to the next: a word met in an earlier text is found again by its bytes,
    /// wherever it now stands, and every text's words still read as the String path reads them.
    @Test func keepsReadingsAcrossTexts() {
        var readings = WordReadings(lexicon: Self.lexicon)
        var indexByBytes: [[UInt8]: Int] = [:]
        for text in Self.texts + Self.texts.reversed() {
            let bytes = Array(text.utf8)
            for token in Terms.tokens(in: bytes, range: 0..<bytes.count) {
                let index = readings.index(ofWordAt: token.range, in: bytes)
                let key = Array(bytes[token.range])
                #expect(index == indexByBytes[key, default: indexByBytes.count])
                indexByBytes[key] = index
                #expect(readings.readings[index].lowered == Terms.lowercased(token.text))
            }
        }
    }

    /// Each document counts the sentences of its own terms, from zero.
    @Test func countsEachDocumentsSentences() {
        var readings = WordReadings(lexicon: Self.lexicon)
        let documents = ["Prisoners were freed. Prisoners left. Talks went on.", "Talks resumed. Talks ended, talks."]
        let talk = Terms.term("talks", lexicon: Self.lexicon)!
        let expectedTalks = [1, 2]
        for (text, talks) in zip(documents, expectedTalks) {
            readings.startDocument()
            let bytes = Array(text.utf8)
            var counts: [String: Int] = [:]
            for (index, sentence) in SentenceSplitter.split(bytes).enumerated() {
                let plain = SentenceWords(bytes: bytes, range: sentence.range, lexicon: Self.lexicon)
                for term in Set(plain.terms.compactMap { $0 }) { counts[term, default: 0] += 1 }
                var termIDs: [Int] = []
                SentenceWords.ReadTokens(range: sentence.range, of: bytes, readings: &readings)
                    .appendTermIDs(to: &termIDs, from: readings.readings)
                for id in termIDs { readings.count(term: id, inSentence: index) }
            }
            let found = Dictionary(uniqueKeysWithValues: readings.documentTerms.map {
                (readings.terms[$0], readings.sentenceCount(ofTerm: $0))
            })
            #expect(found == counts)
            #expect(found[talk] == talks)
        }
    }
}
