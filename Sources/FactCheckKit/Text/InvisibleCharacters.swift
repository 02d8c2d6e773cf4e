/// Format characters a reader does not see, which a draft pasted from the web or planted by someone may hold:
/// zero-width spaces and joiners (`1<U+200B>8 prisoners` looks like "18 prisoners"), the soft hyphen, the byte
/// order mark, and the bidirectional marks, embeddings, overrides and isolates (`August <U+202E>41<U+202C>` looks
/// like "August 14"). Rules read through them, as a careful editor would read the characters themselves; the
/// text report shows them written out (`TerminalText`), so that the editor sees what was read.
enum InvisibleCharacters {
    /// The length of the UTF-8 bytes of an invisible character at `index`, or 0 when there is none there.
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        guard first == 0xE2 || first == 0xEF || first == 0xC2 || first == 0xD8 || first == 0xE1 else { return 0 }
        if first == 0xC2 || first == 0xD8 {
            // U+00AD soft hyphen, U+061C Arabic letter mark.
            guard index + 1 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            return (first == 0xC2 && second == 0xAD) || (first == 0xD8 && second == 0x9C) ? 2 : 0
        }
        guard index + 2 < bytes.count else { return 0 }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        switch (first, second) {
        case (0xE2, 0x80):
            // U+200B...U+200F, U+202A...U+202E.
            return (0x8B...0x8F).contains(third) || (0xAA...0xAE).contains(third) ? 3 : 0
        case (0xE2, 0x81):
            // U+2060...U+2064, U+2066...U+2069.
            return (0xA0...0xA4).contains(third) || (0xA6...0xA9).contains(third) ? 3 : 0
        case (0xEF, 0xBB):
            return third == 0xBF ? 3 : 0  // U+FEFF
        case (0xE1, 0xA0):
            return third == 0x8E ? 3 : 0  // U+180E Mongolian vowel separator
        default:
            return 0
        }
    }

    /// `bytes` without their invisible characters, and where each byte left came from; nil when there are none
    /// (nearly always), so that a text keeps the identity map.
    static func removed(from bytes: [UInt8]) -> (readable: [UInt8], map: OffsetMap)? {
        bytes.withUnsafeBufferPointer { buffer -> (readable: [UInt8], map: OffsetMap)? in
            var readable: [UInt8] = []
            var map = OffsetMap(pieces: [])
            var copiedUpTo = 0
            var index = 0
            while index < buffer.count {
                // Every invisible character starts with a byte of 0xC2 or more; ASCII is passed over quickly.
                guard buffer[index] >= 0xC2 else {
                    index += 1
                    continue
                }
                let length = length(in: buffer, at: index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                if readable.isEmpty { readable.reserveCapacity(buffer.count) }
                map.append(readableStart: readable.count, readableLength: index - copiedUpTo, originalStart: copiedUpTo,
                           originalLength: index - copiedUpTo, isCopy: true)
                readable.append(contentsOf: buffer[copiedUpTo..<index])
                index += length
                copiedUpTo = index
            }
            guard copiedUpTo > 0 else { return nil }
            map.append(readableStart: readable.count, readableLength: buffer.count - copiedUpTo,
                       originalStart: copiedUpTo, originalLength: buffer.count - copiedUpTo, isCopy: true)
            readable.append(contentsOf: buffer[copiedUpTo...])
            return (readable, map)
        }
    }
}
