import Testing
@testable import FactCheckKit

@Suite struct CheckerTests {
    static let ruleSet = try! RuleLoader().load(paths: [RepositoryPaths.rules])
    static let checker: Checker = {
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        let source = try! DocumentLoader().load(path: RepositoryPaths.exampleSource)
        return Checker(extractor: extractor, factBase: try! FactBase(documents: [source], extractor: extractor))
    }()

    private func verdicts(_ draft: String) throws -> [String: Verdict] {
        let report = try Self.checker.check(try Document(path: "draft.txt", text: draft))
        return Dictionary(report.findings.map { ($0.claim.text, $0.verdict) }, uniquingKeysWith: { first, _ in first })
    }

    /// The server's deadline passed: the check stops between claims rather than running on for nobody.
    @Test func aCancelledCheckStops() throws {
        let cancellation = CheckCancellation()
        cancellation.cancel()
        let draft = try Document(path: "d.txt", text: "Lukashenko let 18 prisoners go, Trump said.")
        #expect(throws: FactCheckError.self) { try Self.checker.check(draft, cancellation: cancellation) }
        #expect(try !Self.checker.check(draft, cancellation: CheckCancellation()).findings.isEmpty)
    }

    /// A "sentence" of 1,000 figures: each claim quotes the part of it around itself, so that the work and the
    /// reports grow with the sentence, not with its square (issue 24).
    @Test func aLongSentenceIsQuotedByAnExcerptAroundEachClaim() throws {
        let draft = "Officials said " + String(repeating: "1,000 ", count: 1_000) + "prisoners were freed."
        let report = try Self.checker.check(try Document(path: "d.txt", text: draft))
        #expect(report.findings.count >= 500)
        // The window, the claim and the two "…" marks.
        #expect(report.findings.allSatisfy { $0.claim.sentence.utf8.count <= Checker.sentenceExcerptBytes + 32 })
        #expect(report.findings.first?.claim.sentence.hasPrefix("Officials said 1,000") == true)
        #expect(report.findings.last?.claim.sentence.hasSuffix("prisoners were freed.") == true)
        #expect(report.findings.last?.claim.sentence.hasPrefix("… ") == true)
    }

    /// A value that cannot be is an error whatever the sources say: contradicted by itself, with no evidence.
    @Test func anImpossibleTimeIsContradictedByItself() throws {
        let report = try Self.checker.check(try Document(path: "d.txt", text: "The call came at 500:30 am on Saturday."))
        let finding = try #require(report.findings.first { $0.rule == "core.impossible-time" })
        #expect(finding.verdict == .contradicted)
        #expect(finding.claim.text == "500:30 am")
        #expect(finding.evidence.isEmpty)
        #expect(finding.message == "not a possible time of day: '500:30 am'")
        // The same time written possibly is an ordinary claim.
        #expect(try verdicts("The call came at 5:30 am on Saturday.")["5:30 am"] != .contradicted)
    }

    @Test func contradictsAWrongCountWithItsEvidence() throws {
        let report = try Self.checker.check(try Document(path: "d.txt", text: "Lukashenko let 18 prisoners go, Trump said."))
        let finding = try #require(report.findings.first { $0.verdict == .contradicted })
        #expect(finding.claim.text == "18 prisoners")
        #expect(finding.evidence.first?.passage.text == "16 prisoners")
        #expect(finding.evidence.first?.source == RepositoryPaths.exampleSource)
        #expect(finding.evidence.first?.passage.location.line == 7)
    }

    @Test func tellsTheReleasedFromThoseWhoMayBeFreed() throws {
        // 1,300 appears in the source, but about detainees who may be freed, not the 16 already released.
        let report = try Self.checker.check(try Document(path: "d.txt", text: "Trump said talks continue about freeing 1,250 detainees."))
        let finding = try #require(report.findings.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.first?.passage.text == "1,300 detainees")
    }

    @Test func supportsFaithfulParaphrase() throws {
        let found = try verdicts("On Aug. 15, Trump spoke with Lukashenko. Sixteen prisoners were freed. Zenkovich got an 11-year sentence.")
        #expect(found["Aug. 15"] == .supported)
        #expect(found["Sixteen prisoners"] == .supported)
        #expect(found["11-year sentence"] == .supported)
        #expect(!found.values.contains(.contradicted))
    }

    @Test func leavesUnrelatedClaimsUnverified() throws {
        let found = try verdicts("The Kremlin said 40 journalists would attend.")
        #expect(found["40 journalists"] == .unverified)
    }

    @Test func comparesTimesOnlyWithinTheirZone() throws {
        let found = try verdicts("The plane lands at 11:00 a.m. local time, or 11:00 p.m. Moscow time.")
        #expect(found["11:00 a.m. local time"] == .supported)
        #expect(found["11:00 p.m. Moscow time"] == .contradicted)
    }

    @Test func doesNotRefuteAClaimAboutSomeoneTheSourcesNeverName() throws {
        // The source gives Yuri Zenkovich 11 years; it says nothing of Ales Bialiatski.
        let report = try Self.checker.check(try Document(path: "d.txt", text: "The activist Ales Bialiatski received a 10-year sentence. Yuri Zenkovich received a 10-year sentence."))
        #expect(report.findings.map(\.verdict) == [.unverified, .contradicted])
    }

    @Test func aWeekdayThatContradictsItsDateIsAFindingOfItsOwn() throws {
        // August 14, 2025 was a Thursday; no source is needed to see the slip.
        let report = try Self.checker.check(try Document(path: "d.txt", text: "Trump called Lukashenko on Wednesday, Aug. 14, 2025."))
        let finding = try #require(report.findings.first)
        #expect(finding.verdict == .contradicted)
        #expect(finding.evidence.isEmpty)
        #expect(finding.message.contains("2025-08-14 is a Thursday, not a Wednesday"))
        let consistent = try Self.checker.check(try Document(path: "d.txt", text: "Trump called Lukashenko on Friday, Aug. 15, 2025."))
        #expect(consistent.findings.first?.verdict == .supported)
    }
}
