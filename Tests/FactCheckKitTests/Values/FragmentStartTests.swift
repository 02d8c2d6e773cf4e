import Foundation
import Testing
@testable import FactCheckKit

/// The start lookaheads and the prefix-tree alternations make the macros faster and must change no match: each is
/// compared here with the plain form over the example sources and drafts, the Duckling corpus and forms chosen to
/// start each branch of the large fragments.
@Suite struct FragmentStartTests {
    /// Texts whose matches are compared: every example and Duckling fixture file, and one line per tricky start.
    static let texts: [String] = {
        let folders = ["Examples/sources", "Examples/drafts", "Tests/FactCheckKitTests/Values/Fixtures/duckling"]
        var texts: [String] = []
        for folder in folders {
            let url = RepositoryPaths.root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        texts.append("""
            -5 degrees, −5, minus 5, 1.3 thousand, 5bn, US$40, C$5, A$ 3, USD 40, 40 EUR, €1.2M, £100m, ¥5, ₹20, \
            $10-20 million, between $5 and $10 million, about $5 million, an estimated 5,000, in excess of 20, \
            no fewer than 3, as many as 30, up to 20, upwards of 10, close to 9, at least 4, at most 5, \
            a couple of days, half a dozen eggs, a dozen, two dozen, twenty - five, twenty-one, one hundred and five, \
            a hundred, two million, four hundred thousand, two-thirds, three quarters, a half, half, a quarter, \
            twelve point five, twelve dot fifty, 1 point 1, a few, several, dozens of, tens of thousands, twice, thrice, \
            hundreds of thousands, millions, a 30-day trial, an 11-year sentence, half an hour, an hour and a half, \
            three years, two decades, 10-20%, 5 per cent, 3 percentage points, 25 bps, 4.5%, 4%-5%, \
            August 15, Aug. 15, 2025, 15th of August, the 15th of August, 15 August 2025, Wednesday, Sept. 3, \
            2025-08-15, 8/15/2025, mid-August, early 2021, late-May, the 1990s, the '90s, the ’90s, the early 2010s, \
            summer 2021, the spring of 2020, last winter, three days ago, a year ago, 2 weeks ago, yesterday, \
            today, tomorrow, last year, next month, last Friday, May 3, in March, 5 km, 3 kg, 20 °C, 5 km/h, \
            ten miles, two pounds of meat, 5 feet, MAX 8, Tier 1, COVID-19, A2021, 1,300 detainees, 16 prisoners.
            """)
        return texts
    }()

    /// Every match (range) of `pattern` in every text.
    static func matches(of source: String) throws -> [[Range<Int>]] {
        let pattern = try Pattern(source)
        return try texts.map { try pattern.matches(in: Array($0.utf8)).map(\.range) }
    }

    /// The fragment as the reader writes it, without its lookahead.
    static func plainFragment(_ name: String) -> String? {
        for reader in ValueMacros.readers {
            if let fragment = reader.macros[name] { return "(?i:" + fragment + ")" }
        }
        return nil
    }

    @Test(arguments: ValueMacros.starts.keys.sorted())
    func lookaheadChangesNoMatch(_ name: String) throws {
        let guarded = try #require(ValueMacros.fragments[name])
        let plain = try #require(Self.plainFragment(name))
        #expect(guarded != plain)
        let expected = try Self.matches(of: plain)
        #expect(expected.joined().count >= 5, "the texts should hold \(name) values")
        #expect(try Self.matches(of: guarded) == expected)
    }

    @Test(arguments: ValueMacros.starts.keys.sorted())
    func startCheckHoldsWhereEveryMatchBegins(_ name: String) throws {
        let check = try Pattern(try #require(ValueMacros.startChecks[name + "-start"]))
        let plain = try Pattern(try #require(Self.plainFragment(name)))
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let starts = Set(try check.matches(in: bytes).map(\.range.lowerBound))
            for match in try plain.matches(in: bytes) {
                let covered = starts.contains(match.range.lowerBound)
                #expect(covered,
                        "{\(name)-start} fails where \(String(decoding: bytes[match.range], as: UTF8.self)) begins")
            }
        }
    }

    @Test func lookaheadListsDigitsSignsAndWholeWords() {
        let start = FragmentStart(words: ["about", "a"], characters: ["7", "-", "]", "$"])
        #expect(start.lookahead == #"(?=[$\-7\]]|\b(?:a(?:bout|))\b)"#)
    }

    @Test func leadsHoldOnlyBeforeTheirFollowers() throws {
        let start = FragmentStart.lead(["a"], before: FragmentStart(words: ["dozen"], characters: ["$"]))
            .union(FragmentStart(words: ["about"]))
        #expect(start.lookahead == #"(?=\b(?:about)\b|\b(?:a)\b\s*(?:[$]|\b(?:dozen)\b))"#)
        let check = try Pattern("(?i:" + start.lookahead + ")")
        let text = Array("a dozen, A\n$5, a day, about, a-dozen, adozen, a dozens".utf8)
        #expect(try check.matches(in: text).map(\.range.lowerBound) == [0, 9, 22])
    }

    @Test func signsAndApostrophesHoldOnlyBeforeADigit() throws {
        let start = FragmentStart(digitsBeginningWords: true, charactersBeforeDigits: ["-", "\u{2019}"])
        #expect(start.lookahead == #"(?=\b[0-9]|[\-\#u{2019}][0-9])"#)
        let check = try Pattern("(?i:" + start.lookahead + ")")
        let text = Array("-5, - 5, a-b, ’90s, x’y, 2025".utf8)
        #expect(try check.matches(in: text).map(\.range.lowerBound) == [0, 1, 6, 14, 17, 29])
    }

    @Test func aPlainWordOutranksALeadAndFollowersAreJoined() {
        let dozen = FragmentStart.lead(["a"], before: FragmentStart(words: ["dozen"]))
        let few = FragmentStart.lead(["a", "at"], before: FragmentStart(words: ["few"]))
        #expect(dozen.union(few) == FragmentStart.lead(["a"], before: FragmentStart(words: ["dozen", "few"]))
            .union(.lead(["at"], before: FragmentStart(words: ["few"]))))
        #expect(dozen.union(FragmentStart(words: ["a"])) == FragmentStart(words: ["a"]))
        #expect(few.flattened == FragmentStart(words: ["a", "at"]))
    }

