import Foundation
import Testing
@testable import FactCheckKit

/// `DocumentFacts` counts terms by id through `WordReadings`: its statistics must be those of the plain String
/// reading of every sentence.
@Suite struct DocumentFactsTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    static let documents: [(path: String, text: String)] = [
        "Examples/sources/belarus-us-call.txt", "Examples/drafts/belarus-errors.md", "Examples/drafts/belarus-clean.md",
        "Examples/drafts/belarus-errors.html",
    ].map { ($0, try! String(contentsOf: RepositoryPaths.root.appendingPathComponent($0), encoding: .utf8)) } + [
        ("repeats.txt", "Putin met Trump. Putin met Trump again, and Putin's aides met Trump's aides. "
            + "The president, Vladimir Putin, said 16 prisoners were freed. He said café and cafe\u{301} twice."),
        // Names in sentences without claims, and claims whose pronouns and surnames refer to them.
        ("names.txt", "Lawyer Maria Kolesnikova met Yuri Zenkovich. She said 3 people were held. The talks ended. "
            + "Zenkovich was given 11 years. Nobody spoke. Belarusian President Alexander Lukashenko spoke twice. "
            + "Minsk was quiet. He freed 16 prisoners on August 15."),
    ]

    @Test(arguments: documents.map(\.path))
    func statisticsMatchThePlainReading(_ path: String) throws {
        let text = Self.documents.first { $0.path == path }!.text
        let document = try Document(path: path, text: text)
        let facts = try DocumentFacts(document: document, extractor: Self.extractor)
        let lexicon = Self.extractor.ruleSet.lexicon
        var counts: [String: Int] = [:]
        var firstUses: [String] = []
        var nameTerms: Set<String> = []
        for sentence in document.sentences {
            let words = SentenceWords(bytes: document.readable, range: sentence.range, lexicon: lexicon)
            for term in words.terms.compactMap({ $0 }) where counts[term] == nil && !firstUses.contains(term) {
                firstUses.append(term)
            }
            for term in Set(words.terms.compactMap { $0 }) { counts[term, default: 0] += 1 }
            nameTerms.formUnion(words.names.nameTerms(lexicon: lexicon))
        }
        // Every term once, in the order of first use, with its sentence count.
        #expect(facts.termSentenceCounts.map(\.term) == firstUses)
        #expect(facts.termSentenceCounts.allSatisfy { counts[$0.term] == $0.sentences })
        #expect(facts.nameTerms == nameTerms)
        #expect(facts.sentenceCount == document.sentences.count)
        let claims = try Self.extractor.claims(in: document)
        #expect(facts.claims.map(\.valueSpan) == claims.map(\.valueSpan))
        #expect(facts.claims.map(\.context) == claims.map(\.context))
        #expect(facts.claims.map(\.key) == claims.map(\.key))
        #expect(facts.claims.map(\.value) == claims.map(\.value))
        #expect(facts.claims.map(\.names) == claims.map(\.names))
        #expect(facts.claims.map(\.event) == claims.map(\.event))
        #expect(facts.claims.map(\.assertion) == claims.map(\.assertion))
        // A fact's claim keeps no words (`keepingWords`); a draft's claims have them.
        let factsKeepNoWords = facts.claims.allSatisfy { $0.words.isEmpty }
        let draftClaimsKeepWords = claims.isEmpty || claims.contains { !$0.words.isEmpty }
        #expect(factsKeepNoWords)
        #expect(draftClaimsKeepWords)
    }
}
