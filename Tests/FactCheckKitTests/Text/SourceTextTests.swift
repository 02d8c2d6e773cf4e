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

    /// ASCII text (offsets are byte offsets) and text beyond ASCII (offsets counted per byte) give every byte the
    /// location a count of scalars and line feeds gives it, at the ends and across the eight-byte steps.
    @Test func everyByteHasTheLocationCountedScalarByScalar() {
        let texts = ["", "\n", "plain ASCII copy,\nacross three\nlines\n", "x", "ninebytes", "é", "ab\ncd é\n\nlast ‘word’",
                     "seven b\u{1F600}", String(repeating: "a\n", count: 9)]
        for string in texts {
            let text = SourceText(string)
            // Before each byte: the scalars begun (bytes that are not UTF-8 continuation bytes), the line feeds,
            // and the scalars begun since the last line feed.
            var offset = 0, line = 1, lineStartOffset = 0
            for byte in 0...text.bytes.count {
                #expect(text.location(ofByte: byte)
                            == TextLocation(offset: offset, line: line, column: offset - lineStartOffset + 1),
                        "\(string.debugDescription) byte \(byte)")
                guard byte < text.bytes.count else { break }
                if text.bytes[byte] & 0xC0 != 0x80 { offset += 1 }
                if text.bytes[byte] == 0x0A {
                    line += 1
                    lineStartOffset = offset
                }
            }
            #expect(text.scalarCount == string.unicodeScalars.count)
        }
    }
}

/// Line ends and marks a draft may carry from another system (issue 24).
@Suite struct SourceTextLineEndTests {
    @Test func carriageReturnsAloneEndLines() {
        let text = SourceText("one\rtwo\r\nthree\rfour")
        #expect(text.line(2) == "two")
        #expect(text.line(3) == "three")
        #expect(text.line(4) == "four")
        #expect(text.location(ofByte: Array(text.bytes).firstIndex(of: UInt8(ascii: "f"))!).line == 4)
    }

    @Test func aByteOrderMarkIsNoColumn() {
        let text = SourceText("\u{FEFF}16 prisoners\n18")
        #expect(text.location(ofByte: 3) == TextLocation(offset: 1, line: 1, column: 1))
        #expect(text.line(1) == "16 prisoners")
        #expect(text.location(ofByte: text.bytes.count - 2).column == 1)
    }
}
