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
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(lane1) + hex(lane2)
    }
}
