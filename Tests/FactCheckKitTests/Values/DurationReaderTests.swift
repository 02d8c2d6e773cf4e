import Foundation
import Testing
@testable import FactCheckKit

@Suite struct DurationReaderTests {
    static let duration = MacroMatcher("duration")
    static let day = 86_400.0
    static let year = 365.25 * day
    static let month = year / 12

    static func exactly(_ seconds: Double) -> NumberRange { NumberRange(exactly: seconds) }

    static let examples: [(String, NumberRange)] = [
        ("11 years", exactly(11 * year)), ("eleven years", exactly(11 * year)), ("an 11-year", exactly(11 * year)),
        ("11-year", exactly(11 * year)), ("eleven-year", exactly(11 * year)), ("a decade", exactly(10 * year)),
        ("two decades", exactly(20 * year)), ("18 months", exactly(18 * month)), ("18-month", exactly(18 * month)),
        ("3 years and 6 months", exactly(42 * month)), ("three and a half years", exactly(42 * month)),
        ("42 months", exactly(42 * month)), ("3 years, 6 months", exactly(42 * month)),
        ("a year and a half", exactly(18 * month)), ("half a year", exactly(6 * month)),
        ("three-and-a-half-year", exactly(42 * month)), ("2 weeks", exactly(14 * day)),
        ("30-day", exactly(30 * day)), ("a 30-day", exactly(30 * day)), ("30 days", exactly(30 * day)),
        ("one year", exactly(year)), ("a year", exactly(year)), ("an hour", exactly(3_600)),
        ("two years, three months and ten days", exactly(27 * month + 10 * day)),
        ("twenty-one-year", exactly(21 * year)),
        ("more than a decade", .interval(10 * year, .infinity, lowOpen: true)),
        ("about a year", .interval(0.9 * year, 1.1 * year)), ("up to 20 years", .interval(0, 20 * year)),
        ("between 5 and 10 years", .interval(5 * year, 10 * year)), ("5 to 10 years", .interval(5 * year, 10 * year)),
        ("several years", .interval(3 * year, 9 * year)),
    ]

    static let nonDurations = ["life", "11-year-old", "an 11-year-old", "years", "11", "a", "11 yearsx", "a second"]

    @Test(arguments: examples)
    func readsDuration(_ text: String, _ expected: NumberRange) {
        let value = DurationReader.read(text, context: ReadingContext())
        #expect(value?.isClose(to: .duration(expected, qualifier: nil)) == true,
                "\(text) read as \(String(describing: value))")
        #expect(Self.duration.matchesWhole(text), "duration macro should match all of \(text)")
    }

    @Test(arguments: nonDurations)
    func rejectsNonDuration(_ text: String) {
        #expect(DurationReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.duration.matchesWhole(text), "duration macro should not match all of \(text)")
    }

    @Test func sameSpanByDifferentRoutesIsExactlyEqual() {
        // Computed through months, these are the same Double, not merely close.
        let readings = ["3 years and 6 months", "three and a half years", "42 months", "three-and-a-half-year"]
            .map { DurationReader.read($0, context: ReadingContext()) }
        #expect(Set(readings.map { String(describing: $0) }).count == 1)
    }

    @Test func findsDurationsInsideText() {
        #expect(Self.duration.matches(in: "an 11-year-old was sentenced to 11 years and an eleven-year term")
                == ["11 years", "an eleven-year"])
    }
}
