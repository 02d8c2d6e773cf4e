import Testing
@testable import FactCheckKit

@Suite struct ClaimFingerprintTests {
    private func check(_ text: String) throws -> DraftReport {
        try CheckerTests.checker.check(try Document(path: "draft.md", text: text))
    }

    private let paragraph = "Trump thanked Lukashenko for the release of 18 prisoners.\n\n"
        + "Zenkovich was sentenced to 12 years.\n"

    @Test func idsLookLikeFcAndEightHexDigits() throws {
        for finding in try check(paragraph).findings {
            #expect(finding.id.wholeMatch(of: /fc-[0-9a-f]{8}/) != nil, "\(finding.id)")
        }
    }

    @Test func idsSurviveUnrelatedEditsAndMovedLines() throws {
        let before = try check(paragraph).findings
        let after = try check("# A headline\n\nA new paragraph, with words.\nAnd lines.\n\n" + paragraph).findings
        #expect(after.map(\.claim.location.line) != before.map(\.claim.location.line))
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.fingerprint) == before.map(\.fingerprint))
    }

    @Test func idsAreTheSameOnEveryRun() throws {
        // FNV-1a 64 of the fields joined by U+001F, folded to 32 bits (computed independently, in Python): a change
        // here changes every ID editors have seen.
        let fingerprint = ClaimFingerprint(kind: "count", rule: "core.count", text: "18 prisoners", value: "number 18",
                                           key: ["prisoner"], evidence: [.init(source: "a.txt", text: "16 prisoners")])
        #expect(fingerprint.id() == fingerprint.id())
        #expect(fingerprint.id() == "fc-ab59e063")
    }

    @Test func aChangedValueIsADifferentClaim() throws {
        let before = try check(paragraph).findings
        let after = try check(paragraph.replacingOccurrences(of: "18 prisoners", with: "17 prisoners")).findings
        #expect(before[0].id != after[0].id)
        #expect(before[1].id == after[1].id)
    }

    @Test func everyFindingOfADraftHasItsOwnID() throws {
        // The same claim twice, word for word, with the same evidence: numbered in text order.
        let report = try check(paragraph + "\n" + paragraph)
        let ids = report.findings.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(report.findings[0].fingerprint == report.findings[2].fingerprint)
        #expect(try check(paragraph + "\n" + paragraph).findings.map(\.id) == ids)
    }

    @Test func normalizesWhitespaceAndCase() {
        #expect(ClaimFingerprint.normalized("  Eighteen\n  Prisoners ") == "eighteen prisoners")
    }

    @Test func canonicalValuesNameTheirDimension() {
        #expect(ClaimFingerprint.canonical(.number(NumberRange(exactly: 18))) == "number 18")
        #expect(ClaimFingerprint.canonical(.money(NumberRange(exactly: 1.5), currency: "USD")) == "money 1.5 USD")
        #expect(ClaimFingerprint.canonical(.date(DateValue(year: 2025, month: 8, day: 15))) == "date 2025-08-15")
    }

    @Test func sourcePathsAreRelativeToTheBase() {
        #expect(PathExpander.relativePath("sources/a.txt", to: "/news", workingDirectory: "/news") == "sources/a.txt")
        #expect(PathExpander.relativePath("../a.txt", to: "/news", workingDirectory: "/news/drafts") == "a.txt")
        #expect(PathExpander.relativePath("/elsewhere/a.txt", to: "/news") == "/elsewhere/a.txt")
    }
}
