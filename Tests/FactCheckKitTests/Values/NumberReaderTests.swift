import Foundation
import Testing
@testable import FactCheckKit

@Suite struct NumberReaderTests {
    static let number = MacroMatcher("number")

    static let examples: [(String, NumberRange)] = [
        // Digits: exact points.
        ("1,300", .interval(1300, 1300)), ("1300", .interval(1300, 1300)), ("0.505", .interval(0.505, 0.505)),
        ("3.2", .interval(3.2, 3.2)), ("16", .interval(16, 16)), ("1,650,000", .interval(1_650_000, 1_650_000)),
        // Scales: a decimal figure is rounded at its last digit, within 2%.
        ("1.3 thousand", .interval(1274, 1326)), ("3.2 billion", .interval(3.15e9, 3.25e9)),
        ("3.2bn", .interval(3.15e9, 3.25e9)), ("1.2M", .interval(1.176e6, 1.224e6)),
        ("8.2m", .interval(8.15e6, 8.25e6)),
        ("1.3 million", .interval(1.274e6, 1.326e6)), ("3 billion", .interval(3e9, 3e9)), ("5k", .interval(5000, 5000)),
        // Words.
        ("sixteen", .interval(16, 16)), ("twenty-one", .interval(21, 21)), ("twenty one", .interval(21, 21)),
        ("one thousand three hundred", .interval(1300, 1300)), ("one hundred and five", .interval(105, 105)),
        ("a dozen", .interval(12, 12)), ("dozen", .interval(12, 12)), ("two dozen", .interval(24, 24)),
        ("half a dozen", .interval(6, 6)), ("a hundred", .interval(100, 100)), ("a thousand", .interval(1000, 1000)),
        ("a couple of", .interval(2, 2)), ("a couple", .interval(2, 2)), ("two million", .interval(2e6, 2e6)),
        ("twelve hundred", .interval(1200, 1200)), ("a hundred thousand", .interval(100_000, 100_000)),
        ("two million, four hundred thousand", .interval(2_400_000, 2_400_000)), ("one", .interval(1, 1)),
        ("half", .interval(0.5, 0.5)), ("two-thirds", .interval(2.0 / 3, 2.0 / 3)),
        ("three and a half", .interval(3.5, 3.5)),
        // Hedges and bounds.
        ("about 1,300", .interval(1250, 1350)), ("around 1,300", .interval(1250, 1350)),
        ("roughly 10", .interval(9, 11)),
        ("approximately 10", .interval(9, 11)), ("some 1,300", .interval(1250, 1350)),
        ("close to 10", .interval(9, 11)),
        ("about a dozen", .interval(11, 13)), ("nearly 20", .interval(18, 20)), ("almost 20", .interval(18, 20)),
        ("more than 15", .interval(15, .infinity, lowOpen: true)), ("over 15", .interval(15, .infinity, lowOpen: true)),
        ("above 15", .interval(15, .infinity, lowOpen: true)),
        ("upwards of 15", .interval(15, .infinity, lowOpen: true)),
        ("at least 15", .interval(15, .infinity)), ("no fewer than 15", .interval(15, .infinity)),
        ("fewer than 20", .interval(0, 20, highOpen: true)), ("less than 20", .interval(0, 20, highOpen: true)),
        ("under 20", .interval(0, 20, highOpen: true)), ("below 20", .interval(0, 20, highOpen: true)),
        ("up to 20", .interval(0, 20)), ("as many as 20", .interval(0, 20)), ("at most 20", .interval(0, 20)),
        ("no more than 20", .interval(0, 20)),
        // Ranges.
        ("between 10 and 20", .interval(10, 20)), ("10-20", .interval(10, 20)), ("10 to 20", .interval(10, 20)),
        ("10–20", .interval(10, 20)), ("between one thousand and five thousand", .interval(1000, 5000)),
        ("10-20 million", .interval(1e7, 2e7)), ("between 2 and 3 billion", .interval(2e9, 3e9)),
        ("between 500 and 2 million", .interval(500, 2e6)),
        ("between one hundred and five hundred", .interval(100, 500)),
        // Vague quantities.
        ("a few", .interval(2, 5)), ("several", .interval(3, 9)), ("dozens of", .interval(24, 99)),
        ("dozens", .interval(24, 99)),
        ("hundreds of", .interval(200, 999)), ("thousands of", .interval(2000, 9999)),
        ("tens of thousands of", .interval(20_000, 99_999)),
        // Negatives.
        ("-5", .interval(-5, -5)), ("minus 5", .interval(-5, -5)), ("−2.5", .interval(-2.5, -2.5)),
    ]

    static let nonNumbers = [
        "someone", "a", "and", "an", "", "A2021x", "16th", "3.1.2", "1,30", "over", "about", "between 10",
        "one two", "one, two", "a third", "5 bn", "1.3thousand", "11:00", "2025-08-15", "five-", "hundred",
    ]

    @Test(arguments: examples)
    func readsNumber(_ text: String, _ expected: NumberRange) {
        let value = NumberReader.read(text, context: ReadingContext())
        #expect(value?.isClose(to: .number(expected)) == true,
                "\(text) read as \(String(describing: value))")
        #expect(Self.number.matchesWhole(text), "number macro should match all of \(text)")
    }

    @Test(arguments: nonNumbers)
    func rejectsNonNumber(_ text: String) {
        #expect(NumberReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.number.matchesWhole(text), "number macro should not match all of \(text)")
    }

    /// A range's second figure follows its first in the macro: each figure is read once, and a range is still one
    /// match, hedged or not, with its first figure in digits or words.
    @Test func rangesMatchWholeAndPlainFiguresAlone() {
        let text = "About 10 to 20 people came, then five to 6 more; 7 stayed, between 3 and 4 left, 2 to go."
        #expect(Self.number.matches(in: text) == ["About 10 to 20", "five to 6", "7", "between 3 and 4", "2"])
    }

    @Test func integerMacroMatchesDigitsOnly() {
        let integer = MacroMatcher("integer")
        for text in ["1,300", "16", "2021", "1300"] {
            #expect(integer.matchesWhole(text), "\(text)")
            #expect(NumberReader.read(text, context: ReadingContext()) != nil, "\(text)")
        }
        for text in ["1.5", "sixteen", "A2021x", "-5", "1,30"] {
            #expect(!integer.matchesWhole(text), "\(text)")
        }
    }

    @Test func findsNumbersInsideText() {
        #expect(Self.number.matches(in: "someone and anyone") == [])
        #expect(Self.number.matches(in: "A2021x") == [])
        #expect(Self.number.matches(in: "about 1,300 detainees and 16 prisoners")
                == ["about 1,300", "16"])
        #expect(Self.number.matches(in: "on 2025-08-15 at 11:00") == [])
        #expect(Self.number.matches(in: "between 10 and 20 people") == ["between 10 and 20"])
    }

    @Test func readsTrimmedCaptures() {
        #expect(NumberReader.read("  16, ", context: ReadingContext()) == .number(NumberRange(exactly: 16)))
        #expect(NumberReader.read("About 1,300", context: ReadingContext()) == .number(.interval(1250, 1350)))
    }
}