    @Test func phrasesLeadWithTheirFirstWord() {
        let start = FragmentStart.phrases([["about"], ["at", "least"], ["at", "most"], ["over"], ["over", "and"]])
        #expect(start == FragmentStart(words: ["about", "over"])
            .union(.lead(["at"], before: FragmentStart(words: ["least", "most"]))))
    }

    @Test func ruleLoaderKnowsTheStartChecks() throws {
        let rules = try RuleLoader().loadRules(text: """
            rules:
              - id: test.count
                kind: count
                message: count differs
                patterns:
                  - '{number-start}(?<!Tier )(?<value>{number}) (?<noun>[a-z]+)'
                examples:
                  - baseline: "He laid 20 red roses."
                    contradicted: ["He laid ↓30 red roses."]
            """, file: "test.yml")
        let matches = try rules[0].patterns[0].matches(in: Array("Tier 1 capital, 20 roses, about twelve ships".utf8))
        #expect(matches.count == 2)
    }
}

@Suite struct PhraseTrieTests {
    static let subjects = [
        "seven seventeen seventy seventy-seven sevens Seventeen SEVENTY", "more than 5, more 5, moreover than",
        "at least at most at last as many as as much as an estimated an", "Sept. Sep September sept",
        "fourteen four forty fours fourth",
    ]

    /// The flat and the tree forms of `phrases`, with `suffix` after them, find the same matches.
    static func expectSameMatches(_ phrases: [[String]], suffix: String) throws {
        let trie = try #require(PhraseTrie(phrases: phrases))
        let flat = ValuePattern.flatAlternation(phrases)
        #expect(trie.pattern != flat)
        let treePattern = try Pattern(#"\b"# + trie.pattern + suffix)
        let flatPattern = try Pattern(#"\b"# + flat + suffix)
        for subject in subjects {
            let bytes = Array(subject.utf8)
            #expect(try treePattern.matches(in: bytes).map(\.range) == flatPattern.matches(in: bytes).map(\.range),
                    "\(phrases) + \(suffix) on \(subject)")
        }
    }

    @Test func prefersTheLongerPhraseAsTheFlatListDoes() throws {
        let words = ["seven", "seventeen", "seventy", "four", "fourteen", "forty", "sep", "sept", "september"]
        for suffix in [#"\b"#, "", "(?=s)", #"(?:-seven)?\b"#, #"\.?"#] {
            try Self.expectSameMatches(words.map { [$0] }, suffix: suffix)
        }
        let hedges = [["more", "than"], ["more"], ["at", "least"], ["at", "most"], ["as", "many", "as"],
                      ["as", "much", "as"], ["an", "estimated"], ["an"], ["at"]]
        for suffix in [#"\b"#, #"\s+[0-9]"#, ""] {
            try Self.expectSameMatches(hedges, suffix: suffix)
        }
    }

    @Test func mergesCommonPrefixes() throws {
        let trie = try #require(PhraseTrie(phrases: [["seven"], ["seventeen"], ["seventy"], ["six"]]))
        #expect(trie.pattern == "(?:s(?:even(?:t(?:een|y)|)|ix))")
    }

    @Test func fallsBackWhereMergingCouldChangeMatches() {
        #expect(PhraseTrie(phrases: [["per cent"]]) == nil)  // a space inside a word
        #expect(PhraseTrie(phrases: [["US"], ["us"]]) == nil)  // caselessly the same branch
        #expect(PhraseTrie(phrases: [["€uro"]]) == nil)  // outside ASCII
        #expect(ValuePattern.alternation([["per cent"], ["pct"]]) == ValuePattern.flatAlternation([["per cent"], ["pct"]]))
    }
}
