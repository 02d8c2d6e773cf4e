/// A prefix tree over bytes with ASCII letters folded to one symbol per letter, walked as PCRE2 (UTF, caseless,
/// without UCP) compares text: an ASCII letter matches its other case, k and s also KELVIN SIGN (U+212A) and
/// LONG S (U+017F), and every other byte only itself. Built here in arrays, then walked `frozen()` in raw memory,
/// so that a loop over every byte of a subject does no bounds checks and no reference counting.
/// `FragmentStartFinder` keeps the start words in one, `LiteralTrie` the required literals.
struct FoldedByteTree {
    /// The symbol of each byte (1..., an ASCII letter's cases share one), or 0 for a byte in no word.
    let symbolOfByte: [Int32]
    let symbolCount: Int
    /// `children[node * symbolCount + symbol]`: the child node, or 0 for none (the root, node 0, is no one's child).
    private(set) var children: [Int32]

    /// A tree with symbols for the bytes of `words`, which must have their ASCII letters lowercased; empty.
    init(symbolsFor words: some Sequence<[UInt8]>) {
        var symbolOfByte = [Int32](repeating: 0, count: 256)
        var symbolCount: Int32 = 1
        for byte in words.joined() where symbolOfByte[Int(byte)] == 0 {
            precondition(byte &- UInt8(ascii: "A") >= 26, "words must have their ASCII letters lowercased")
            symbolOfByte[Int(byte)] = symbolCount
            symbolCount += 1
        }
        for letter in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            symbolOfByte[Int(letter)] = symbolOfByte[Int(letter | 0x20)]
        }
        self.symbolOfByte = symbolOfByte
        self.symbolCount = Int(symbolCount)
        children = [Int32](repeating: 0, count: Int(symbolCount))
    }

    /// How many nodes the tree has, the root included.
    var nodeCount: Int { children.count / symbolCount }

    /// Adds `word` (one of those the symbols were made for) and returns the node where it ends.
    mutating func insert(_ word: [UInt8]) -> Int {
        var node = 0
        for byte in word {
            let slot = node * symbolCount + Int(symbolOfByte[Int(byte)])
            if children[slot] == 0 {
                children[slot] = Int32(nodeCount)
                children.append(contentsOf: repeatElement(0, count: symbolCount))
            }
            node = Int(children[slot])
        }
        return node
    }

    /// Whether some word begins with `byte`, as a whole character or as the lead byte of KELVIN SIGN or LONG S
    /// when a word begins with k or s.
    func beginsAWord(_ byte: UInt8) -> Bool {
        let symbol: Int32
        switch byte {
        case 0xE2: symbol = symbolOfByte[Int(UInt8(ascii: "k"))]
        case 0xC5: symbol = symbolOfByte[Int(UInt8(ascii: "s"))]
        default: symbol = 0
        }
        return children[Int(symbolOfByte[Int(byte)])] != 0 || children[Int(symbol)] != 0
    }

    /// The tree in raw memory, for walking.
    func frozen() -> Frozen {
        Frozen(self)
    }

    /// A copy of `elements` in raw memory, for the caller to deallocate: the per-node data kept beside a tree.
    static func rawCopy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        return buffer
    }

    /// A built tree, only read after: shared between threads.
    final class Frozen: @unchecked Sendable {
        // @unchecked: nothing is written after `init`.

        private let symbolOfByte: UnsafeMutableBufferPointer<Int32>
        private let symbolCount: Int
        private let children: UnsafeMutableBufferPointer<Int32>
        /// The symbols of k and s, which KELVIN SIGN and LONG S also match, or 0 when no word has that letter.
        private let kelvinSymbol: Int32
        private let longSSymbol: Int32

        fileprivate init(_ tree: FoldedByteTree) {
            symbolOfByte = FoldedByteTree.rawCopy(tree.symbolOfByte)
            symbolCount = tree.symbolCount
            children = FoldedByteTree.rawCopy(tree.children)
            kelvinSymbol = tree.symbolOfByte[Int(UInt8(ascii: "k"))]
            longSSymbol = tree.symbolOfByte[Int(UInt8(ascii: "s"))]
        }

        deinit {
            symbolOfByte.deallocate()
            children.deallocate()
        }

        /// One step down from `node` by the character at `index` of `bytes`: the child, and how many bytes the
        /// character took (3 for KELVIN SIGN, 2 for LONG S, read as k and s); nil at the end of `bytes` or when no
        /// word goes on with that character.
        @inline(__always)
        func step(from node: Int, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (node: Int, width: Int)? {
            guard index < bytes.count else { return nil }
            let symbol: Int32
            let width: Int
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
                (symbol, width) = (kelvinSymbol, 3)
            } else if bytes[index] == 0xC5, index + 1 < bytes.count, bytes[index + 1] == 0xBF {
                (symbol, width) = (longSSymbol, 2)
            } else {
                (symbol, width) = (symbolOfByte[Int(bytes[index])], 1)
            }
            guard symbol != 0 else { return nil }
            let child = Int(children[node * symbolCount + Int(symbol)])
            return child == 0 ? nil : (child, width)
        }
    }
}
