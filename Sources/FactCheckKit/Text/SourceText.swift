import Foundation

/// A text with the indexes that turn PCRE2's UTF-8 byte offsets into Unicode-scalar offsets and 1-based
/// line and column numbers. Every location a finding reports is computed here, once.
public struct SourceText: Sendable {
    /// The text.
    public let string: String
    /// The text's UTF-8 bytes, the subject patterns run over.
    public let bytes: [UInt8]
    /// `scalarOffsets[b]` is the number of Unicode scalars before byte `b` (one entry past the end); nil for a text
    /// of ASCII alone, where that is `b`. Most copy is ASCII: an array of four bytes per byte of text, filled by a
    /// loop over every byte, made building a fact base spend 23 million instructions per 1,000 archive documents
    /// here (callgrind), 6 million without.
    private let scalarOffsets: [Int32]?
    /// Byte offsets where lines start.
    private let lineStarts: [Int]
    /// The text starts with a UTF-8 byte order mark, which is no column of the first line.
    private let startsWithByteOrderMark: Bool

    public init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        self.bytes = bytes
        var lines = [0]
        let isASCII = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            // Line feeds found by memchr, then the bytes' high bits tested eight at a time.
            var index = 0
            while index < buffer.count, let found = memchr(base + index, 0x0A, buffer.count - index) {
                index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
                lines.append(index)
            }
            // Old Mac files end lines with CR alone; a text without CR (nearly all) is not scanned again.
            if memchr(base, 0x0D, buffer.count) != nil {
                lines = [0]
                for index in buffer.indices {
                    let byte = buffer[index]
                    if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
                        lines.append(index + 1)
                    }
                }
            }
            return Self.isASCII(buffer)
        }
        lineStarts = lines
        startsWithByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        guard !isASCII else {
            scalarOffsets = nil
            return
        }
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        var scalars: Int32 = 0
        for (index, byte) in bytes.enumerated() {
            offsets[index] = scalars
            // A scalar starts at every byte that is not a UTF-8 continuation byte.
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        offsets[bytes.count] = scalars
        scalarOffsets = offsets
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        var highBits: UInt64 = 0
        while index + 8 <= raw.count {
            highBits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            highBits |= UInt64(raw[index])
            index += 1
        }
        return highBits & 0x8080_8080_8080_8080 == 0
    }

    /// The number of Unicode scalars before byte `byte`.
    private func scalarOffset(ofByte byte: Int) -> Int {
        scalarOffsets.map { Int($0[byte]) } ?? byte
    }

    /// Number of Unicode scalars in the text.
    public var scalarCount: Int { scalarOffset(ofByte: bytes.count) }

    /// The location of a byte offset.
    public func location(ofByte byte: Int) -> TextLocation {
        let clamped = min(max(0, byte), bytes.count)
        let line = lineIndex(ofByte: clamped)
        let offset = scalarOffset(ofByte: clamped)
        var column = offset - scalarOffset(ofByte: lineStarts[line]) + 1
        if line == 0, startsWithByteOrderMark, clamped >= 3 { column -= 1 }
        return TextLocation(offset: offset, line: line + 1, column: column)
    }

    /// The number of Unicode scalars in a byte range.
    public func scalarLength(of range: Range<Int>) -> Int {
        scalarOffset(ofByte: range.upperBound) - scalarOffset(ofByte: range.lowerBound)
    }

    /// The text of a byte range.
    public func text(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of one line (1-based), without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        // Without the byte order mark, which is no column (`location(ofByte:)`).
        let start = number == 1 && startsWithByteOrderMark ? min(3, bytes.count) : lineStarts[number - 1]
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
