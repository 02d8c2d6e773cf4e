import Testing
@testable import FactCheckKit

/// Parts of the day beside a date, clock-time spans, two-digit years, ages and qualified sentences.
@Suite struct DayPartAndSpanTests {
    let context = ReadingContext(documentDate: DateValue(year: 2013, month: 2, day: 12))

    @Test(arguments: ["February the 15th in the morning", "15 of February in the morning",
                      "the morning of the 15th of February", "on the morning of February 15"])
    func dateWithPartOfDay(_ text: String) throws {
        let (date, part) = try #require(DateReader.dateAndDayPart(text, context: context))
        #expect(date == DateValue(month: 2, day: 15))
        #expect(part == .morning)
        // The date rule compares the day; the part of the day does not stop it reading.
        #expect(DateReader.read(text, context: context) == .date(DateValue(month: 2, day: 15)))
    }

    @Test func partOfDayAloneIsNotADate() {
        #expect(DateReader.dateAndDayPart("in the morning", context: context) == nil)
        #expect(DateReader.read("morning", context: context) == nil)
    }

    @Test func clockSpans() throws {
        let (start, end) = try #require(TimeReader.span("9h30 - 11h00", context: context))
        #expect(start.minutes == [570])
        #expect(end.minutes == [660])
        let (zoned, zonedEnd) = try #require(TimeReader.span("from 2pm to 4pm ET", context: context))
        #expect(zoned == TimeValue(minutes: [840], zone: "et"))
        #expect(zonedEnd == TimeValue(minutes: [960], zone: "et"))
        #expect(TimeReader.span("9h30", context: context) == nil)
        #expect(TimeReader.span("2pm GMT to 4pm ET", context: context) == nil)
    }

    @Test func twoDigitYearAfterDayAndMonth() {
        #expect(DateReader.read("14th April 15", context: context) == .date(DateValue(year: 2015, month: 4, day: 14)))
        #expect(DateReader.read("14 April '98", context: context) == .date(DateValue(year: 1998, month: 4, day: 14)))
        // Month first, two digits are the day, never a year.
        #expect(DateReader.read("April 15", context: context) == .date(DateValue(month: 4, day: 15)))
    }

    @Test func lifeAndSuspendedSentences() {
        let life = DurationReader.read("life in prison", context: context)
        guard case .duration(_, .life)? = life else { Issue.record("\(String(describing: life))"); return }
        let twoYears = 2 * 12 * DurationReader.secondsPerMonth
        #expect(DurationReader.read("a two-year suspended", context: context)
            == .duration(NumberRange(exactly: twoYears), qualifier: .suspended))
        #expect(DurationReader.read("two years, suspended", context: context)
            == .duration(NumberRange(exactly: twoYears), qualifier: .suspended))
        // A suspended sentence is not compared with a custodial one.
        let custodial = Value.duration(NumberRange(exactly: twoYears), qualifier: nil)
        let suspended = Value.duration(NumberRange(exactly: twoYears), qualifier: .suspended)
        #expect(custodial.agreement(with: suspended) == .incomparable)
        #expect(DurationReader.read("suspended", context: context) == nil)
    }

    @Test func ageIsNotADuration() {
        #expect(DurationReader.read("37-year-old", context: context) == nil)
        #expect(DurationReader.read("37 years old", context: context) == nil)
    }
}
