import NIOCore

/// Rows in the text format of `COPY ... FROM STDIN`: columns separated by tabs, rows ended by a newline,
/// backslash, tab, newline and carriage return escaped; `\N` for NULL.
struct CopyText {
    private(set) var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    private var atRowStart = true

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        atRowStart = true
    }

    private mutating func separate() {
        if !atRowStart { buffer.writeInteger(UInt8(ascii: "\t")) }
        atRowStart = false
    }

    mutating func add(_ value: Int) {
        separate()
        buffer.writeString(String(value))
    }

    mutating func add(_ value: Double) {
        separate()
        // Swift prints the shortest text that reads back as the same double; PostgreSQL spells infinity out.
        if value.isNaN {
            buffer.writeString("NaN")
        } else if value.isInfinite {
            buffer.writeString(value < 0 ? "-Infinity" : "Infinity")
        } else {
            buffer.writeString("\(value)")
        }
    }

    mutating func add(_ text: String?) {
        separate()
        guard let text else {
            buffer.writeString("\\N")
            return
        }
        writeEscaped(text)
    }

    /// A bytea, in hex (`\x...`, its backslash escaped for COPY).
    mutating func add<Bytes: Collection<UInt8>>(bytes: Bytes) {
        separate()
        buffer.writeString("\\\\x")
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        buffer.reserveCapacity(minimumWritableBytes: bytes.count * 2)
        for byte in bytes {
            buffer.writeInteger(digits[Int(byte >> 4)])
            buffer.writeInteger(digits[Int(byte & 0x0F)])
        }
    }

    /// An array literal (`{"a","b"}`), each element quoted with its quotes and backslashes escaped.
    mutating func add(array: [String]) {
        separate()
        var literal = "{"
        for (index, element) in array.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in element {
                if character == "\"" || character == "\\" { literal.append("\\") }
                literal.append(character)
            }
            literal += "\""
        }
        literal += "}"
        writeEscaped(literal)
    }

    mutating func add(array: [Int]) {
        separate()
        buffer.writeString("{" + array.map(String.init).joined(separator: ",") + "}")
    }

    private mutating func writeEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeString("\\t")
            case UInt8(ascii: "\n"): buffer.writeString("\\n")
            case UInt8(ascii: "\r"): buffer.writeString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}
