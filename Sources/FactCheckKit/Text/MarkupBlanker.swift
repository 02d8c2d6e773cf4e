/// Blanks out markup with spaces, keeping every byte offset (and every line break) where it was, so that no offset
/// map is needed between the original text and the text rules read.
enum MarkupBlanker {
    private static let space: UInt8 = 0x20
    private static let newline: UInt8 = 0x0A

    /// Replaces every byte in `range` with a space, except line breaks.
    static func blank(_ range: Range<Int>, in bytes: inout [UInt8]) {
        for index in range where bytes[index] != newline {
            bytes[index] = space
        }
    }

    /// Blanks Markdown syntax: fenced code blocks, heading marks, emphasis marks, link targets and HTML comments.
    static func blankMarkdown(in bytes: inout [UInt8]) {
        var lineStart = 0
        var inFence = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            let line = lineStart..<lineEnd
            var firstText = lineStart
            while firstText < lineEnd, bytes[firstText] == space { firstText += 1 }
            let isFence = bytes[firstText..<lineEnd].starts(with: Array("```".utf8))
                || bytes[firstText..<lineEnd].starts(with: Array("~~~".utf8))
            if isFence || inFence {
                // Code is not prose: nothing in it is a claim.
                blank(line, in: &bytes)
                if isFence { inFence.toggle() }
            } else {
                blankInline(line, in: &bytes)
            }
            lineStart = lineEnd + 1
        }
    }

    private static func blankInline(_ line: Range<Int>, in bytes: inout [UInt8]) {
        var index = line.lowerBound
        // Heading marks, block quotes and list bullets at the start of the line.
        while index < line.upperBound, [UInt8(ascii: "#"), UInt8(ascii: ">"), space].contains(bytes[index]) {
            bytes[index] = space
            index += 1
        }
        if index + 1 < line.upperBound, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]),
           bytes[index + 1] == space {
            bytes[index] = space
        }
        index = line.lowerBound
        while index < line.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "`"):
                bytes[index] = space
            case UInt8(ascii: "_"):
                // Underscores inside words (snake_case) are text; at word edges they are emphasis.
                let before = index > line.lowerBound ? bytes[index - 1] : space
                let after = index + 1 < line.upperBound ? bytes[index + 1] : space
                if !isWordByte(before) || !isWordByte(after) { bytes[index] = space }
            case UInt8(ascii: "!") where index + 1 < line.upperBound && bytes[index + 1] == UInt8(ascii: "["):
                bytes[index] = space
            case UInt8(ascii: "["):
                bytes[index] = space
            case UInt8(ascii: "]") where index + 1 < line.upperBound && bytes[index + 1] == UInt8(ascii: "("):
                // "](target)" — the link target is not prose.
                var end = index + 1
                while end < line.upperBound, bytes[end] != UInt8(ascii: ")") { end += 1 }
                blank(index..<min(end + 1, line.upperBound), in: &bytes)
                index = end
            case UInt8(ascii: "]"):
                bytes[index] = space
            case UInt8(ascii: "<") where bytes[index..<line.upperBound].starts(with: Array("<!--".utf8)):
                var end = index + 4
                while end + 2 < line.upperBound, !bytes[end..<line.upperBound].starts(with: Array("-->".utf8)) {
                    end += 1
                }
                blank(index..<min(end + 3, line.upperBound), in: &bytes)
                index = end + 2
            default:
                break
            }
            index += 1
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
