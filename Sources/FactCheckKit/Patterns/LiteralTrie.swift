/// A prefix tree of literals (ASCII letters lowercase) that marks, in one pass over a subject, which of them occur
/// in it, compared as PCRE2 compares caselessly (`FoldedByteTree`): from every position it follows the subject down
/// the tree as far as it goes. Hundreds of literals cost about as much as one, where a search per literal would
/// read the subject hundreds of times.
final class LiteralTrie: Sendable {
    let literalCount: Int
    private let tree: FoldedByteTree.Frozen
    /// The literal that ends at each node, or -1.
    private let literalEnding: [Int32]

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
        self.tree = tree.frozen()
        self.literalEnding = literalEnding
    }

    /// Sets `isPresent[i]` for every literal `i` that occurs in `subject`; leaves the others as they are.
    func mark(in subject: [UInt8], isPresent: inout [Bool]) {
        precondition(isPresent.count == literalCount)
        subject.withUnsafeBufferPointer { bytes in
            literalEnding.withUnsafeBufferPointer { literalEnding in
                isPresent.withUnsafeMutableBufferPointer { present in
                    for start in bytes.indices {
                        var node = 0
                        var index = start
                        while let (child, width) = tree.step(from: node, at: index, in: bytes) {
                            node = child
                            index += width
                            let literal = literalEnding[node]
                            if literal >= 0 { present[Int(literal)] = true }
                        }
                    }
                }
            }
        }
    }
}
