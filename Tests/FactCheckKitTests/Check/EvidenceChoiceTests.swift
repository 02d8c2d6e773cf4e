import Testing
@testable import FactCheckKit

/// Which refuting fact a contradiction shows: among those aligned well enough, the nearest value, where "well
/// enough" is relative to the strongest.
@Suite struct EvidenceChoiceTests {
    @Test func aNearValueOfAWeaklyAlignedFactDoesNotOutrankTheFactTheClaimRestates() throws {
        // The draft's 6 against the source's 12 (the sentence it restates, aligned 0.50) and "two" (another
        // sentence sharing one word, 0.18): a value no source states needs only 0.15 to refute, so both refute,
        // and on nearness alone the 2 would be shown.
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let source = try Document(path: "s", text: "Boeing will deliver 12 jets and then two more.")
        let facts = try extractor.claims(in: source)
        let twelve = try #require(facts.first { $0.value == .number(NumberRange(exactly: 12)) })
        let two = try #require(facts.first { $0.value == .number(NumberRange(exactly: 2)) })
        var restated = Alignment(fact: Fact(claim: twelve, index: 0, documentIndex: 0), score: 0.50, agreement: .disagrees,
                                 sharedTerms: [], closeness: 0.1)
        restated.factIndex = 0
        var near = Alignment(fact: Fact(claim: two, index: 1, documentIndex: 0), score: 0.18, agreement: .disagrees,
                             sharedTerms: [], closeness: 0.9)
        near.factIndex = 1
        let (verdict, evidence) = Comparator.verdict(for: [restated, near])
        #expect(verdict == .contradicted)
        #expect(evidence.first?.factIndex == 0)
    }
}
