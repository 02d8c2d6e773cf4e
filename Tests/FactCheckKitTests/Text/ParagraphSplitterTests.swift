import Testing
@testable import FactCheckKit

@Suite struct ParagraphSplitterTests {
    private func paragraphs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ParagraphSplitter.paragraphs(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func splitsAtBlankLines() {
        #expect(paragraphs("One\nstill one.\n\nTwo.\n \t\nThree.") == ["One\nstill one.", "Two.", "Three."])
    }

    @Test func trimsBlanksAroundParagraphs() {
        #expect(paragraphs("\n\n   One.  \n\n\n  Two.\n\n") == ["One.", "Two."])
        #expect(paragraphs("One.\r\n\r\nTwo.\r\n") == ["One.", "Two."])
    }

    @Test func emptyAndBlankTextHaveNoParagraphs() {
        #expect(paragraphs("").isEmpty)
        #expect(paragraphs(" \n\t\n  ").isEmpty)
        #expect(paragraphs("x") == ["x"])
    }

    @Test func rangesArePlacesInTheText() {
        let bytes = Array("ab\n\ncd".utf8)
        #expect(ParagraphSplitter.paragraphs(in: bytes) == [0..<2, 4..<6])
    }

    @Test func linesOfSpacesTabsAndCarriageReturnsAreBlank() {
        #expect(paragraphs("One.\r\n \t\r\n\n  Two.  \r\n") == ["One.", "Two."])
    }

    @Test func blankLinesOnlyHaveNoParagraphs() {
        #expect(paragraphs("").isEmpty)
        #expect(paragraphs(" \n\n\t\n").isEmpty)
    }

    @Test func lastParagraphWithoutLineBreakEndsAtTheText() {
        let text = "\n\nFirst\n\n\nLast words"
        let ranges = ParagraphSplitter.paragraphs(in: Array(text.utf8))
        #expect(ranges == [2..<7, 10..<20])
    }

    @Test func countsBytesNotCharacters() {
        // "é" is two UTF-8 bytes: ranges are byte offsets, as every readable-text offset is.
        #expect(ParagraphSplitter.paragraphs(in: Array("é\n\nb".utf8)) == [0..<2, 4..<5])
    }
}
