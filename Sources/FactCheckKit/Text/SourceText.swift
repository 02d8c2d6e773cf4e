/// A text with the indexes that turn PCRE2's UTF-8 byte offsets into Unicode-scalar offsets and 1-based
/// line and column numbers. Every location a finding reports is computed here, once.
public struct SourceText: Sendable {
    /// The text.
    public let string: String
    /// The text's UTF-8 bytes, the subject patterns run over.
    public let bytes: [UInt8]
    /// `scalarOffsets[b]` is the number of Unicode scalars before byte `b` (one entry past the end).
    private let scalarOffsets: [Int32]
    /// Byte offsets where lines start.
    private let lineStarts: [Int]

    public init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        self.bytes = bytes
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        var lines = [0]
        var scalars: Int32 = 0
        for (index, byte) in bytes.enumerated() {
            offsets[index] = scalars
            // A scalar starts at every byte that is not a UTF-8 continuation byte.
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == 0x0A { lines.append(index + 1) }
        }
        offsets[bytes.count] = scalars
        scalarOffsets = offsets
        lineStarts = lines
    }

    /// Number of Unicode scalars in the text.
    public var scalarCount: Int { Int(scalarOffsets[bytes.count]) }

    /// The location of a byte offset.
    public func location(ofByte byte: Int) -> TextLocation {
        let clamped = min(max(0, byte), bytes.count)
        let line = lineIndex(ofByte: clamped)
        let offset = Int(scalarOffsets[clamped])
        let column = offset - Int(scalarOffsets[lineStarts[line]]) + 1
        return TextLocation(offset: offset, line: line + 1, column: column)
    }

    /// The number of Unicode scalars in a byte range.
    public func scalarLength(of range: Range<Int>) -> Int {
        Int(scalarOffsets[range.upperBound] - scalarOffsets[range.lowerBound])
    }

    /// The text of a byte range.
    public func text(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of one line (1-based), without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return text(of: start..<max(start, end))
    }

    private func lineIndex(ofByte byte: Int) -> Int {
        // The last line start at or before `byte`.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= byte { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// A position in a text: Unicode-scalar offset from the start, and 1-based line and column (in scalars).
public struct TextLocation: Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
