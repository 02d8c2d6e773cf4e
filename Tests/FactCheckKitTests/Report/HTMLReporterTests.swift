import Foundation
import Testing
@testable import FactCheckKit

/// The HTML report rendered with the repository's templates (`Reports/templates/`), from reports built by hand so
/// that only the reporter is under test. The example's whole page is compared with a golden file in
/// `Tests/factcheckTests` (`ReportFormatTests`).
@Suite struct HTMLReporterTests {
    static let templates: HTMLTemplates = {
        do {
            return try HTMLTemplates.load(folder: RepositoryPaths.root.appendingPathComponent("Reports/templates").path)
        } catch {
            fatalError("cannot load Reports/templates: \(error)")
        }
    }()
    static let date = Date(timeIntervalSince1970: 1_755_334_800)  // 2025-08-16 09:00 UTC

    /// A finding on `claim`, found by its first occurrence in `draft` (offsets in Unicode scalars, as the checker
    /// gives them).
    static func finding(_ claim: String, in draft: String, verdict: Verdict = .contradicted, kind: String = "count",
                        sentence: String? = nil, evidence: [Evidence] = []) -> Finding {
        let scalars = Array(draft.unicodeScalars), wanted = Array(claim.unicodeScalars)
        let offset = (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted } ?? 0
        let before = scalars[..<offset]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = offset - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
        return Finding(verdict: verdict, severity: verdict == .contradicted ? .error : .info, kind: kind,
                       rule: "core.\(kind)", message: "\(kind) differs: draft says '\(claim)'",
                       claim: Passage(text: claim, value: .number(NumberRange(exactly: 18)),
                                      location: TextLocation(offset: offset, line: line, column: column),
                                      length: wanted.count, sentence: sentence ?? claim),
                       evidence: evidence)
    }

    static func evidence(_ text: String, sentence: String) -> Evidence {
        Evidence(source: "sources/call.txt", sourceDate: DateValue(year: 2025, month: 8, day: 15),
                 passage: Passage(text: text, value: .number(NumberRange(exactly: 16)),
                                  location: TextLocation(offset: 40, line: 3, column: 41), length: text.unicodeScalars.count,
                                  sentence: sentence),
                 score: 0.8765, sharedTerms: ["prisoners", "Lukashenko"])
    }

    func render(_ reports: [DraftReport]) -> String {
        HTMLReporter(templates: Self.templates).generateReport(reports, version: "9.9.9", date: Self.date)
    }

    @Test func draftAndSourceTextRenderAsTextNeverAsMarkup() {
        let draft = """
            <script>alert("draft")</script> Lukashenko freed 18 prisoners "><img src=x onerror=alert(1)>.

            Template syntax stays text: {{path}} {{{version}}} {{#findings}}x{{/findings}} & 'quotes'.
            """
        let hostileSentence = "He freed <b>16 prisoners</b> \"><img src=y onerror=alert(2)> {{tool}}."
        let report = DraftReport(path: "drafts/<evil>\".md", findings: [
            Self.finding("18 prisoners", in: draft, sentence: "<script>x</script> freed 18 prisoners",
                         evidence: [Self.evidence("16 prisoners", sentence: hostileSentence)]),
        ], text: draft)
        let html = render([report])

        // The template's own script is the only one; no element comes from the draft or the sources.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<evil>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;draft&quot;)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("He freed &lt;b&gt;<mark class=\"value source-value\">16 prisoners</mark>&lt;/b&gt;"))
        #expect(html.contains("drafts/&lt;evil&gt;&quot;.md"))
        // Mustache tags in the data are printed, not expanded: values are never parsed as templates.
        #expect(html.contains("Template syntax stays text: {{path}} {{{version}}} {{#findings}}x{{/findings}} &amp; &#39;quotes&#39;."))
        #expect(html.contains("{{tool}}."))
    }

    @Test func claimsAreMarkedAtTheirScalarOffsetsAfterMultibyteText() {
        // Cyrillic, an emoji (one scalar, two UTF-16 units) and a combining accent before the claim.
        let draft = "Минск 🇧🇾 café — Lukashenko freed 18 prisoners.\nZenkovich: 11 years."
        let report = DraftReport(path: "d.txt", findings: [
            Self.finding("18 prisoners", in: draft),
            Self.finding("11 years", in: draft, verdict: .unverified, kind: "duration"),
        ], text: draft)
        let html = render([report])
        #expect(html.contains("Минск 🇧🇾 café — Lukashenko freed <a class=\"claim v-contradicted\" id=\"c1\" href=\"#f1\" data-verdict=\"contradicted\" data-kind=\"count\" title=\"Contradicted: count differs: draft says &#39;18 prisoners&#39;\"><span class=\"sym\" aria-hidden=\"true\">✗</span>18 prisoners<span class=\"sr\"> (Contradicted)</span></a>.\nZenkovich: <a class=\"claim v-unverified\" id=\"c2\""))
        #expect(html.contains("<span class=\"sym\" aria-hidden=\"true\">?</span>11 years<span class=\"sr\"> (Unverified)</span></a>.</p>"))
    }

