/// A 128-bit fingerprint of bytes (two FNV-1a lanes), printed as 32 hex digits: enough to tell a changed
/// source file or rule file from an unchanged one. Not a cryptographic hash: nobody is attacking the archive.
public struct ContentHash: Sendable {
    private var lane1: UInt64 = 0xcbf2_9ce4_8422_2325
    private var lane2: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    /// The hash of one byte sequence.
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.hexDigits
    }

    /// Mixes more bytes in.
    public mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        var first = lane1, second = lane2
        // The fast path: contiguous storage, no iterator per byte.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 ^ (second >> 29)
            }
        }
        if done == nil {
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 ^ (second >> 29)
            }
        }
        lane1 = first
        lane2 = second
    }

    /// The hash so far as 32 lower-case hex digits.
    public var hexDigits: String {
        // Written digit by digit into the string's storage: every stored fact is named by one.
        String(unsafeUninitializedCapacity: 32) { buffer in
            for nibble in 0..<16 {
                let shift = UInt64(60 - 4 * nibble)
                buffer[nibble] = Self.hexDigitBytes[Int((lane1 >> shift) & 0xF)]
                buffer[16 + nibble] = Self.hexDigitBytes[Int((lane2 >> shift) & 0xF)]
            }
            return 32
        }
    }

    private static let hexDigitBytes = Array("0123456789abcdef".utf8)
}
