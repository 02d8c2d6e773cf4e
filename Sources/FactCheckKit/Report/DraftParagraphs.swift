/// The draft's text as the HTML report shows it: paragraphs as the writer made them (split at blank lines), each
/// a run of plain text and claim marks placed by `claim.location.offset` and `claim.length`, which count Unicode
/// scalars of `DraftReport.text`.
struct DraftParagraphs {
    /// One paragraph of the draft.
    struct Paragraph {
        /// The draft's YAML front matter, shown apart from the article.
        let frontMatter: Bool
        /// A Markdown heading ("# ..."), shown bold; its `#` stays, since the report shows the text as written.
        let heading: Bool
        let segments: [Segment]
    }

    /// Plain text, or the text of one claim.
    struct Segment {
        let text: String
        let claim: ClaimMark?
    }

    /// What a claim's mark needs: the finding it links to and its verdict.
    struct ClaimMark {
        /// 1-based number of the finding, which names the mark (`c3`) and its card (`f3`).
        let number: Int
        let verdict: String
        let label: String
        let symbol: String
        let kind: String
        /// The finding's message, as a tooltip.
        let title: String
    }

    let paragraphs: [Paragraph]

    /// Cuts `text` into paragraphs and marks every finding's claim. A claim whose span lies outside the text or
    /// overlaps an earlier one is left unmarked (its card still lists it), so a bad offset never garbles the page.
    init(text: String, findings: [Finding]) {
        let scalars = Array(text.unicodeScalars)
        let spans = Self.spans(of: findings, within: scalars.count)
        var paragraphs: [Paragraph] = []
        var segments: [Segment] = []
        var plain = String.UnicodeScalarView()

        func flushPlain() {
            if !plain.isEmpty { segments.append(Segment(text: String(plain), claim: nil)) }
            plain = String.UnicodeScalarView()
        }
        func closeParagraph() {
            flushPlain()
            guard !segments.isEmpty else { return }
            let heading = segments.first.map { $0.claim == nil && $0.text.hasPrefix("#") } ?? false
            paragraphs.append(Paragraph(frontMatter: false, heading: heading, segments: segments))
            segments = []
        }

        var index = Self.frontMatterEnd(in: scalars)
        if index > 0 {
            let block = String(String.UnicodeScalarView(scalars[0..<index]))
            paragraphs.append(Paragraph(frontMatter: true, heading: false, segments: [Segment(text: block, claim: nil)]))
        }
        var spanIndex = 0
        while index < scalars.count {
            while spanIndex < spans.count && spans[spanIndex].range.lowerBound < index { spanIndex += 1 }
            if spanIndex < spans.count, spans[spanIndex].range.lowerBound == index {
                let span = spans[spanIndex]
                flushPlain()
                segments.append(Segment(text: String(String.UnicodeScalarView(scalars[span.range])), claim: span.mark))
                index = span.range.upperBound
                spanIndex += 1
                continue
            }
            if scalars[index] == "\n", let next = Self.paragraphBreakEnd(in: scalars, from: index) {
                closeParagraph()
                index = next
                continue
            }
            plain.append(scalars[index])
            index += 1
        }
        closeParagraph()
        self.paragraphs = paragraphs
    }

    private static func spans(of findings: [Finding], within count: Int) -> [(range: Range<Int>, mark: ClaimMark)] {
        let numbered = findings.enumerated().map { (number: $0.offset + 1, finding: $0.element) }
            .sorted { ($0.finding.claim.location.offset, $0.number) < ($1.finding.claim.location.offset, $1.number) }
        var spans: [(range: Range<Int>, mark: ClaimMark)] = []
        var end = 0
        for (number, finding) in numbered {
            let start = finding.claim.location.offset
            let stop = start + finding.claim.length
            guard start >= end, stop > start, stop <= count else { continue }
            let mark = ClaimMark(number: number, verdict: finding.verdict.rawValue, label: finding.verdict.label,
                                 symbol: finding.verdict.symbol, kind: finding.kind, title: finding.message)
            spans.append((start..<stop, mark))
            end = stop
        }
        return spans
    }

    /// Where a blank-line run that starts at the newline `index` ends, or nil if the newline is only a line break
    /// inside a paragraph.
    private static func paragraphBreakEnd(in scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var cursor = index + 1
        var newlines = 1
        while cursor < scalars.count, [" ", "\t", "\r", "\n"].contains(scalars[cursor]) {
            if scalars[cursor] == "\n" { newlines += 1 }
            cursor += 1
        }
        return newlines >= 2 || cursor == scalars.count ? cursor : nil
    }

    /// The scalar offset just past a leading `---` ... `---` front-matter block, or 0 when there is none.
    private static func frontMatterEnd(in scalars: [Unicode.Scalar]) -> Int {
        let lines = LineCursor(scalars)
        guard let first = lines.line(at: 0), first.text == "---" else { return 0 }
        var start = first.next
        while let line = lines.line(at: start) {
            if line.text == "---" || line.text == "..." { return line.next }
            start = line.next
        }
        return 0
    }

    /// Reads a scalar array line by line, without copying the whole text.
    private struct LineCursor {
        let scalars: [Unicode.Scalar]

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        /// The line starting at `start` (without its line break and trailing carriage return) and where the next
        /// one starts; nil past the end.
        func line(at start: Int) -> (text: String, next: Int)? {
            guard start < scalars.count else { return nil }
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            var textEnd = end
            if textEnd > start, scalars[textEnd - 1] == "\r" { textEnd -= 1 }
            return (String(String.UnicodeScalarView(scalars[start..<textEnd])), min(end + 1, scalars.count))
        }
    }
}