    @Test func paragraphsFollowBlankLinesAndFrontMatterStandsApart() {
        let draft = "---\ndate: 2025-08-16\n---\n# Title\n\nFirst line\nsame paragraph.\n\n\n  \nSecond 18 prisoners.\n"
        let report = DraftReport(path: "d.md", findings: [Self.finding("18 prisoners", in: draft)], text: draft)
        let html = render([report])
        #expect(html.contains("<pre class=\"front-matter\">---\ndate: 2025-08-16\n---\n</pre>"))
        #expect(html.contains("<p class=\"heading\"># Title</p>"))
        #expect(html.contains("<p>First line\nsame paragraph.</p>"))
        #expect(html.contains("<p>Second <a class=\"claim v-contradicted\""))
    }

    @Test func aCardShowsBothWordingsTheSourceItsDateAndTheRule() {
        let draft = "Trump thanked Lukashenko for the release of 18 prisoners."
        let report = DraftReport(path: "d.txt", findings: [
            Self.finding("18 prisoners", in: draft, sentence: draft,
                         evidence: [Self.evidence("16 prisoners", sentence: "He thanked Lukashenko for the release of 16 prisoners.")]),
        ], text: draft)
        let html = render([report])
        #expect(html.contains("<q>Trump thanked Lukashenko for the release of <mark class=\"value draft-value v-contradicted\">18 prisoners</mark>.</q>"))
        #expect(html.contains("<q>He thanked Lukashenko for the release of <mark class=\"value source-value\">16 prisoners</mark>.</q>"))
        #expect(html.contains("<code>sources/call.txt</code> line 3, column 41 · document dated 2025-08-15 · compared because both speak of prisoners, Lukashenko (alignment 0.88)"))
        #expect(html.contains("<code>core.count</code>"))
        #expect(html.contains("data-filter=\"kind\" data-value=\"count\""))
        #expect(html.contains("generated 2025-08-16 09:00 UTC by factcheck 9.9.9"))
    }

    @Test func theSameFindingsGiveTheSameBytes() {
        let draft = "Lukashenko freed 18 prisoners."
        let report = DraftReport(path: "d.txt", findings: [Self.finding("18 prisoners", in: draft)], text: draft)
        #expect(render([report]) == render([report]))
    }

    @Test func badOffsetsLeaveTheTextIntactAndUnmarked() {
        let draft = "Short draft."
        var finding = Self.finding("Short", in: draft)
        finding = Finding(verdict: finding.verdict, severity: finding.severity, kind: finding.kind, rule: finding.rule,
                          message: finding.message,
                          claim: Passage(text: "x", value: finding.claim.value,
                                         location: TextLocation(offset: 200, line: 1, column: 201), length: 3, sentence: "x"),
                          evidence: [])
        let html = render([DraftReport(path: "d.txt", findings: [finding], text: draft)])
        #expect(html.contains("<p>Short draft.</p>"))
        #expect(html.contains("id=\"f1\""))
    }

    @Test func severalDraftsGiveOnePageEachAndAnIndex() {
        let one = DraftReport(path: "a/draft.md", findings: [], text: "No claims here.")
        let two = DraftReport(path: "b/draft.md", findings: [Self.finding("18 prisoners", in: "18 prisoners.")], text: "18 prisoners.")
        let three = DraftReport(path: "index.txt", findings: [], text: "Also none.")
        let pages = HTMLReporter(templates: Self.templates).generatePages([one, two, three], version: "9.9.9", date: Self.date)
        #expect(pages.map(\.fileName) == ["draft.html", "draft-2.html", "index-2.html", "index.html"])
        let index = pages[3].html
        #expect(index.contains("<a href=\"draft.html\">a/draft.md</a>"))
        #expect(index.contains("<span class=\"flag\" aria-label=\"has contradictions\">✗ </span><a href=\"draft-2.html\">b/draft.md</a>"))
        #expect(pages[0].html.contains("<a class=\"back\" href=\"index.html\">"))
        #expect(pages[0].html.contains("No checkable claims"))
        let single = HTMLReporter(templates: Self.templates).generatePages([one], version: "9.9.9", date: Self.date)
        #expect(single.map(\.fileName) == ["draft.html"])
        #expect(!single[0].html.contains("class=\"back\""))
    }

    @Test func pageNamesAreSafeFileNames() {
        #expect(HTMLPage.fileName(forDraft: "Examples/drafts/belarus-errors.md") == "belarus-errors.html")
        #expect(HTMLPage.fileName(forDraft: "-") == "stdin.html")
        #expect(HTMLPage.fileName(forDraft: "news/Zenkovich sentence <v2>.txt") == "Zenkovich-sentence--v2-.html")
        #expect(HTMLPage.fileName(forDraft: ".hidden") == ".hidden.html")
    }

    @Test func aBrokenTemplateNamesItsLine() {
        #expect(throws: InputError.self) { try HTMLTemplates(["report": "ok\n{{#open}}\nnever closed", "index": ""]) }
        do {
            _ = try HTMLTemplates(["report": "line one\n{{#a}}x{{/b}}", "index": ""])
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "report.mustache")
            #expect(error.line == 2)
        }
        #expect(throws: InputError.self) { try HTMLTemplates(["report": "only a report"]) }
    }
}
