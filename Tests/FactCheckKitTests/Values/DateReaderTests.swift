import Foundation
import Testing
@testable import FactCheckKit

@Suite struct DateReaderTests {
    static let date = MacroMatcher("date")
    /// Friday, August 15, 2025.
    static let context = ReadingContext(documentDate: DateValue(year: 2025, month: 8, day: 15))

    static let examples: [(String, DateValue)] = [
        ("August 15", DateValue(month: 8, day: 15)), ("Aug. 15", DateValue(month: 8, day: 15)),
        ("Aug 15, 2025", DateValue(year: 2025, month: 8, day: 15)), ("15 August", DateValue(month: 8, day: 15)),
        ("15 August 2025", DateValue(year: 2025, month: 8, day: 15)), ("August 15th", DateValue(month: 8, day: 15)),
        ("the 15th of August", DateValue(month: 8, day: 15)), ("June 26th", DateValue(month: 6, day: 26)),
        ("15th of August 2025", DateValue(year: 2025, month: 8, day: 15)), ("Sept. 3", DateValue(month: 9, day: 3)),
        ("January", DateValue(month: 1)), ("January 2021", DateValue(year: 2021, month: 1)),
        ("2021", DateValue(year: 2021)), ("1900", DateValue(year: 1900)), ("2099", DateValue(year: 2099)),
        ("2025-08-15", DateValue(year: 2025, month: 8, day: 15)),
        ("8/15/2025", DateValue(year: 2025, month: 8, day: 15)),
        ("Wednesday", DateValue(weekday: 3)),
        ("Wednesday, August 13", DateValue(month: 8, day: 13, weekday: 3)),
        ("Wednesday, Aug. 13, 2025", DateValue(year: 2025, month: 8, day: 13, weekday: 3)),
        ("mid-August", DateValue(month: 8)), ("early 2021", DateValue(year: 2021)),
        ("mid-2021", DateValue(year: 2021)), ("late January 2021", DateValue(year: 2021, month: 1)),
    ]

    static let relative: [(String, DateValue)] = [
        ("yesterday", DateValue(year: 2025, month: 8, day: 14)), ("today", DateValue(year: 2025, month: 8, day: 15)),
        ("tomorrow", DateValue(year: 2025, month: 8, day: 16)), ("last year", DateValue(year: 2024)),
        ("this year", DateValue(year: 2025)), ("next month", DateValue(year: 2025, month: 9)),
        ("last month", DateValue(year: 2025, month: 7)),
        ("last Tuesday", DateValue(year: 2025, month: 8, day: 12)),
        ("next Tuesday", DateValue(year: 2025, month: 8, day: 19)),
        ("last Friday", DateValue(year: 2025, month: 8, day: 8)),
    ]

    static let nonDates = [
        "15", "A2021x", "2101", "0999", "20211", "August 32", "2025-13-01", "Aug 15,2025",
        "Wednesday the", "last week", "this Tuesday", "15th", "the 15th", "0/15/2025",
    ]

    @Test(arguments: examples)
    func readsDate(_ text: String, _ expected: DateValue) {
        #expect(DateReader.read(text, context: ReadingContext()) == .date(expected), "\(text)")
        #expect(Self.date.matchesWhole(text), "date macro should match all of \(text)")
    }

    @Test(arguments: relative)
    func resolvesRelativeDate(_ text: String, _ expected: DateValue) {
        #expect(DateReader.read(text, context: Self.context) == .date(expected), "\(text)")
        #expect(Self.date.matchesWhole(text), "date macro should match all of \(text)")
        // Without the document's date there is nothing to resolve against.
        #expect(DateReader.read(text, context: ReadingContext()) == nil, "\(text)")
    }

    @Test func relativeDateNeedsTheFieldsItUses() {
        let yearOnly = ReadingContext(documentDate: DateValue(year: 2025))
        #expect(DateReader.read("last year", context: yearOnly) == .date(DateValue(year: 2024)))
        #expect(DateReader.read("yesterday", context: yearOnly) == nil)
        #expect(DateReader.read("next month", context: yearOnly) == nil)
        let january = ReadingContext(documentDate: DateValue(year: 2025, month: 1, day: 1))
        #expect(DateReader.read("last month", context: january) == .date(DateValue(year: 2024, month: 12)))
        #expect(DateReader.read("yesterday", context: january) == .date(DateValue(year: 2024, month: 12, day: 31)))
    }

    @Test(arguments: nonDates)
    func rejectsNonDate(_ text: String) {
        #expect(DateReader.read(text, context: Self.context) == nil, "\(text)")
        #expect(!Self.date.matchesWhole(text), "date macro should not match all of \(text)")
    }

    @Test func readsLeadingPreposition() {
        // Rules keep "on" and "in" outside the macro, but a capture that includes them still reads.
        #expect(DateReader.read("on Wednesday, August 13", context: ReadingContext())
                == .date(DateValue(month: 8, day: 13, weekday: 3)))
        #expect(DateReader.read("in January", context: ReadingContext()) == .date(DateValue(month: 1)))
        #expect(Self.date.matches(in: "on Wednesday, August 13") == ["Wednesday, August 13"])
        #expect(Self.date.matches(in: "in January") == ["January"])
    }

    @Test func findsDatesInsideText() {
        #expect(Self.date.matches(in: "15 people came in A2021x and in 2021.") == ["2021"])
        #expect(Self.date.matches(in: "On Wednesday, Aug. 13, 2025, he said") == ["Wednesday, Aug. 13, 2025"])
        // After a month or a day a year before 1900 is a year; a bare one is not, nor one before a count's noun.
        #expect(Self.date.matches(in: "founded on 12 May 1865 as a pulp mill") == ["12 May 1865"])
        #expect(Self.date.matches(in: "the war began in October 1899") == ["October 1899"])
        #expect(Self.date.matches(in: "On August 15, 1500 people marched") == ["August 15"])
        #expect(Self.date.matches(in: "some 1865 people") == [])
        // A period prefix or a decade's "s" makes a year of an earlier figure too; "the 1800s" is as often a century.
        #expect(Self.date.matches(in: "In late 1891 she went to Paris") == ["late 1891"])
        #expect(Self.date.matches(in: "it grew in the 1890s and the 1800s") == ["the 1890s"])
        #expect(DateReader.read("the 1890s", context: ReadingContext())
                == .dateRange(DateValue(year: 1890, month: 1, day: 1), DateValue(year: 1899, month: 12, day: 31)))
        #expect(DateReader.read("29 May 1453", context: ReadingContext()) == .date(DateValue(year: 1453, month: 5, day: 29)))
    }

    @Test func smallerMacros() {
        let month = MacroMatcher("month"), weekday = MacroMatcher("weekday"), year = MacroMatcher("year")
        for text in ["January", "Aug.", "Sept.", "sept", "December"] {
            #expect(month.matchesWhole(text), "\(text)")
            #expect(DateReader.read(text, context: ReadingContext()) != nil, "\(text)")
        }
        for text in ["Monday", "sunday"] {
            #expect(weekday.matchesWhole(text), "\(text)")
            #expect(DateReader.read(text, context: ReadingContext()) != nil, "\(text)")
        }
        for text in ["1900", "2021", "2099"] {
            #expect(year.matchesWhole(text), "\(text)")
            #expect(DateReader.read(text, context: ReadingContext()) != nil, "\(text)")
        }
        #expect(!month.matchesWhole("Augu"))
        #expect(!year.matchesWhole("1899") && !year.matchesWhole("2100") && !year.matchesWhole("20211"))
        #expect(year.matches(in: "A2021x 2021x x2021") == [])
    }
}
