import Testing
@testable import FactCheckKit

@Suite struct IgnoreMarkerTests {
    private func silenced(_ text: String, format: DocumentFormat) throws -> [String] {
        let document = try Document(path: "draft", text: text, format: format)
        return IgnoreMarker.silencedRanges(in: document).map { document.original.text(of: $0) }
    }

    @Test func silencesTheNextParagraphInMarkdown() throws {
        let text = "Kept 1.\n\n<!-- factcheck-ignore -->\nSilenced 2,\nstill silenced.\n\nKept 3.\n"
        #expect(try silenced(text, format: .markdown) == ["Silenced 2,\nstill silenced."])
    }

    @Test func silencesTheNextParagraphInHTML() throws {
        // HTML's readable text is shorter than the file: the marker's place goes through the offset map.
        let text = "<p>Kept &amp; 1.</p>\n<!-- factcheck-ignore -->\n<p>Silenced <em>2</em>.</p>\n<p>Kept 3.</p>\n"
        let document = try Document(path: "draft.html", text: text, format: .html)
        let ranges = IgnoreMarker.silencedRanges(in: document)
        #expect(ranges.map(document.readableText(of:)) == ["Silenced 2."])
    }

    @Test func silencesWhatFollowsTheMarkerInPlainText() throws {
        // In plain text the marker line is text of its own paragraph: only what follows it is silenced.
        let text = "Kept 1.\n<!-- factcheck-ignore -->\nSilenced 2.\n\nKept 3."
        #expect(try silenced(text, format: .text) == ["\nSilenced 2."])
    }

    @Test func aBlankLineAfterTheMarkerSilencesTheParagraphAfterIt() throws {
        let text = "<!-- factcheck-ignore -->\n\nSilenced.\n\nKept."
        #expect(try silenced(text, format: .text) == ["Silenced."])
        #expect(try silenced(text, format: .markdown) == ["Silenced."])
    }

    @Test func onlyAMarkerOnItsOwnLineCounts() throws {
        let text = "Words <!-- factcheck-ignore --> in a line.\nKept.\n\n<!--factcheck-ignore-->\r\nSilenced.\n"
        #expect(try silenced(text, format: .markdown) == ["Silenced."])
        #expect(try silenced("<!-- factcheck-ignored -->\nKept.", format: .markdown).isEmpty)
    }

    @Test func aMarkerAtTheEndSilencesNothing() throws {
        #expect(try silenced("Kept.\n\n<!-- factcheck-ignore -->\n", format: .markdown).isEmpty)
    }

    @Test func silencedClaimsAreLeftOutAndCounted() throws {
        let draft = "Trump thanked Lukashenko for freeing 18 prisoners.\n\n<!-- factcheck-ignore -->\n"
            + "Zenkovich was sentenced to 12 years.\n"
        let report = try CheckerTests.checker.check(try Document(path: "draft.md", text: draft))
        #expect(report.findings.map(\.claim.text) == ["18 prisoners"])
        #expect(report.ignoredClaims == 1)
    }
}
