import Foundation
import Testing
@testable import FactCheckKit

/// The finder must hold exactly where PCRE2's own lookahead holds: one position fewer loses matches, one more would
/// only cost time, but the tests ask for equality, so that a difference in either direction shows.
@Suite struct FragmentStartFinderTests {
    /// The value macros' starts, and starts with what they do not have yet: words with punctuation, a space, an
    /// apostrophe beyond ASCII or a digit; words and characters with k and s (which PCRE2 also matches as KELVIN SIGN
    /// and LONG S); characters special inside a class.
    static let starts: [FragmentStart] = Array(Set(ValueMacros.starts.values)).sorted { $0.lookahead < $1.lookahead } + [
        FragmentStart(words: ["u.s.", "o'clock", "per cent", "’tis", "9am", "x_y", "k", "six", "sk", "-minus"],
                      characters: ["k", "S", "_", "7", "€", "’", "]", "^", "\\", "-", "😀"]),
        FragmentStart(words: ["a", "an", "about"]),
        FragmentStart(characters: ["$", "£"]),
        // Leads whose followers are words, characters beyond ASCII, or both; a lead that is a follower too.
        FragmentStart.lead(["a", "at"], before: FragmentStart(words: ["dozen", "least", "a"], characters: ["7", "€"]))
            .union(.lead(["the"], before: FragmentStart(characters: ["’", "'"]))).union(FragmentStart(words: ["six"])),
        // Characters that begin a start only before a digit, beyond ASCII too, and a lead whose follower has one.
        FragmentStart(characters: ["$"], charactersBeforeDigits: ["-", "'", "’", "\u{2212}"])
            .union(.lead(["in"], before: FragmentStart(charactersBeforeDigits: ["-"]))),
    ]

    static let texts: [String] = {
        var texts = RandomText.texts(count: 300, seed: 7) + RandomText.texts(count: 20, maximumPieces: 400, seed: 8)
        for folder in ["Examples/sources", "Examples/drafts"] {
            let url = RepositoryPaths.root.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        texts += ["", "k", "\u{212A}", "x\u{17F}ix", "ſix", "six", "SIX_", "_six", "six_", "7six", "six7", "a", " a ",
                  "u.s.a", "u.s. x", "o'clockwork", "o'clock.", "per  cent", "per cent", "’tis", "x’tis", "-minus",
                  "a-minus", "9am", "9amx", "x_y", "x_yz",
                  "a\u{0B}dozen", "a\u{0C}hundred", "a\r\nhundred", "a$5", "A$ 5", "a  $", "ahundred", "a hundredfold",
                  "a-dozen", "at\u{A0}least", "at least", "at", "a ", "a\n", "the 15th", "the'90s", "the ’90s", "thespring",
                  "last  year", "an  estimated", "a a dozen", "a 7", "a7", "a €", "a€5", "a\u{212A}",
                  "-5", "- 5", "-", "x-", "'90s", "’90s", "’", "'x", "\u{2212}5", "\u{2212}", "\u{2212}x", "in -5", "in-5",
                  "in - 5", "--5", "''9"]
        return texts
    }()

    /// Where PCRE2 says the lookahead holds: a zero-width pattern matches at each such position.
    static func lookaheadPositions(of start: FragmentStart, in bytes: [UInt8]) throws -> [Int] {
        try Pattern("(?i:" + start.lookahead + ")").matches(in: bytes).map(\.range.lowerBound)
    }

    @Test func findsExactlyWhereTheLookaheadHolds() throws {
        var finder = FragmentStartFinder(starts: Self.starts)
        var checked = 0
        for text in Self.texts {
            let bytes = Array(text.utf8)
            finder.find(in: bytes)
            for (index, start) in Self.starts.enumerated() {
                let expected = try Self.lookaheadPositions(of: start, in: bytes)
                checked += expected.count
                #expect(finder.positions(ofStart: index) == expected, "start \(index) in \(text.debugDescription)")
            }
        }
        #expect(checked > 10_000, "the texts should hold many starts")
    }

    @Test func followsPCRE2InMatchingKelvinSignAndLongSForKAndS() throws {
        let start = FragmentStart(words: ["six", "ok"], characters: ["s"])
        var finder = FragmentStartFinder(starts: [start])
        // "xſix": ſ is no word character, so a word boundary lies between x and ſ, and ſix reads as six. "oK" ends
        // with a non-word character: only a word character after it makes the boundary the word needs.
        for (text, isFound) in [("x\u{17F}ix", true), ("o\u{212A}x", true), ("\u{17F}", true), ("a\u{17F}ix b", true),
                                ("o\u{212A}", false), ("\u{17F}ix", true)] {
            let bytes = Array(text.utf8)
            finder.find(in: bytes)
            let expected = try Self.lookaheadPositions(of: start, in: bytes)
            #expect(expected.isEmpty != isFound, "PCRE2 should \(isFound ? "" : "not ")find \(text) caselessly")
            #expect(finder.positions(ofStart: 0) == expected, "\(text)")
        }
    }

    @Test func knowsTheStartOfEachAnchoredRulePattern() throws {
        let patterns = try RuleLoader().load(paths: [RepositoryPaths.rules]).rules.flatMap(\.patterns)
        var finder = FragmentStartFinder(patterns: patterns)
        let bytes = Array("About 16 prisoners were freed on August 15 for $5 or 3%.".utf8)
        finder.find(in: bytes)
        #expect(finder.starts.count == Set(patterns.compactMap(\.start)).count)
        for pattern in patterns {
            let positions = finder.positions(for: pattern)
            #expect((positions != nil) == (pattern.start != nil))
            if let start = pattern.start, let positions {
                #expect(positions == (try Self.lookaheadPositions(of: start, in: bytes)))
            }
        }
        #expect(finder.positionCount > 0)
    }

    @Test func keepsNoPositionsFromTheSubjectBefore() {
        var finder = FragmentStartFinder(starts: [FragmentStart.digits])
        finder.find(in: Array("1 2 3".utf8))
        #expect(finder.positions(ofStart: 0) == [0, 2, 4])
        finder.find(in: Array("x 9".utf8))
        #expect(finder.positions(ofStart: 0) == [2])
    }
}
