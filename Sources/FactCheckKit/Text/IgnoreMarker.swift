/// `<!-- factcheck-ignore -->` on a line of its own silences the paragraph that follows it, up to the next blank
/// line: its claims are not checked and not reported (the summary counts them as ignored). The marker is an HTML
/// comment so that it is invisible in Markdown and HTML, and it works in plain text too.
public enum IgnoreMarker {
    /// The marker as an editor writes it; spaces inside the comment are optional.
    public static let text = "<!-- factcheck-ignore -->"

    /// The readable byte ranges that the document's markers silence.
    public static func silencedRanges(in document: Document) -> [Range<Int>] {
        let markerEnds = lineEndsOfMarkers(in: document.original.bytes)
        guard !markerEnds.isEmpty else { return [] }
        let paragraphs = ParagraphSplitter.paragraphs(in: document.readable)
        return markerEnds.compactMap { originalEnd in
            let markerEnd = document.readableOffset(ofOriginal: originalEnd)
            // In plain text the marker line is itself text, so it starts the paragraph it silences: silence what
            // follows the marker. In Markdown the comment is blanked, and the next paragraph is the one silenced.
            guard let paragraph = paragraphs.first(where: { $0.upperBound > markerEnd }) else { return nil }
            return max(paragraph.lowerBound, markerEnd)..<paragraph.upperBound
        }
    }

    /// The byte offset of the end of every line of `original` that holds the marker and nothing else.
    /// Found in the original text because readers blank or drop comments from the readable text.
    static func lineEndsOfMarkers(in original: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var lineStart = 0
        while lineStart < original.count {
            var lineEnd = lineStart
            while lineEnd < original.count, original[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if isMarker(original[lineStart..<lineEnd]) { ends.append(lineEnd) }
            lineStart = lineEnd + 1
        }
        return ends
    }

    private static func isMarker(_ line: ArraySlice<UInt8>) -> Bool {
        // Cheap test first: almost no line starts with "<!--".
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard let first = words.first, first.hasPrefix("<!--") else { return false }
        let squeezed = words.joined()
        return squeezed == "<!--factcheck-ignore-->"
    }
}
