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

    /// Seeded random patterns (literals in both cases, characters beyond ASCII with and without other cases,
    /// classes, groups, alternations, quantifiers, lookarounds, option settings) over a small alphabet, so that
    /// they match often: every match PCRE2 finds in random subjects contains one of the literals read.
    @Test func everyMatchOfARandomPatternContainsOneOfItsLiterals() {
        var generator = ValueMacrosTests.SplitMix(state: 42)
        let atoms = ["a", "b", "A", "B", "ab", "Ba", "€", "é", "É", "ſ", "k", "K", " ", "-", "\\.", "\\d", "\\s", ".",
                     "[ab]", "[A-B]", "[^a]", "[€b]", "[éa]", "\\b", "(?=a)", "(?!b)", "(?<=a)", "(?<!b)", "(?i)",
                     "(?-i)", "^", "$"]
        let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,1}", "??", "+?"]
        func pattern(depth: Int) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                var item: String
                if depth < 3, Int.random(in: 0..<4, using: &generator) == 0 {
                    let branches = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pattern(depth: depth + 1) }
                    let opener = ["(?:", "(", "(?i:", "(?-i:", "(?<g\\(depth)x\\(Int.random(in: 0..<1000, using: &generator))>"]
                        .randomElement(using: &generator)!
                    item = opener + branches.joined(separator: "|") + ")"
                } else {
                    item = atoms.randomElement(using: &generator)!
                }
                let quantifier = quantifiers.randomElement(using: &generator)!
                // A quantifier after an assertion or an option setting is not worth PCRE2's error.
                if !(item.hasPrefix("(?") && item.count <= 6) && item != "^" && item != "$" && item != "\\b" { item += quantifier }
                text += item
            }
            return text
        }
        let subjectPieces = ["a", "b", "A", "B", "€", "é", "É", "ſ", "\u{212A}", "k", " ", "-", ".", "7", "x"]
        let subjects = (0..<40).map { _ in
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in subjectPieces.randomElement(using: &generator)! }.joined()
        }
        var checkedPatterns = 0
        var scanner = PatternScanner()
        for _ in 0..<600 {
            let source = pattern(depth: 0)
            guard let compiled = try? Pattern(source), let literals = compiled.requiredLiterals else { continue }
            checkedPatterns += 1
            for subject in subjects {
                let bytes = Array(subject.utf8)
                // A random pattern may backtrack past the match limit; such a subject proves nothing.
                guard let matches = try? scanner.matches(of: compiled, in: bytes) else { continue }
                for match in matches {
                    // Read as PCRE2 reads it caselessly: KELVIN SIGN and LONG S are k and s.
                    let folded = LiteralTrieTests.folded(String(decoding: bytes[match.range], as: UTF8.self))
                    let holds = literals.contains { literal in
                        let needle = Array(literal.utf8)
                        return needle.count <= folded.count && (0...(folded.count - needle.count)).contains {
                            folded[$0..<($0 + needle.count)].elementsEqual(needle)
                        }
                    }
                    #expect(holds, "\(source.debugDescription) matched \(subject.debugDescription) at \(match.range): none of \(literals.sorted())")
                }
            }
        }
        #expect(checkedPatterns > 100, "most random patterns should have literals")
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

    /// A set of literals found at most places of any text (a letter, a space) rules nothing out: its pattern is
    /// tried on every subject, as one without literals is, and the search never stops at those literals.
    @Test func triesAPatternWithLikelyLiteralsEverywhere() throws {
        let metres = try Pattern(#"(?<value>\d+)\s*(?:m|k)\b"#)
        #expect(metres.requiredLiterals == ["m", "k"])
        #expect(try #require(metres.requiredLiterals.map { RequiredLiterals.likelihood(of: $0) }) >= LiteralPrefilter.usefulLikelihood)
        #expect(RequiredLiterals.likelihood(of: ["sentence", "term"]) < LiteralPrefilter.usefulLikelihood)
        var finder = FragmentStartFinder(patterns: [Self.sentence, metres])
        finder.readRequiredLiteralsNow()
        finder.find(in: Array("nothing to see".utf8))
        #expect(finder.mayMatch(metres))
        #expect(!finder.mayMatch(Self.sentence))
    }

    /// PCRE2 matches s caselessly as LONG S (U+017F): "ſentence" matches "sentence", so it must not be skipped;
    /// KELVIN SIGN or LONG S alone hold no literal.
    @Test func readsKelvinSignAndLongSAsPCRE2Does() throws {
        var finder = Self.finder()
        var scanner = PatternScanner()
        for text in ["5 \u{17F}entence", "\u{17F}ERVED 5"] {
            let subject = Array(text.utf8)
            finder.find(in: subject)
            #expect(finder.mayMatch(Self.sentence) || finder.mayMatch(Self.serving))
            let found = try [Self.sentence, Self.serving].map {
                try scanner.matches(of: $0, in: subject, startingWhere: finder).count
            }
            #expect(found.reduce(0, +) == 1, "\(text)")
        }
        finder.find(in: Array("\u{212A} \u{17F}".utf8))
        #expect(!finder.mayMatch(Self.sentence) && !finder.mayMatch(Self.serving))
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
