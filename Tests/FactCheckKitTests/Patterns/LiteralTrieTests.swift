import Testing
@testable import FactCheckKit

/// One pass of the tree must mark exactly the literals a search for each one finds, ASCII-caselessly.
@Suite struct LiteralTrieTests {
    static let literals = ["year", "years", "ear", "sentence", "term", "€", "°c", "$", "a.m", "k", "s", "one", "x7"]

    /// Whether `literal` occurs in `subject` with ASCII letters folded: the plain search the tree replaces.
    static func occurs(_ literal: [UInt8], in subject: [UInt8]) -> Bool {
        let folded = subject.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
        guard literal.count <= folded.count else { return false }
        return (0...(folded.count - literal.count)).contains { folded[$0..<($0 + literal.count)].elementsEqual(literal) }
    }

    @Test func marksExactlyTheLiteralsThatOccur() {
        let literals = Self.literals.map { Array($0.utf8) }
        let trie = LiteralTrie(literals: literals)
        let texts = RandomText.texts(count: 300, maximumPieces: 15, seed: 21) + ["YEARS of TERM", "5°C and 3 €", "at 9 A.M.", "", "ye"]
        var checked = 0
        for text in texts {
            let subject = Array(text.utf8)
            var isPresent = Array(repeating: false, count: literals.count)
            // Texts with KELVIN SIGN or LONG S are answered "every literal" (the other test).
            guard trie.mark(in: subject, isPresent: &isPresent) else { continue }
            #expect(isPresent == literals.map { Self.occurs($0, in: subject) }, "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func givesUpOnKelvinSignAndLongS() {
        let trie = LiteralTrie(literals: [Array("km".utf8)])
        var isPresent = [false]
        #expect(!trie.mark(in: Array("5 \u{212A}m".utf8), isPresent: &isPresent))
        #expect(!trie.mark(in: Array("\u{17F}".utf8), isPresent: &isPresent))
        #expect(trie.mark(in: Array("5 km".utf8), isPresent: &isPresent) && isPresent == [true])
    }
}
