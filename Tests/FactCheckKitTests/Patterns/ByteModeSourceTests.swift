import Testing
@testable import FactCheckKit

/// A rule pattern matched byte for byte (`ByteModeSource`) must find exactly what it finds in UTF mode.
@Suite struct ByteModeSourceTests {
    @Test(arguments: [
        (#"[\-−]?[0-9]"#, #"(?:[\-]|−)?[0-9]"#),
        // ASCII punctuation of a class rewritten is escaped: it means itself wherever it ends up.
        (#"(?<![\w.,/:\-–])[0-9]"#, #"(?<![\w\.\,\/\:\-]|–)[0-9]"#),
        ("km²|°c", "km(?:²)|(?:°)c"),
        (#"o['’]clock"#, #"o(?:[\']|’)clock"#),
        (#"[–—]"#, #"(?:–|—)"#),
        (#"[^-–]"#, nil),
        (#"[–^a-c-]"#, #"(?:[\^a-c\-]|–)"#),
        (#"(?<value>\d+)\s*(?i:percent)\b"#, #"(?<value>\d+)\s*(?i:percent)\b"#),
        (#"\x41\x{42}"#, #"\x41\x{42}"#),
    ] as [(String, String?)])
    func rewritesCharactersBeyondASCII(_ source: String, _ expected: String?) {
        #expect(ByteModeSource.translating(source) == expected)
    }

    /// What could match a byte of a character beyond ASCII on its own, or needs more care, stays in UTF mode.
    @Test(arguments: [
        "a.b", "[^a]", #"\S"#, #"\W"#, #"\D"#, #"\h"#, #"\v"#, #"\R"#, #"\X"#, #"\p{L}"#, #"\N"#, #"(a)\1"#,
        #"\k<x>"#, #"\Q–\E"#, "(?x)a b", "(?#note)a", "(*UTF)a", #"a\Kb"#, "é", "[à-ü]", "[é]", #"\x{2013}"#,
        #"\xE2"#, "(?(1)a|b)", "(?R)", #"[\d-z]"#, "[[:^alpha:]]",
    ])
    func refusesWhatCouldMatchPartOfACharacter(_ source: String) {
        #expect(ByteModeSource.translating(source) == nil)
    }

    @Test func everyRulePatternIsMatchedByteForByte() {
        let patterns = PatternScannerTests.patterns
        #expect(patterns.allSatisfy { $0.1.usesByteMode }, "\(patterns.filter { !$0.1.usesByteMode }.map(\.0))")
    }

    /// The same matches (ranges and groups) as the pattern compiled in UTF mode, in the plain and the anchored
    /// scan, over rule examples, the bundled examples and random text with characters of two to four bytes,
    /// KELVIN SIGN and LONG S among them.
    @Test(arguments: PatternScannerTests.patterns.map(\.0))
    func findsWhatUTFModeFinds(_ name: String) throws {
        let pattern = try #require(PatternScannerTests.patterns.first { $0.0 == name }?.1)
        let unicode = try Pattern(pattern.source, caseless: pattern.caseless, start: pattern.start, byteMode: false)
        #expect(!unicode.usesByteMode)
        var finder = FragmentStartFinder(patterns: [pattern])
        finder.readRequiredLiteralsNow()
        var unicodeFinder = FragmentStartFinder(patterns: [unicode])
        unicodeFinder.readRequiredLiteralsNow()
        var scanner = PatternScanner()
        for text in PatternScannerTests.texts + RandomText.texts(count: 150, seed: 29) {
            let bytes = Array(text.utf8)
            let expected = try scanner.matches(of: unicode, in: bytes)
            #expect(try scanner.matches(of: pattern, in: bytes) == expected, "\(text.debugDescription)")
            if pattern.start != nil {
                finder.find(in: bytes)
                unicodeFinder.find(in: bytes)
                #expect(try scanner.matches(of: unicode, in: bytes, startingWhere: unicodeFinder) == expected)
                #expect(try scanner.matches(of: pattern, in: bytes, startingWhere: finder) == expected,
                        "\(text.debugDescription)")
            }
        }
    }

    /// Byte for byte, an empty match can begin inside a character; the scanner then searches in UTF mode.
    @Test(arguments: [#"\B"#, "(?!x)", "(?=–)|\\B", "(?<!a)", "[–]?"])
    func emptyMatchesInsideCharactersAreNotFound(_ source: String) throws {
        let pattern = try Pattern(source)
        #expect(pattern.usesByteMode)
        let unicode = try Pattern(source, start: nil, byteMode: false)
        for text in ["é", "–a–", "日本 x", "a😀b", "", "plain"] {
            let bytes = Array(text.utf8)
            #expect(try pattern.matches(in: bytes) == unicode.matches(in: bytes), "\(text.debugDescription)")
        }
    }

    /// A subject with KELVIN SIGN or LONG S is matched with the UTF code: byte for byte, caseless "k" and "s"
    /// would not take them.
    @Test func subjectsWithCharactersThatFoldToASCIIUseTheUTFCode() throws {
        let pattern = try Pattern("(?<value>six|kilo)")
        #expect(pattern.usesByteMode)
        for text in ["\u{17F}ix", "\u{212A}ilo", "a \u{17F}ix b"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { pattern.needsUnicodeMode(for: $0) })
            let matches = try pattern.matches(in: bytes)
            #expect(matches.count == 1, "\(text.debugDescription)")
        }
        for text in ["six", "kilo", "–six", "s\u{BF}", "\u{C5}"] {
            #expect(!Array(text.utf8).withUnsafeBufferPointer { pattern.needsUnicodeMode(for: $0) }, "\(text)")
        }
    }
}
