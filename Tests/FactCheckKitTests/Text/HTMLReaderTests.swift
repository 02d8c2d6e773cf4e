import Foundation
import Testing
@testable import FactCheckKit

@Suite struct HTMLReaderTests {
    private func readable(_ html: String) -> String {
        String(decoding: HTMLReader.read(Array(html.utf8)).readable, as: UTF8.self)
    }

    @Test func blockElementsBecomeParagraphsAndBrALineBreak() {
        #expect(readable("<p>One.</p><p>Two.</p>") == "One.\n\nTwo.")
        #expect(readable("<h1>Title</h1>\n<div>Body <b>bold</b> text.<br>Next line.</div>") == "Title\n\nBody bold text.\nNext line.")
        #expect(readable("<ul><li>first</li><li>second</li></ul>") == "first\n\nsecond")
        #expect(readable("<table><tr><td>Released</td><td>16</td></tr></table>") == "Released\n16")
        // Inline tags join words as written; source line breaks inside a paragraph are blanks.
        #expect(readable("<p>sen<i>ten</i>ced to\n   11\tyears</p>") == "sentenced to 11 years")
    }

    @Test func decodesCharacterReferences() {
        #expect(readable("<p>A&amp;B &lt;3 &gt; &quot;q&quot; it&rsquo;s it&#8217;s it&#x2019;s &euro;5 caf&eacute;</p>")
            == "A&B <3 > \"q\" it\u{2019}s it\u{2019}s it\u{2019}s \u{20AC}5 caf\u{E9}")
        // A no-break space reads as a space; invisible characters vanish; C1 codes are read as windows-1252.
        #expect(readable("16&nbsp;prisoners, 1,&shy;300, &#146;90s") == "16 prisoners, 1,300, \u{2019}90s")
        // Not references: they stay as written.
        #expect(readable("AT&T, R&D; &unknown; &#; &") == "AT&T, R&D; &unknown; &#; &")
        #expect(readable("&#0; &#xD800; &#99999999999;") == "\u{FFFD} \u{FFFD} \u{FFFD}")
    }

    @Test func dropsWhatIsNotTheArticle() {
        let html = """
            <html><head><title>T 99</title><style>b > i { x: 1 }</style><meta name="date" content="2025-08-16"></head>
            <body><script>if (a < b && 99 > 1) { document.write("<p>98</p>") }</script><!-- 97 comment -->
            <template><p>96</p></template><noscript>95</noscript><p>Kept 16.</p></body></html>
            """
        #expect(readable(html) == "Kept 16.")
    }

    @Test func readsTheDateAndTitle() {
        let meta = HTMLReader.read(Array("<head><title>A &amp; B</title><meta property='article:published_time' content='2025-08-16T09:00:00Z'></head><p>x</p>".utf8))
        #expect(meta.date == DateValue(year: 2025, month: 8, day: 16))
        #expect(meta.metadata["title"] == "A & B")
        let time = HTMLReader.read(Array("<p>Published <time datetime=\"2025-08-14\">Thursday</time>.</p>".utf8))
        #expect(time.date == DateValue(year: 2025, month: 8, day: 14))
        #expect(HTMLReader.read(Array("<p>no date</p>".utf8)).date == nil)
    }

    @Test func toleratesMalformedMarkup() {
        #expect(readable("<p title=\"a > b\" data-x='>'>Text</p>") == "Text")
        #expect(readable("a < b and 3<4, <3 love") == "a < b and 3<4, <3 love")
        #expect(readable("before<![CDATA[ 16 < 18 ]]>after") == "before 16 < 18 after")
        #expect(readable("Text <!-- never closed") == "Text")
        #expect(readable("Text <p class=\"never closed") == "Text")
        // An element whose contents are skipped but that never ends hides nothing after it.
        #expect(readable("<script>x = 1; <p>Still 16 here.</p>") == "x = 1;\n\nStill 16 here.")
        #expect(readable("<svg viewBox='0 0 1 1'/><p>After an icon.</p>") == "After an icon.")
        // "</ p>" is not an end tag: kept as text rather than guessed away.
        #expect(readable("</>< / p>text</ p >") == "</>< / p>text</ p >")
        #expect(readable("") == "")
    }

    @Test func keepsPreformattedText() {
        #expect(readable("<pre>a  b\nc</pre><p>d</p>") == "a  b\nc\n\nd")
    }

    @Test func offsetMapPointsEveryReadableByteAtItsSource() {
        let html = "<p class=\"x\">Tom &amp; Jerry <b>freed</b>&nbsp;16</p>\n<p>caf&eacute; au lait</p>"
        let reading = HTMLReader.read(Array(html.utf8))
        let original = Array(html.utf8)
        let readable = String(decoding: reading.readable, as: UTF8.self)
        func source(of text: String) -> String {
            let range = try! #require(readable.range(of: text))
            let start = readable.utf8.distance(from: readable.utf8.startIndex, to: range.lowerBound)
            let span = reading.offsetMap.originalRange(of: start..<(start + text.utf8.count))
            return String(decoding: original[span], as: UTF8.self)
        }
        #expect(source(of: "Tom") == "Tom")
        #expect(source(of: "&") == "&amp;")
        #expect(source(of: "Jerry freed") == "Jerry <b>freed")
        #expect(source(of: "freed 16") == "freed</b>&nbsp;16")
        #expect(source(of: "caf\u{E9}") == "caf&eacute;")
        #expect(source(of: "16\n\ncaf") == "16</p>\n<p>caf")
    }

    /// Random soups of HTML fragments: the reader never fails, its text is valid UTF-8, and its map is monotone,
    /// within the original, and sends every copied byte to an equal byte.
    @Test func fuzzedInputKeepsTheMapSound() {
        let fragments = ["<p>", "</p>", "<b>", "</b>", "<br/>", "<div class='a>b'>", "</div>", "&amp;", "&nbsp;", "&#8217;",
                         "&#x1F600;", "&bogus;", "&", "<", ">", "<!--", "-->", "<script>", "</script>", "<![CDATA[", "]]>",
                         "16 prisoners", " ", "\n", "\n\n", "caf\u{E9}", "\u{1F600}", "\"", "'", "<p title=\"", "<!DOCTYPE html>",
                         "<head>", "</head>", "<pre>", "</pre>", "<title>", "</title>", "<li>", "&#0;", "&#xFFFFFFFF;"]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<400 {
            let count = Int.random(in: 1...30, using: &generator)
            let html = (0..<count).map { _ in fragments.randomElement(using: &generator)! }.joined()
            let original = Array(html.utf8)
            let reading = HTMLReader.read(original)
            #expect(String(validating: reading.readable, as: UTF8.self) != nil, "\(html)")
            var previousEnd = 0
            for piece in reading.offsetMap.pieces {
                #expect(piece.originalStart >= previousEnd, "map not monotone for \(html)")
                previousEnd = piece.originalStart + piece.originalLength
                #expect(previousEnd <= original.count)
                if piece.isCopy {
                    let copied = reading.readable[piece.readableStart..<(piece.readableStart + piece.readableLength)]
                    #expect(Array(copied) == Array(original[piece.originalStart..<previousEnd]), "\(html)")
                }
            }
            let pieceBytes = reading.offsetMap.pieces.reduce(0) { $0 + $1.readableLength }
            #expect(pieceBytes == reading.readable.count, "every readable byte has a source: \(html)")
        }
    }
}

/// A small deterministic random generator (SplitMix64), so fuzz tests fail the same way every time.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// HTML written to wear the reader down or to hide what a claim says (issue 24).
@Suite struct HTMLReaderHostileInputTests {
    /// 40,000 unclosed `<script>` tags: each searched to the end of the text made this quadratic (11.6 s).
    @Test func unclosedRawTextTagsAreReadInOnePass() {
        let html = Array((String(repeating: "<script>x", count: 40_000) + "<style>" + String(repeating: "<style>y", count: 40_000)
            + "<p>16 prisoners</p>").utf8)
        let started = ContinuousClock.now
        let reading = HTMLReader.read(html)
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(String(decoding: reading.readable, as: UTF8.self).hasSuffix("16 prisoners"))
    }

    @Test func invisibleCharactersAreReadThrough() {
        let reading = HTMLReader.read(Array("<p>1\u{200B}8 pris&shy;oners on August \u{202E}41\u{202C}</p>".utf8))
        #expect(String(decoding: reading.readable, as: UTF8.self) == "18 prisoners on August 41")
    }
}
