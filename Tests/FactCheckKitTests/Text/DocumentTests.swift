import Foundation
import Testing
@testable import FactCheckKit

@Suite struct DocumentTests {
    @Test func readsFrontMatterDateAndBlanksIt() throws {
        let document = try Document(path: "a.md", text: "---\ndate: 2025-08-15\ntitle: x\n---\nHe left.\n")
        #expect(document.date == DateValue(year: 2025, month: 8, day: 15))
        #expect(document.readable.count == document.original.bytes.count)
        #expect(document.sentences.count == 1)
        #expect(document.readableText(of: document.sentences[0].range) == "He left.")
    }

    @Test func blanksMarkdownButKeepsOffsets() throws {
        let text = "# Title\n\nHe freed **16** [prisoners](http://x.y/1).\n\n```\ncode 99\n```\n"
        let document = try Document(path: "a.md", text: text)
        #expect(document.readable.count == text.utf8.count)
        let readable = String(decoding: document.readable, as: UTF8.self)
        #expect(!readable.contains("99"))
        #expect(!readable.contains("http"))
        #expect(readable.contains("He freed   16    prisoners"))
    }

    /// `readableText` collapses every run of blanks to one space and drops leading and trailing ones, for any
    /// range, also one that cuts a character beyond ASCII (repaired as String(decoding:) repairs it).
    @Test func readableTextCollapsesBlanksInEveryRange() throws {
        let text = "  He\t left\n\n on 15 Aug.\r\n  Łódź   東京 —  done.  \n"
        let document = try Document(path: "a.txt", text: text)
        let bytes = document.readable
        func reference(_ range: Range<Int>) -> String {
            var collapsed: [UInt8] = []
            for byte in bytes[range] {
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    if let last = collapsed.last, last != 0x20 { collapsed.append(0x20) }
                } else {
                    collapsed.append(byte)
                }
            }
            if collapsed.last == 0x20 { collapsed.removeLast() }
            return String(decoding: collapsed, as: UTF8.self)
        }
        for start in 0...bytes.count {
            for end in start...bytes.count {
                #expect(Array(document.readableText(of: start..<end).utf8) == Array(reference(start..<end).utf8),
                        "\(start)..<\(end)")
            }
        }
    }

    @Test func rejectsMalformedFrontMatter() {
        #expect(throws: InputError.self) { try Document(path: "a.md", text: "---\ndate: [\n---\nText.") }
        #expect(throws: InputError.self) { try Document(path: "a.md", text: "---\ndate: 2025-08-15\nText.") }
        #expect(throws: InputError.self) { try Document(path: "a.md", text: "---\ndate: soon\n---\nText.") }
    }

    @Test func loaderRejectsBadInput() throws {
        let loader = DocumentLoader(maximumBytes: 64)
        #expect(throws: InputError.self) { try loader.document(path: "e", data: Data("  \n".utf8)) }
        #expect(throws: InputError.self) { try loader.document(path: "b", data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])) }
        #expect(throws: InputError.self) { try loader.document(path: "big", data: Data(repeating: 0x41, count: 65)) }
        #expect(throws: InputError.self) { try loader.load(path: "/nonexistent/draft.txt") }
        do {
            _ = try loader.document(path: "latin1.txt", data: Data([0x61, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("offset 5"))
        }
    }
}
