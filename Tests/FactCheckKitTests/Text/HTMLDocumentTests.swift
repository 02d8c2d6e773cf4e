import Foundation
import Testing
@testable import FactCheckKit

/// HTML drafts end to end: every claim found in the readable text is reported at a place in the HTML file whose
/// text, read as HTML, says the claim's value.
@Suite struct HTMLDocumentTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))
    static let exampleDraft = RepositoryPaths.root.appendingPathComponent("Examples/drafts/belarus-errors.html").path

    /// The claims of an HTML document, each with the original text at its reported place.
    private func claimsWithOriginalText(_ document: Document) throws -> [(claim: Claim, original: String, value: String)] {
        try Self.extractor.claims(in: document).map { claim in
            let location = document.originalLocation(ofReadableByte: claim.span.lowerBound)
            let length = document.original.scalarLength(of: document.originalRange(of: claim.span))
            let scalars = Array(document.original.string.unicodeScalars)
            let original = String(String.UnicodeScalarView(scalars[location.offset..<(location.offset + length)]))
            #expect(document.original.line(location.line).unicodeScalars.dropFirst(location.column - 1)
                .starts(with: original.unicodeScalars.prefix { $0 != "\n" }))
            return (claim, original, document.readableText(of: claim.valueSpan))
        }
    }

    /// Text as it reads: the original slice through the HTML reader, blanks collapsed.
    private func reads(_ html: String) -> String {
        let bytes = HTMLReader.read(Array(html.utf8)).readable
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everyClaimOfTheExampleIsFoundAtItsPlaceInTheHTML() throws {
        let document = try DocumentLoader().load(path: Self.exampleDraft)
        #expect(document.format == .html)
        #expect(document.date == DateValue(year: 2025, month: 8, day: 16))
        #expect(document.metadata["title"] == "Trump thanks Lukashenko as Alaska summit nears")
        let claims = try claimsWithOriginalText(document)
        #expect(claims.count == 7)
        for (_, original, value) in claims {
            #expect(reads(original).contains(value), "'\(original)' does not say '\(value)'")
        }
        // Nothing from the head, script, style or comment is read.
        #expect(!claims.contains { $0.value.contains("99") })
    }

    /// The same prose dressed in random markup: inline tags around words, references and comments for blanks.
    @Test func claimsSurviveRandomMarkup() throws {
        let prose = """
            On August 14, Trump and Belarusian President Alexander Lukashenko spoke by phone. Trump thanked Lukashenko \
            for the release of 18 prisoners and said talks were ongoing about freeing another 1,300 detainees.
            Yuri Zenkovich, detained in 2021, was sentenced to 12 years. Putin's plane lands at noon local time.
            """
        let plain = try Document(path: "d.txt", text: prose)
        let expectedValues = try Self.extractor.claims(in: plain).map { plain.readableText(of: $0.valueSpan) }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<25 {
            var html = "<html><head><title>x</title></head><body><p>"
            for word in prose.split(separator: " ", omittingEmptySubsequences: false) {
                let escaped = word.replacingOccurrences(of: "'", with: "&rsquo;")
                html += Bool.random(using: &generator) ? "<b>\(escaped)</b>" : escaped
                html += [" ", "&nbsp;", "<!-- c --> ", "\n  ", " <span class='a>b'></span>", "<i></i> "].randomElement(using: &generator)!
            }
            html += "</p></body></html>"
            let document = try Document(path: "d.html", text: html)
            let claims = try claimsWithOriginalText(document)
            #expect(claims.map(\.value) == expectedValues, "\(html)")
            for (_, original, value) in claims {
                #expect(reads(original).contains(value), "'\(original)' does not say '\(value)' in \(html)")
            }
        }
    }

    @Test func htmlMayStartWithFrontMatter() throws {
        let document = try Document(path: "post.html", text: "---\ntitle: Post\ndate: 2025-08-15\n---\n<p>He freed 16.</p>\n")
        #expect(document.date == DateValue(year: 2025, month: 8, day: 15))
        #expect(document.metadata["title"] == "Post")
        #expect(String(decoding: document.readable, as: UTF8.self) == "He freed 16.")
        #expect(document.originalLocation(ofReadableByte: 9).line == 5)
    }

    @Test func textAndMarkdownKeepTheIdentityMapAndFrontMatterFields() throws {
        let markdown = try Document(path: "a.md", text: "---\ntitle: Summit\ndate: 2025-08-15\n---\nHe freed **16** people.\n")
        #expect(markdown.offsetMap.isIdentity)
        #expect(markdown.metadata["title"] == "Summit")
        #expect(markdown.metadata["date"] == "2025-08-15")
        #expect(markdown.originalRange(of: 5..<9) == 5..<9)
        #expect(try Document(path: "a.txt", text: "x").offsetMap.isIdentity)
        #expect(DocumentFormat(path: "Story.HTM") == .html)
        #expect(DocumentFormat(path: "story.html") == .html)
    }
}
