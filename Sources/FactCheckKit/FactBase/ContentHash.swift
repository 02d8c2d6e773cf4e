/// A 128-bit fingerprint of bytes (two FNV-1a lanes), printed as 32 hex digits: enough to tell a changed
/// source file or rule file from an unchanged one. Not a cryptographic hash: nobody is attacking the archive.
public struct ContentHash: Sendable {
    private var lane1: UInt64 = 0xcbf2_9ce4_8422_2325
    private var lane2: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    /// The hash of one byte sequence.
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        digest(of: bytes).hexDigits
    }

    /// The hash of one byte sequence as two integers: a key that hashes and compares cheaper than its hex digits.
    public static func digest<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> Digest {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.digest
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

    /// The hash so far.
    public var digest: Digest { Digest(lane1: lane1, lane2: lane2) }

    /// The hash so far as 32 lower-case hex digits.
    public var hexDigits: String { digest.hexDigits }

    /// A finished hash: the two lanes. The fact store's writer keys the claims it has met by it rather than by
    /// the 32-digit string, which costs a String hash on every fact (issue 7).
    public struct Digest: Hashable, Sendable {
        public var lane1: UInt64
        public var lane2: UInt64

        public init(lane1: UInt64, lane2: UInt64) {
            self.lane1 = lane1
            self.lane2 = lane2
        }

        /// Reads the 32 hex digits `hexDigits` writes (either case); nil for anything else.
        public init?(hexDigits: String) {
            let digits = Array(hexDigits.utf8)
            guard digits.count == 32 else { return nil }
            var lanes: (UInt64, UInt64) = (0, 0)
            for (index, digit) in digits.enumerated() {
                guard let value = Self.value(ofHexDigit: digit) else { return nil }
                if index < 16 {
                    lanes.0 = lanes.0 << 4 | UInt64(value)
                } else {
                    lanes.1 = lanes.1 << 4 | UInt64(value)
                }
            }
            self.init(lane1: lanes.0, lane2: lanes.1)
        }

        /// 32 lower-case hex digits: the first lane's, then the second's.
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

        private static func value(ofHexDigit digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
    }
}
