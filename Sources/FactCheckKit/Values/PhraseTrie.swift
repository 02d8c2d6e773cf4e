/// Literal phrases merged by common prefix into one PCRE2 fragment: "seventeen|seventy|seven" becomes
/// `seven(?:teen|ty|)`.
///
/// PCRE2 tries the branches of an alternation one after the other, so a flat list of forty number words costs forty
/// failed comparisons at every word start of every document; the prefix tree fails after one or two. The tree
/// matches exactly what the flat alternation, longest first, matches, in the same order of preference: phrases that
/// can both match at one place are prefixes of one another, and the tree tries the longer (deeper) one first.
struct PhraseTrie {
    /// One step of a phrase: a literal scalar, or the whitespace between two words (`\s+`).
    private enum Symbol: Hashable {
        case scalar(Unicode.Scalar)
        case space
    }

    private final class Node {
        var children: [(symbol: Symbol, node: Node)] = []
        var isEnd = false

        func child(_ symbol: Symbol) -> Node {
            if let existing = children.first(where: { $0.symbol == symbol }) { return existing.node }
            let node = Node()
            children.append((symbol, node))
            return node
        }
    }

    private let root = Node()

    /// Nil when the phrases cannot be merged without changing what matches: a word with whitespace inside (a
    /// literal space would overlap `\s+`), or two words that differ only in letter case (caseless matching would
    /// make both branches match, and their order would then matter).
    init?(phrases: [[String]]) {
        for phrase in phrases {
            var node = root
            for (index, word) in phrase.enumerated() {
                if index > 0 { node = node.child(.space) }
                for scalar in word.unicodeScalars {
                    if scalar.properties.isWhitespace { return nil }
                    node = node.child(.scalar(scalar))
                }
            }
            node.isEnd = true
        }
        guard PhraseTrie.siblingsAreDistinct(root) else { return nil }
    }

    /// The fragment, a non-capturing group.
    var pattern: String {
        "(?:" + PhraseTrie.branches(of: root) + ")"
    }

    /// The alternatives below `node`: its children (in any order: they begin with different symbols, so at most
    /// one can match), then the empty branch if a phrase ends here, last because it is the shortest.
    private static func branches(of node: Node) -> String {
        var branches = node.children.map { symbol, child in
            text(of: symbol) + (child.children.isEmpty ? "" : group(of: child))
        }
        if node.isEnd, !node.children.isEmpty { branches.append("") }
        return branches.joined(separator: "|")
    }

    private static func group(of node: Node) -> String {
        // A single way on needs no group: "t(?:h(?:ree))" is just "three".
        if node.children.count == 1, !node.isEnd {
            let (symbol, child) = node.children[0]
            return text(of: symbol) + (child.children.isEmpty ? "" : group(of: child))
        }
        return "(?:" + branches(of: node) + ")"
    }

    private static func text(of symbol: Symbol) -> String {
        switch symbol {
        case .space: return #"\s+"#
        case let .scalar(scalar): return ValuePattern.escape(String(Character(scalar)))
        }
    }

    /// True when no two children of any node could match the same text under caseless matching.
    private static func siblingsAreDistinct(_ node: Node) -> Bool {
        var seen: Set<String> = []
        for (symbol, child) in node.children {
            let folded: String
            switch symbol {
            case .space: folded = " "
            case let .scalar(scalar):
                let string = String(Character(scalar))
                // Characters outside ASCII may fold in ways PCRE2 and Swift disagree on: refuse to merge them.
                guard scalar.isASCII else { return false }
                folded = string.lowercased()
            }
            guard seen.insert(folded).inserted, siblingsAreDistinct(child) else { return false }
        }
        return true
    }
}
