/// A prefix tree over bytes with ASCII letters folded to one symbol per letter, as the scan's finders walk it:
/// built here in arrays, then frozen in raw memory (`frozen()`) so that a loop over every byte of a subject does
/// no bounds checks and no reference counting. `FragmentStartFinder` keeps the start words in one, `LiteralTrie`
/// the required literals.
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

    /// A copy of `elements` in raw memory, for the caller to deallocate.
    static func frozen<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        return buffer
    }
}
