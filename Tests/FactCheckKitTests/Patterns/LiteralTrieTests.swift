import Testing
@testable import FactCheckKit

/// One pass of the tree must mark exactly the literals a search for each one finds, compared as PCRE2 compares
/// caselessly: ASCII letters folded, KELVIN SIGN and LONG S read as k and s.
@Suite struct LiteralTrieTests {
    static let literals = ["year", "years", "ear", "sentence", "term", "€", "°c", "$", "a.m", "k", "s", "one", "x7"]

    /// `subject` as PCRE2's caseless UTF matching reads it against ASCII literals.
    static func folded(_ subject: String) -> [UInt8] {
        let asLetters = String(String.UnicodeScalarView(subject.unicodeScalars.map {
            $0 == "\u{212A}" ? "k" : $0 == "\u{17F}" ? "s" : $0
        }))
        return asLetters.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
    }

    /// Whether `literal` occurs in `subject` so read: the plain search the tree replaces.
    static func occurs(_ literal: [UInt8], in subject: String) -> Bool {
        let folded = folded(subject)
        guard literal.count <= folded.count else { return false }
        return (0...(folded.count - literal.count)).contains { folded[$0..<($0 + literal.count)].elementsEqual(literal) }
    }

    @Test func marksExactlyTheLiteralsThatOccur() {
        let literals = Self.literals.map { Array($0.utf8) }
        let trie = LiteralTrie(literals: literals)
        let texts = RandomText.texts(count: 300, seed: 21)
            + ["YEARS of TERM", "5°C and 3 €", "at 9 A.M.", "", "ye", "\u{17F}ENTENCE", "o\u{212A}", "\u{212A}"]
        for text in texts {
            var isPresent = Array(repeating: false, count: literals.count)
            trie.mark(in: Array(text.utf8), isPresent: &isPresent)
            #expect(isPresent == literals.map { Self.occurs($0, in: text) }, "\(text.debugDescription)")
        }
    }

    /// Literals that end inside a longer one, or begin where a longer one failed: "ushers" holds "she", "he" and
    /// "hers", but neither "his" nor "sh e".
    @Test func marksLiteralsInsideAndAcrossOthers() {
        let literals = ["he", "she", "his", "hers", "e", "rs", "sh e", "hex"].map { Array($0.utf8) }
        let trie = LiteralTrie(literals: literals)
        for text in ["ushers", "USHERS and hi", "shhis", "shhex", "s h e", "hhhhhhe"] {
            var isPresent = Array(repeating: false, count: literals.count)
            trie.mark(in: Array(text.utf8), isPresent: &isPresent)
            #expect(isPresent == literals.map { Self.occurs($0, in: text) }, "\(text.debugDescription)")
        }
        var isPresent = Array(repeating: false, count: literals.count)
        trie.mark(in: Array("ushers".utf8), isPresent: &isPresent)
        #expect(isPresent == [true, true, false, true, true, true, false, false])
    }

    @Test func readsKelvinSignAndLongSAsKAndS() {
        let trie = LiteralTrie(literals: [Array("km".utf8), Array("sec".utf8)])
        var isPresent = [false, false]
        trie.mark(in: Array("5 \u{212A}m, 3 \u{17F}EC".utf8), isPresent: &isPresent)
        #expect(isPresent == [true, true])
        isPresent = [false, false]
        trie.mark(in: Array("\u{212A}\u{17F}".utf8), isPresent: &isPresent)
        #expect(isPresent == [false, false])
    }
}
