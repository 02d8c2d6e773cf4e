import Testing
@testable import FactCheckKit

@Suite struct ParagraphChangesTests {
    private func changed(_ draft: String, base: String?, path: String = "d.md") throws -> [String] {
        let document = try Document(path: path, text: draft)
        let changes = ParagraphChanges(draft: document, base: try base.map { try Document(path: path, text: $0) })
        return changes.changedParagraphs.map(document.readableText(of:))
    }

    @Test func reportsOnlyEditedAndNewParagraphs() throws {
        let base = "First 16.\n\nSecond 11.\n\nThird 20."
        #expect(try changed(base, base: base).isEmpty)
        #expect(try changed("First 16.\n\nSecond 12.\n\nThird 20.\n\nFourth.", base: base) == ["Second 12.", "Fourth."])
    }

    @Test func rewrappingMovingOrRestylingIsNotAnEdit() throws {
        let base = "First sixteen\nprisoners.\n\nSecond 11."
        #expect(try changed("Second 11.\n\nFirst   sixteen prisoners.", base: base).isEmpty)
        #expect(try changed("First **sixteen**\nprisoners.\n\nSecond 11.", base: "First sixteen\nprisoners.\n\nSecond 11.").isEmpty)
    }

    @Test func aNewDraftIsAllChanged() throws {
        #expect(try changed("One.\n\nTwo.", base: nil) == ["One.", "Two."])
    }

    @Test func htmlIsComparedAsItReads() throws {
        let base = "<p>Trump thanked Lukashenko for freeing 16 prisoners.</p><p>Zenkovich got 11 years.</p>"
        let draft = "<article>\n<p class=\"lede\">Trump thanked Lukashenko for freeing\n16 prisoners.</p>\n<p>Zenkovich got 12 years.</p></article>"
        #expect(try changed(draft, base: base, path: "d.html") == ["Zenkovich got 12 years."])
    }

    @Test func checkerReportsOnlyClaimsOfChangedParagraphs() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let source = try DocumentLoader().load(path: RepositoryPaths.exampleSource)
        let checker = Checker(extractor: extractor, factBase: try FactBase(documents: [source], extractor: extractor))
        let base = try Document(path: "d.txt", text: "Trump thanked Lukashenko for freeing 18 prisoners.\n\nZenkovich was sentenced to 11 years.")
        let draft = try Document(path: "d.txt", text: "Trump thanked Lukashenko for freeing 18 prisoners.\n\nZenkovich was sentenced to 12 years.")
        let all = try checker.check(draft)
        #expect(all.count(.contradicted) == 2)
        let report = try checker.check(draft, changes: ParagraphChanges(draft: draft, base: base))
        #expect(report.findings.map(\.claim.text) == ["12 years"])
        #expect(report.count(.contradicted) == 1)
    }
}
