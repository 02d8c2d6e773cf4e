import Testing
@testable import FactCheckKit

/// The literals read from a pattern must occur in every match of it: a wrong set would make the scan skip
/// documents that hold claims.
@Suite struct RequiredLiteralsTests {
    @Test(arguments: [
        (#"sentence"#, ["sentence"]),
        (#"(?:serving|served|serve)\s+\d+"#, ["serve", "serving"]),
        (#"a(?:b|c)d"#, ["abd", "acd"]),
        (#"colou?r"#, ["color", "colour"]),
        (#"[ -]Year"#, [" year", "-year"]),
        (#"(?i)SENTENCED\s+to"#, ["sentenced"]),
        (#"\d+\s+(?:prison\s+|jail\s+)?(?:sentence|term)"#, ["sentence", "term"]),
        (#"(?<value>\d+)\s*(?:%|percent|per\s+cent)"#, ["%", "cent"]),
        (#"(?<=abc)x"#, ["x"]),
        (#"(?-i:\b[A-Z][a-z]+),\s+\d"#, [","]),
        (#"x{3}"#, ["xxx"]),
        (#"(?:ab)+c"#, ["ab"]),
        (#"life\s+(?:sentence|term)"#, ["life"]),
        (#"[\-–]?\d+\.\d+"#, ["."]),
        (#"(?:[$£€]|usd)\s*\d+"#, ["$", "£", "€", "usd"]),
        (#"\d+\s*°[CF]"#, ["°c", "°f"]),
    ])
    func readsTheLiteralsEveryMatchContains(_ pattern: String, _ expected: [String]) {
        #expect(RequiredLiterals.of(pattern) == Set(expected), "\(pattern)")
    }

    @Test(arguments: [
        #"\d+"#, #"a*"#, #"(?:foo|\d)"#, #"(?=abc)\d"#, #"(?!x)y?"#, #"."#, #"[^abc]"#, #"[a-z]+"#,
        #"(a)\1"#, #"(?x) a b"#, #"\Qabc\E"#, #"(?(1)a|b)"#, #"é"#, #"[éa]"#, #"x{,3}"#, #"\x41"#, #"(?#note)"#,
    ])
    func knowsNoLiteralsWhereNoneAreCertainOrTheSyntaxIsNotRead(_ pattern: String) {
        #expect(RequiredLiterals.of(pattern) == nil, "\(pattern)")
    }

    @Test func keepsNoLiteralThatContainsAnother() {
        #expect(RequiredLiterals.withoutSuperstrings(["year", "years", "-year", "yr", "day"]) == ["year", "yr", "day"])
    }

    /// Every match of every rule pattern, in every test text, contains one of the pattern's literals.
    @Test(arguments: PatternScannerTests.patterns.map(\.0))
    func everyMatchOfARulePatternContainsOneOfItsLiterals(_ name: String) throws {
        let pattern = try #require(PatternScannerTests.patterns.first { $0.0 == name }?.1)
        guard let literals = pattern.requiredLiterals else { return }
        var scanner = PatternScanner()
        for text in PatternScannerTests.texts {
            let bytes = Array(text.utf8)
            for match in try scanner.matches(of: pattern, in: bytes) {
                let matched = String(decoding: bytes[match.range], as: UTF8.self).lowercased()
                #expect(literals.contains { matched.contains($0) }, "\(name): \(matched.debugDescription) has none of \(literals.sorted())")
            }
        }
    }
}

/// A finder skips a pattern only on a subject without any of its literals, compared as PCRE2 compares them.
@Suite struct LiteralPrefilterTests {
    static let sentence = try! Pattern(#"(?<value>\d+)\s+(?:prison\s+)?(?:sentence|term)"#)
    static let serving = try! Pattern(#"serv(?:ed|ing)\s+\d+"#)
    static let anyNumber = try! Pattern(#"\d+"#)

    static func finder() -> FragmentStartFinder {
        var finder = FragmentStartFinder(patterns: [sentence, serving, anyNumber])
        finder.readRequiredLiteralsNow()
        return finder
    }

    @Test func skipsAPatternOnlyWhereNoneOfItsLiteralsOccurs() {
        var finder = Self.finder()
        finder.find(in: Array("He got 5 years in PRISON.".utf8))
        #expect(!finder.mayMatch(Self.sentence))
        #expect(!finder.mayMatch(Self.serving))
        #expect(finder.mayMatch(Self.anyNumber), "a pattern without literals is never skipped")
        finder.find(in: Array("A 5-year Term; he is SERVING 2.".utf8))
        #expect(finder.mayMatch(Self.sentence))
        #expect(finder.mayMatch(Self.serving))
        finder.find(in: Array("determined".utf8))
        #expect(finder.mayMatch(Self.sentence), "a literal inside a word still counts: the test may keep too much, never too little")
    }

    /// PCRE2 matches s caselessly as LONG S (U+017F): "ſentence" matches "sentence", so it must not be skipped.
    @Test func keepsEveryPatternOnASubjectWithKelvinSignOrLongS() throws {
        var finder = Self.finder()
        let subject = Array("5 \u{17F}entence".utf8)
        finder.find(in: subject)
        #expect(finder.mayMatch(Self.sentence))
        var scanner = PatternScanner()
        #expect(try scanner.matches(of: Self.sentence, in: subject, startingWhere: finder).count == 1)
        finder.find(in: Array("\u{212A}".utf8))
        #expect(finder.mayMatch(Self.serving))
    }

    /// Reading the literals costs more than scanning a draft: a finder skips nothing until it has seen enough
    /// subjects, and then skips.
    @Test func readsTheLiteralsOnlyAfterEnoughSubjects() {
        var finder = FragmentStartFinder(patterns: [Self.sentence])
        let subject = Array("nothing to see".utf8)
        for _ in 0..<LiteralPrefilter.subjectsBeforeReading {
            var copy = finder
            copy.find(in: subject)
            #expect(copy.mayMatch(Self.sentence))
        }
        finder.find(in: subject)
        #expect(!finder.mayMatch(Self.sentence))
    }
}
