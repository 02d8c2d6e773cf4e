import Foundation
import Testing
@testable import FactCheckKit

/// Seasons, decades, "N units ago" and bare weekdays resolved against the document's date (`DatePeriods.swift`).
@Suite struct DatePeriodTests {
    static let date = MacroMatcher("date")
    /// Friday, August 15, 2025.
    static let context = ReadingContext(documentDate: DateValue(year: 2025, month: 8, day: 15))

    static func range(_ first: (Int, Int, Int), _ last: (Int, Int, Int)) -> Value {
        .dateRange(DateValue(year: first.0, month: first.1, day: first.2),
                   DateValue(year: last.0, month: last.1, day: last.2))
    }

    /// Read the same with or without a document date.
    static let absolute: [(String, Value)] = [
        ("summer 2021", range((2021, 6, 1), (2021, 8, 31))),
        ("the spring of 2020", range((2020, 3, 1), (2020, 5, 31))),
        ("Autumn 2019", range((2019, 9, 1), (2019, 11, 30))),
        ("fall of 2022", range((2022, 9, 1), (2022, 11, 30))),
        // A winter is named by the year of its January: December of the year before to February.
        ("winter 2021", range((2020, 12, 1), (2021, 2, 28))),
        ("the winter of 2024", range((2023, 12, 1), (2024, 2, 29))),
        ("the 1990s", range((1990, 1, 1), (1999, 12, 31))),
        ("1990s", range((1990, 1, 1), (1999, 12, 31))),
        ("the 2010s", range((2010, 1, 1), (2019, 12, 31))),
        ("the '90s", range((1990, 1, 1), (1999, 12, 31))),
        ("the ’00s", range((2000, 1, 1), (2009, 12, 31))),
        ("the early 1980s", range((1980, 1, 1), (1989, 12, 31))),
        ("mid-1990s", range((1990, 1, 1), (1999, 12, 31))),
    ]

    /// Resolved against Friday, August 15, 2025; nil without a document date.
    static let relative: [(String, Value)] = [
        ("three days ago", .date(DateValue(year: 2025, month: 8, day: 12))),
        ("3 days ago", .date(DateValue(year: 2025, month: 8, day: 12))),
        ("two weeks ago", .date(DateValue(year: 2025, month: 8, day: 1))),
        ("a day ago", .date(DateValue(year: 2025, month: 8, day: 14))),
        ("a month ago", .date(DateValue(year: 2025, month: 7))),
        ("eight months ago", .date(DateValue(year: 2024, month: 12))),
        ("a year ago", .date(DateValue(year: 2024))),
        ("ten years ago", .date(DateValue(year: 2015))),
        ("last summer", range((2024, 6, 1), (2024, 8, 31))),
        ("last spring", range((2025, 3, 1), (2025, 5, 31))),
        ("last winter", range((2024, 12, 1), (2025, 2, 28))),
        ("this summer", range((2025, 6, 1), (2025, 8, 31))),
        ("next winter", range((2025, 12, 1), (2026, 2, 28))),
        ("next fall", range((2025, 9, 1), (2025, 11, 30))),
    ]

    /// Bare weekdays in a document dated Friday, August 15, 2025: the latest such day on or before it.
    static let weekdays: [(String, DateValue)] = [
        ("Friday", DateValue(year: 2025, month: 8, day: 15, weekday: 5)),
        ("on Friday", DateValue(year: 2025, month: 8, day: 15, weekday: 5)),
        ("Thursday", DateValue(year: 2025, month: 8, day: 14, weekday: 4)),
        ("Saturday", DateValue(year: 2025, month: 8, day: 9, weekday: 6)),
        ("on Monday", DateValue(year: 2025, month: 8, day: 11, weekday: 1)),
    ]

    /// Season and decade words that are not dates.
    static let nonDates = [
        "spring", "the fall", "summer", "prices fall", "a winter storm", "the 1995s", "the 90s", "1800s",
        "days ago", "summer 2101", "last autumnal",
    ]

    @Test(arguments: absolute)
    func readsPeriod(_ text: String, _ expected: Value) {
        #expect(DateReader.read(text, context: ReadingContext()) == expected, "\(text)")
        #expect(DateReader.read(text, context: Self.context) == expected, "\(text)")
        #expect(Self.date.matchesWhole(text), "date macro should match all of \(text)")
    }

