import Foundation
import Testing
@testable import FactCheckKit

@Suite struct PercentReaderTests {
    static let percent = MacroMatcher("percent")

    static let examples: [(String, NumberRange, Bool)] = [
        ("13.1%", .interval(13.1, 13.1), false), ("13.1 %", .interval(13.1, 13.1), false),
        ("13.1 percent", .interval(13.1, 13.1), false), ("13.1 per cent", .interval(13.1, 13.1), false),
        ("thirteen percent", .interval(13, 13), false), ("-2%", .interval(-2, -2), false),
        ("70 basis points", .interval(0.7, 0.7), true), ("70bp", .interval(0.7, 0.7), true),
        ("70 bps", .interval(0.7, 0.7), true),
        ("2 percentage points", .interval(2, 2), true), ("1 percentage point", .interval(1, 1), true),
        ("about 13%", .interval(12, 14), false),
        ("more than 50 percent", .interval(50, .infinity, lowOpen: true), false),
        ("10-20%", .interval(10, 20), false), ("10% to 20%", .interval(10, 20), false),
        ("10 to 20 percent", .interval(10, 20), false),
        ("10%-20%", .interval(10, 20), false), ("between 10 and 20 percent", .interval(10, 20), false),
        ("between 10% and 20%", .interval(10, 20), false),
        ("between 50 and 75 basis points", .interval(0.5, 0.75), true),
    ]

    static let nonPercents = ["13", "%", "percent", "13.1", "13 percentage", "A13%", "13 per", "basis points"]

    @Test(arguments: examples)
    func readsPercent(_ text: String, _ expected: NumberRange, _ points: Bool) {
        let value = PercentReader.read(text, context: ReadingContext())
        #expect(value?.isClose(to: .percent(expected, points: points)) == true,
                "\(text) read as \(String(describing: value))")
        #expect(Self.percent.matchesWhole(text), "percent macro should match all of \(text)")
    }

    /// As in `number`, a range's second figure follows its first: a range is one match, a lone figure its own.
    @Test func rangesMatchWholeAndPlainFiguresAlone() {
        let text = "Rates of about 10% to 12% and 3 percent, between 5 and 6 percent, 7 to 8 pct."
        #expect(Self.percent.matches(in: text) == ["about 10% to 12%", "3 percent", "between 5 and 6 percent", "7 to 8 pct"])
    }

    @Test(arguments: nonPercents)
    func rejectsNonPercent(_ text: String) {
        #expect(PercentReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.percent.matchesWhole(text), "percent macro should not match all of \(text)")
    }
}
