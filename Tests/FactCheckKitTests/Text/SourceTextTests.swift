import Testing
@testable import FactCheckKit

@Suite struct SourceTextTests {
    @Test func locationsCountUnicodeScalars() {
        let text = SourceText("Élan “quoted” 16\nnext – line 18")
        let sixteen = Array(text.string.utf8).firstIndex(of: UInt8(ascii: "1"))!
        #expect(text.location(ofByte: sixteen) == TextLocation(offset: 14, line: 1, column: 15))
        let eighteen = text.bytes.lastIndex(of: UInt8(ascii: "1"))!
        #expect(text.location(ofByte: eighteen) == TextLocation(offset: 29, line: 2, column: 13))
        #expect(text.scalarLength(of: sixteen..<(sixteen + 2)) == 2)
    }

    @Test func readsLinesWithoutBreaks() {
        let text = SourceText("one\r\ntwo\nthree")
        #expect(text.line(1) == "one")
        #expect(text.line(2) == "two")
        #expect(text.line(3) == "three")
        #expect(text.line(4) == "")
    }

    @Test func locationOfEndOfText() {
        let text = SourceText("ab")
        #expect(text.location(ofByte: 2) == TextLocation(offset: 2, line: 1, column: 3))
    }
}