    @Test(arguments: relative)
    func resolvesAgainstDocumentDate(_ text: String, _ expected: Value) {
        #expect(DateReader.read(text, context: Self.context) == expected, "\(text)")
        #expect(Self.date.matchesWhole(text), "date macro should match all of \(text)")
        #expect(DateReader.read(text, context: ReadingContext()) == nil, "\(text)")
    }

    @Test(arguments: weekdays)
    func resolvesBareWeekday(_ text: String, _ expected: DateValue) {
        let weekday = expected.weekday!
        #expect(DateReader.pastWeekday(weekday, context: Self.context) == expected, "\(text)")
        // Without a full document date there is nothing to resolve against.
        #expect(DateReader.pastWeekday(weekday, context: ReadingContext()) == nil)
        #expect(DateReader.pastWeekday(weekday, context: ReadingContext(documentDate: DateValue(year: 2025))) == nil)
        // `read` resolves a weekday against a dated document, and keeps it alone in an undated one.
        #expect(DateReader.read(text, context: Self.context) == .date(expected), "\(text)")
        #expect(DateReader.read(text, context: ReadingContext()) == .date(DateValue(weekday: weekday)), "\(text)")
    }

    @Test(arguments: nonDates)
    func rejectsNonDate(_ text: String) {
        #expect(DateReader.read(text, context: Self.context) == nil, "\(text)")
        #expect(!Self.date.matchesWhole(text), "date macro should not match all of \(text)")
    }

    @Test func seasonsAcrossTheYearsEnd() {
        // "last winter" in January is the winter before the one under way.
        let january = ReadingContext(documentDate: DateValue(year: 2025, month: 1, day: 10))
        #expect(DateReader.read("last winter", context: january) == Self.range((2023, 12, 1), (2024, 2, 29)))
        #expect(DateReader.read("this winter", context: january) == Self.range((2024, 12, 1), (2025, 2, 28)))
        #expect(DateReader.read("last summer", context: january) == Self.range((2024, 6, 1), (2024, 8, 31)))
        #expect(DateReader.read("two weeks ago", context: january) == .date(DateValue(year: 2024, month: 12, day: 27)))
        // A month-only document date gives months and years, not days.
        let month = ReadingContext(documentDate: DateValue(year: 2025, month: 3))
        #expect(DateReader.read("three days ago", context: month) == nil)
        #expect(DateReader.read("two months ago", context: month) == .date(DateValue(year: 2025, month: 1)))
    }

    @Test func findsPeriodsInRunningText() {
        #expect(Self.date.matches(in: "Prices fall in spring, and fell in the spring of 2020.")
                == ["the spring of 2020"])
        #expect(Self.date.matches(in: "He left in the '90s and came back three days ago.")
                == ["the '90s", "three days ago"])
        #expect(Self.date.matches(in: "Talks stalled last winter; in the 2010s they were frequent.")
                == ["last winter", "the 2010s"])
        #expect(Self.date.matches(in: "A summer storm hit on Friday.") == ["Friday"])
    }

    @Test func periodsMeetDates() {
        let summer = Self.range((2021, 6, 1), (2021, 8, 31))
        #expect(summer.agreement(with: .date(DateValue(year: 2021, month: 7, day: 4))) == .agrees)
        #expect(summer.agreement(with: .date(DateValue(year: 2022, month: 7, day: 4))) == .disagrees)
        #expect(summer.agreement(with: Self.range((2021, 6, 1), (2021, 8, 31))) == .agrees)
        #expect(summer.agreement(with: Self.range((2020, 6, 1), (2020, 8, 31))) == .disagrees)
    }

    /// Seasons within one calendar year print as their span of days and read back the same; a winter or a decade,
    /// which spans years, has no text form in `ValueText`.
    @Test func periodsRoundTrip() {
        for year in [1999, 2020, 2021] {
            for name in ["spring", "summer", "autumn"] {
                let value = DateReader.read("\(name) \(year)", context: ReadingContext())!
                let text = ValueText.text(value)
                #expect(text != nil, "\(value)")
                if let text { #expect(DateReader.read(text, context: ReadingContext()) == value, "\(text)") }
            }
            let winter = DateReader.read("winter \(year)", context: ReadingContext())!
            #expect(ValueText.text(winter) == nil)
        }
    }
}
