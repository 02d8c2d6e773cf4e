/// A prefix tree of literals (ASCII letters lowercase) that marks, in one pass over a subject, which of them occur in it,
/// ASCII-caselessly: from every position it follows the subject's bytes down the tree as far as they go. Hundreds
/// of literals cost about as much as one, where a search per literal would read the subject hundreds of times.
///
/// Made once, only read after; kept in raw memory so that the loop over every byte does no bounds checks and no
/// reference counting.
final class LiteralTrie: @unchecked Sendable {
    // @unchecked: nothing is written after `init`.

    let literalCount: Int
    /// The symbol of each byte (an ASCII letter's cases share one), or 0 for a byte in no literal.
    private let symbolOfByte: UnsafeMutableBufferPointer<Int32>
    private let symbolCount: Int
    /// `children[node * symbolCount + symbol]`: the child node, or 0 for none (the root, node 0, is no one's child).
    private let children: UnsafeMutableBufferPointer<Int32>
    /// The literal that ends at each node, or -1.
    private let literalEnding: UnsafeMutableBufferPointer<Int32>

    /// - Precondition: the literals are distinct, non-empty UTF-8 without uppercase ASCII letters.
    init(literals: [[UInt8]]) {
        precondition(literals.allSatisfy { !$0.isEmpty }, "an empty literal")
        literalCount = literals.count
        var tree = FoldedByteTree(symbolsFor: literals)
        let ends = literals.map { tree.insert($0) }
        var literalEnding = [Int32](repeating: -1, count: tree.nodeCount)
        for (index, node) in ends.enumerated() {
            precondition(literalEnding[node] == -1, "literal \(index) is listed twice")
            literalEnding[node] = Int32(index)
        }
        symbolOfByte = FoldedByteTree.frozen(tree.symbolOfByte)
        symbolCount = tree.symbolCount
        children = FoldedByteTree.frozen(tree.children)
        self.literalEnding = FoldedByteTree.frozen(literalEnding)
    }

    deinit {
        symbolOfByte.deallocate()
        children.deallocate()
        literalEnding.deallocate()
    }

    /// Sets `isPresent[i]` for every literal `i` that occurs in `subject` (the others are left as they are).
    /// Returns false, having marked nothing, when the subject holds KELVIN SIGN (E2 84 AA) or LONG S (C5 BF),
    /// which PCRE2 matches caselessly as k and s: the caller must then take every literal as present.
    func mark(in subject: [UInt8], isPresent: inout [Bool]) -> Bool {
        precondition(isPresent.count == literalCount)
        return subject.withUnsafeBufferPointer { bytes in
            isPresent.withUnsafeMutableBufferPointer { present in
                for start in bytes.indices {
                    let first = bytes[start]
                    if first == 0xE2 || first == 0xC5, Self.isKelvinOrLongS(bytes, at: start) { return false }
                    var node = 0
                    var index = start
                    while index < bytes.count {
                        let symbol = Int(symbolOfByte[Int(bytes[index])])
                        guard symbol != 0 else { break }
                        let child = Int(children[node * symbolCount + symbol])
                        guard child != 0 else { break }
                        node = child
                        let literal = literalEnding[node]
                        if literal >= 0 { present[Int(literal)] = true }
                        index += 1
                    }
                }
                return true
            }
        }
    }

    private static func isKelvinOrLongS(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if bytes[index] == 0xE2 {
            return index + 2 < bytes.count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA
        }
        return index + 1 < bytes.count && bytes[index + 1] == 0xBF
    }
}
