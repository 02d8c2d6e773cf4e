/// The literals of a prefix tree (ASCII letters lowercase) as an Aho-Corasick automaton that marks, in one pass over
/// a subject, which of them occur in it, compared as PCRE2 compares caselessly (`FoldedByteTree`). Hundreds of
/// literals cost about as much as one, where a search per literal would read the subject hundreds of times; and
/// each byte costs one table step, where following the tree down from every position cost a walk per byte.
final class LiteralTrie: @unchecked Sendable {
    // @unchecked: the raw tables are only read after `init`.

    let literalCount: Int
    private let symbolCount: Int
    /// The symbol of each byte (`FoldedByteTree.symbolOfByte`), with `leadsFoldedCharacter` set for the lead bytes
    /// of KELVIN SIGN and LONG S.
    private let symbolOfByte: UnsafeMutableBufferPointer<Int32>
    private static let leadsFoldedCharacter: Int32 = 1 << 30
    /// The symbols of k and s, which KELVIN SIGN and LONG S also match, or 0 when no literal has that letter.
    private let kelvinSymbol: Int32
    private let longSSymbol: Int32
    /// `transitions[state * symbolCount + symbol]`: the state after reading `symbol` in `state`, times
    /// `symbolCount` (where its own row begins), bitwise inverted (negative) when a literal ends there. A state
    /// is a node of the tree: the longest literal prefix that the text read so far ends with. One load per byte
    /// tells both where to go and whether anything was found.
    private let transitions: UnsafeMutableBufferPointer<Int32>
    /// The literal that ends at each state, or -1.
    private let literalEnding: UnsafeMutableBufferPointer<Int32>
    /// For each state, the next shorter state on its chain of suffixes where a literal ends, or 0 for none: the
    /// other literals that end where the text read so far ends.
    private let nextEnding: UnsafeMutableBufferPointer<Int32>

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
        let symbolCount = tree.symbolCount
        // Breadth first, so that a node's suffix (shorter) is complete before the node: a missing child becomes
        // the suffix's transition, and a child's suffix is its parent's suffix's transition by the same symbol.
        var transitions = tree.children
        var suffix = [Int32](repeating: 0, count: tree.nodeCount)
        var nextEnding = [Int32](repeating: 0, count: tree.nodeCount)
        var queue: [Int] = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            // Symbol 0, a byte in no literal, always leads back to the root.
            for symbol in 1..<symbolCount {
                let slot = node * symbolCount + symbol
                let child = Int(tree.children[slot])
                if child == 0 {
                    transitions[slot] = node == 0 ? 0 : transitions[Int(suffix[node]) * symbolCount + symbol]
                    continue
                }
                let childSuffix = node == 0 ? 0 : Int(transitions[Int(suffix[node]) * symbolCount + symbol])
                suffix[child] = Int32(childSuffix)
                nextEnding[child] = literalEnding[childSuffix] >= 0 ? Int32(childSuffix) : nextEnding[childSuffix]
                queue.append(child)
            }
        }
        precondition(transitions.count < Int(Int32.max), "too many literals for 32-bit transitions")
        let rows = transitions.map { target -> Int32 in
            let hasEnding = literalEnding[Int(target)] >= 0 || nextEnding[Int(target)] != 0
            return hasEnding ? ~(target * Int32(symbolCount)) : target * Int32(symbolCount)
        }
        var symbolOfByte = tree.symbolOfByte
        symbolOfByte[0xE2] |= Self.leadsFoldedCharacter
        symbolOfByte[0xC5] |= Self.leadsFoldedCharacter
        self.symbolCount = symbolCount
        self.symbolOfByte = FoldedByteTree.rawCopy(symbolOfByte)
        kelvinSymbol = tree.symbolOfByte[Int(UInt8(ascii: "k"))]
        longSSymbol = tree.symbolOfByte[Int(UInt8(ascii: "s"))]
        self.transitions = FoldedByteTree.rawCopy(rows)
        self.literalEnding = FoldedByteTree.rawCopy(literalEnding)
        self.nextEnding = FoldedByteTree.rawCopy(nextEnding)
    }

    deinit {
        symbolOfByte.deallocate()
        transitions.deallocate()
        literalEnding.deallocate()
        nextEnding.deallocate()
    }

    /// Sets `isPresent[i]` for every literal `i` that occurs in `subject`, which must be valid UTF-8; leaves the
    /// others as they are.
    func mark(in subject: [UInt8], isPresent: inout [Bool]) {
        precondition(isPresent.count == literalCount)
        subject.withUnsafeBufferPointer { bytes in
            isPresent.withUnsafeMutableBufferPointer { present in
                // The start of the current state's row in `transitions`.
                var row = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    var symbol = symbolOfByte[Int(byte)]
                    index += 1
                    // KELVIN SIGN and LONG S are read whole, as k and s (`FoldedByteTree.Frozen.step`). A literal
                    // never begins inside a character of valid UTF-8, so reading characters whole misses none.
                    if symbol & Self.leadsFoldedCharacter != 0 {
                        symbol &= ~Self.leadsFoldedCharacter
                        if byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x84, bytes[index + 1] == 0xAA {
                            symbol = kelvinSymbol
                            index += 2
                        } else if byte == 0xC5, index < bytes.count, bytes[index] == 0xBF {
                            symbol = longSSymbol
                            index += 1
                        }
                    }
                    let next = transitions[row + Int(symbol)]
                    guard next < 0 else {
                        row = Int(next)
                        continue
                    }
                    row = Int(~next)
                    let state = row / symbolCount
                    var ending = literalEnding[state] >= 0 ? state : Int(nextEnding[state])
                    while ending != 0 {
                        present[Int(literalEnding[ending])] = true
                        ending = Int(nextEnding[ending])
                    }
                }
            }
        }
    }
}
