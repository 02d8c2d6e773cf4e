import Foundation
import Testing
@testable import FactCheckKit

/// A fact base matches the rule patterns over a batch of documents at once, pattern by pattern
/// (`ClaimExtractor.patternMatches(in:)`): each document must get what it gets alone.
@Suite struct ClaimExtractorTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    static let documents: [Document] = {
        let examples = ["Examples/sources/belarus-us-call.txt", "Examples/drafts/belarus-errors.md",
                        "Examples/drafts/belarus-errors.html"].map { path in
            try! Document(path: path, text: String(contentsOf: RepositoryPaths.root.appendingPathComponent(path),
                                                   encoding: .utf8))
        }
        let texts = [
            "No figures here at all.",
            "He was sentenced to 11 years. About 16 prisoners were freed on August 15, 2025, at 6:55 p.m.",
            "Prices rose 3.5% to $12 million; the 30-day trial ran for two decades and 5 km.",
            // A character PCRE2 takes caselessly for an ASCII letter only in UTF mode (KELVIN SIGN).
            "The storm dropped 30 \u{212A}m of rain, and 12 prisoners were freed.",
        ]
        return examples + texts.enumerated().map { try! Document(path: "text-\($0.offset).txt", text: $0.element) }
    }()

    /// A claim as `factcheck-bench claims` prints it, its context sorted.
    static func line(_ claim: Claim) -> String {
        let context = claim.context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(claim.ruleID) \(claim.span) \(claim.valueSpan) \(claim.value) \(claim.key) \(claim.assertion) "
            + "\(claim.event ?? "-") \(claim.entities) " + context.joined(separator: ",")
    }

    @Test func aBatchGivesEachDocumentWhatItGetsAlone() throws {
        let batch = Self.extractor.patternMatches(in: Self.documents)
        #expect(batch.count == Self.documents.count)
        for (document, matches) in zip(Self.documents, batch) {
            let alone = try Self.extractor.patternMatches(in: [document])[0].get()
            let batched = try matches.get()
            #expect(batched.byPattern == alone.byPattern, "\(document.path)")
            let claims = Self.extractor.claims(in: document, from: Self.extractor.valueMatches(in: document, from: batched),
                                               keepingWords: true)
            #expect(claims.map(Self.line) == (try Self.extractor.claims(in: document)).map(Self.line), "\(document.path)")
        }
        // The batch found something to compare: every example document has claims.
        #expect(try batch.prefix(3).allSatisfy { try !$0.get().byPattern.joined().isEmpty })
    }

    /// A rule whose pattern backtracks past the match limit on a long run of words that no "?!" follows.
    static func runawayRule() throws -> [Rule] {
        try RuleLoader().loadRules(text: """
            id: test.backtracking
            kind: count
            patterns: ['(?<value>(?:[a-z]+\\s?)+)[!?]{2}']
            examples: [{baseline: "7 ?!", supported: ["7 ?!"]}]
            """, file: "backtracking.yml")
    }

    /// The error names the line where the runaway attempt began, not line 1 (issue 24).
    @Test func aBacktrackingLimitNamesTheLineOfTheRunawayMatch() throws {
        let runaway = try Self.runawayRule()
        let extractor = ClaimExtractor(ruleSet: RuleSet(rules: runaway, lexicon: Self.extractor.ruleSet.lexicon))
        let document = try Document(path: "runaway.txt", text: "16 prisoners were freed.\n\nSecond line.\n"
            + String(repeating: "word ", count: 40) + "end.")
        guard case let .failure(error) = extractor.patternMatches(in: [document])[0] else {
            Issue.record("the runaway document did not fail")
            return
        }
        #expect(error.line == 4, "\(error)")
        guard case let .limitExceeded(_, byteOffset) = error.underlying else { return }
        #expect(byteOffset == Array("16 prisoners were freed.\n\nSecond line.\n".utf8).count)
    }

    @Test func aDocumentOnWhichAPatternFailsFailsAloneInItsBatch() throws {
        let runaway = try Self.runawayRule()
        let extractor = ClaimExtractor(ruleSet: RuleSet(rules: Self.extractor.ruleSet.rules + runaway,
                                                        lexicon: Self.extractor.ruleSet.lexicon))
        let words = String(repeating: "word ", count: 40)
        let documents = try [
            Document(path: "before.txt", text: "12345 people came."),
            Document(path: "runaway.txt", text: "16 prisoners were freed.\n" + words + "end."),
            Document(path: "after.txt", text: "Then 54321 more came, and 16 prisoners were freed."),
        ]
        let batch = extractor.patternMatches(in: documents)
        for index in [0, 2] {
            let alone = try extractor.patternMatches(in: [documents[index]])[0].get()
            #expect(try batch[index].get().byPattern == alone.byPattern)
        }
        #expect(throws: ExtractionError.self) { try batch[1].get() }
        guard case let .failure(error) = batch[1] else { return }
        #expect(error.rule == "test.backtracking")
        #expect(error.document == "runaway.txt")
        // Where the failing search began, as the document alone reports it.
        guard case let .failure(alone) = extractor.patternMatches(in: [documents[1]])[0] else {
            Issue.record("the runaway document alone did not fail")
            return
        }
        #expect(error.line == alone.line)
        #expect(error.description == alone.description)
        guard case .limitExceeded = error.underlying else {
            Issue.record("expected a limit error, got \(error.underlying)")
            return
        }
    }

    /// A span of years is one value, met only by another span; an ISO date and a range of things are not spans.
    @Test func aSpanOfYearsIsOneDateRange() throws {
        func readings(_ text: String) throws -> [Claim] {
            try Self.extractor.claims(in: try Document(path: "d.txt", text: text))
        }
        let life = try #require(try readings("Marie Curie (1867–1934) was a physicist.").first)
        #expect(life.value == .dateRange(DateValue(year: 1867), DateValue(year: 1934)))
        let tokenized = try #require(try readings("mitterrand ( 1916 -- 1996 ) was president .").first)
        #expect(tokenized.value == .dateRange(DateValue(year: 1916), DateValue(year: 1996)))
        #expect(try readings("The law took effect on 2021-06-15.").allSatisfy { $0.ruleID != "core.year-span" })
        #expect(try readings("The club signed 1500-2000 players.").allSatisfy { $0.kind != "date" })
        // A year of the life is some event of it; another span's ends are compared.
        let year = try #require(try readings("Attlee won a landslide in 1945.").first)
        #expect(Comparator.agreement(of: year, with: life) == .incomparable)
        let other = try #require(try readings("Curie (1867–1935) was a physicist.").first)
        #expect(Comparator.agreement(of: other, with: life) == .disagrees)
    }
}
