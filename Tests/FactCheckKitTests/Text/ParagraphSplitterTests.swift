import Testing
@testable import FactCheckKit

@Suite struct ParagraphSplitterTests {
    private func paragraphs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ParagraphSplitter.paragraphs(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func splitsAtBlankLines() {
        #expect(paragraphs("One.\nStill one.\n\nTwo.\n") == ["One.\nStill one.", "Two."])
    }

    @Test func linesOfSpacesTabsAndCarriageReturnsAreBlank() {
        #expect(paragraphs("One.\r\n \t\r\n\n  Two.  \r\n") == ["One.", "Two."])
    }

    @Test func blankTextHasNoParagraphs() {
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
