import Testing
@testable import FactCheckKit

/// Alignment that depends on more than the claim's own sentence: who a pronoun or an alias stands for, and whether
/// a clause states, denies or supposes.
@Suite struct FrameAlignmentTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    private func findings(source: String, draft: String) throws -> [Finding] {
        let base = try FactBase(documents: [try Document(path: "source.txt", text: source)], extractor: Self.extractor)
        return try Checker(extractor: Self.extractor, factBase: base).check(try Document(path: "draft.txt", text: draft)).findings
    }

    @Test func aPronounCarriesThePersonTheSentenceBeforeNamed() throws {
        // "He" is Yuri Zenkovich: his 11 years refute the draft's 10, though Bialiatski's sentence was 10 years.
        let found = try findings(
            source: "Yuri Zenkovich was detained in 2021. He was sentenced to 11 years. Ales Bialiatski was sentenced to 10 years.",
            draft: "Zenkovich was sentenced to 10 years.")
        let finding = try #require(found.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.first?.passage.text == "11 years")
        #expect(finding.evidence.first?.sharedTerms.contains("Zenkovich") == true)
    }

    /// The Corolla's 1966 is said of its first sale, not its launch: it confirms nothing, but the source states the
    /// year, so the Prius's launch year (a weak match on "launched") is not evidence enough to refute it.
    @Test func aValueTheSourceStatesOfAnotherEventIsNotStatedNowhere() throws {
        let found = try findings(
            source: "Toyota launched the Prius hybrid in 1997. The Corolla was first sold in 1966 and became the best-selling car.",
            draft: "The Corolla, launched in 1966, became the best-selling car.")
        let finding = try #require(found.first)
        #expect(finding.claim.text == "1966")
        #expect(finding.verdict == .unverified)
        // A year no sentence states is still refuted at the lower threshold.
        let unstated = try #require(try findings(
            source: "Toyota launched the Prius hybrid in 1997. The Corolla was first sold in 1966 and became the best-selling car.",
            draft: "The Corolla, launched in 1968, became the best-selling car.").first)
        #expect(unstated.verdict == .contradicted)
    }

    @Test func anAliasFromTheLexiconNamesItsPerson() throws {
        // "The Kremlin leader" is Vladimir Putin (Rules/lexicon/people.yml): his 20 prisoners, not Lukashenko's 16.
        let found = try findings(
            source: "President Alexander Lukashenko pardoned 16 prisoners. President Vladimir Putin pardoned 20 prisoners.",
            draft: "The Kremlin leader pardoned 16 prisoners.")
        let finding = try #require(found.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.first?.passage.text == "20 prisoners")
    }

    @Test func aDenialIsNotRefutedByWhatDidHappen() throws {
        let found = try findings(source: "Yuri Zenkovich was sentenced to 11 years.",
                                 draft: "Yuri Zenkovich was not sentenced to 12 years, his lawyer said.")
        #expect(found.map(\.verdict) == [.unverified])
    }

    @Test func aDenialMeetsADenial() throws {
        let found = try findings(source: "The court did not sentence Yuri Zenkovich to 15 years.",
                                 draft: "Yuri Zenkovich was not sentenced to 12 years.")
        #expect(found.map(\.verdict) == [.contradicted])
    }

    @Test func aSuppositionWeighsLessThanAStatement() throws {
        // The source's 1,300 may be freed; the 16 were released. A draft that says 1,300 were released is refuted
        // by the 16, and the 1,300 is not shown as agreeing.
        let found = try findings(
            source: "Lukashenko released 16 prisoners on Friday. Another 1,300 prisoners may be released later.",
            draft: "Lukashenko released 1,300 prisoners on Friday.")
        let finding = try #require(found.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.first?.passage.text == "16 prisoners")
    }

    @Test func aDateOfAnotherEventIsWeakEvidence() throws {
        // 2021 dates the detention, not the sentence: the draft moved the date from one event to the other.
        let found = try findings(source: "Yuri Zenkovich was detained in 2021 and sentenced in 2022.",
                                 draft: "Yuri Zenkovich was sentenced in 2021.")
        let finding = try #require(found.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.first?.passage.text == "2022")
    }

    @Test func theEventIsTheNearestEventWordOfTheClause() throws {
        let document = try Document(path: "d.txt", text: "Zenkovich, detained in 2021, was freed on August 14 and flew home.")
        let events = try Self.extractor.claims(in: document).map(\.event)
        #expect(events == ["detained", "freed"].map { Terms.term($0, lexicon: Self.extractor.ruleSet.lexicon) })
    }
}
