import Foundation
import Testing
@testable import FactCheckKit

@Suite struct ValueTests {
    static let context = ReadingContext()

    static func read(_ reader: any ValueReader.Type, _ text: String) throws -> Value {
        let value = reader.read(text, context: context)
        return try #require(value, "\(reader) does not read \(text)")
    }

    @Test(arguments: [
        (NumberReader.self as any ValueReader.Type, "about 1,300", "1,312", Agreement.agrees),
        (NumberReader.self, "16", "18", .disagrees),
        (NumberReader.self, "sixteen", "16", .agrees),
        (NumberReader.self, "1.3 thousand", "1,312", .agrees),
        (NumberReader.self, "1.3 thousand", "1,340", .disagrees),
        (NumberReader.self, "more than 15", "16", .agrees),
        (NumberReader.self, "more than 15", "15", .disagrees),
        (NumberReader.self, "fewer than 20", "20", .disagrees),
        (NumberReader.self, "nearly 20", "19", .agrees),
        (NumberReader.self, "nearly 20", "21", .disagrees),
        (NumberReader.self, "a dozen", "12", .agrees),
        (NumberReader.self, "between 10 and 20", "15", .agrees),
        (NumberReader.self, "1,300", "1,312", .disagrees),
        (DateReader.self, "August 15", "Aug. 15, 2025", .agrees),
        (DateReader.self, "August 15", "August 16", .disagrees),
        (DateReader.self, "15 August 2025", "2025-08-15", .agrees),
        (DateReader.self, "Wednesday", "Aug. 13, 2025", .agrees),
        (DateReader.self, "Thursday", "Aug. 13, 2025", .disagrees),
        (DateReader.self, "2021", "August 15", .incomparable),
        (DurationReader.self, "11 years", "an eleven-year", .agrees),
        (DurationReader.self, "11 years", "12 years", .disagrees),
        (DurationReader.self, "3 years and 6 months", "three and a half years", .agrees),
        (DurationReader.self, "3 years and 6 months", "42 months", .agrees),
        (DurationReader.self, "a decade", "10-year", .agrees),
        (DurationReader.self, "18 months", "a year and a half", .agrees),
        (TimeReader.self, "noon", "11:00 a.m.", .disagrees),
        (TimeReader.self, "11 am", "11:00 a.m.", .agrees),
        (TimeReader.self, "6:30", "6:30 p.m.", .agrees),
        (TimeReader.self, "10 p.m. Moscow time", "22:00 MSK", .agrees),
        (TimeReader.self, "10 p.m. Moscow time", "10 p.m. GMT", .disagrees),
        (TimeReader.self, "10 p.m. local time", "10 p.m. GMT", .incomparable),
        (MoneyReader.self, "$3 billion", "$3.1 billion", .disagrees),
        (MoneyReader.self, "$3.1 billion", "$3,100 million", .agrees),
        (MoneyReader.self, "$5bn", "5 billion dollars", .agrees),
        (MoneyReader.self, "40 cents", "$0.40", .agrees),
        (MoneyReader.self, "€15", "$15", .incomparable),
        (PercentReader.self, "13.1%", "13.1 per cent", .agrees),
        (PercentReader.self, "13.1%", "13.2%", .disagrees),
        (PercentReader.self, "70 basis points", "0.7 percentage points", .agrees),
        (PercentReader.self, "2 percentage points", "2%", .incomparable),
        (OrdinalReader.self, "third", "3rd", .agrees),
        (OrdinalReader.self, "twenty-first", "22nd", .disagrees),
    ])
    func agreement(_ reader: any ValueReader.Type, _ first: String, _ second: String, _ expected: Agreement) throws {
        let a = try Self.read(reader, first)
        let b = try Self.read(reader, second)
        #expect(a.agreement(with: b) == expected, "\(first) [\(a)] vs \(second) [\(b)]")
        #expect(b.agreement(with: a) == expected, "\(second) [\(b)] vs \(first) [\(a)]")
    }

    @Test func aSpanOfYearsMeetsASpanOfDaysByWhatItTakesIn() throws {
        let years = try Self.read(DateReader.self, "1665–1667")
        let decade = try Self.read(DateReader.self, "the mid-1660s")
        let laterDecade = try Self.read(DateReader.self, "the 1670s")
        let straddling = try Self.read(DateReader.self, "1668–1671")
        // The coarser claim holds when it takes in the finer fact; the finer claim is not confirmed by it.
        #expect(decade.agreement(with: years) == .agrees)
        #expect(years.agreement(with: decade) == .incomparable)
        #expect(laterDecade.agreement(with: years) == .disagrees)
        #expect(years.agreement(with: laterDecade) == .disagrees)
        #expect(laterDecade.agreement(with: straddling) == .incomparable)
        // Two spans of years still meet end by end.
        #expect(years.agreement(with: try Self.read(DateReader.self, "1665–1668")) == .disagrees)
        #expect(years.agreement(with: try Self.read(DateReader.self, "1665 -- 1667")) == .agrees)
    }

    @Test func differentDimensionsAreIncomparable() throws {
        let count = try Self.read(NumberReader.self, "2021")
        let year = try Self.read(DateReader.self, "2021")
        #expect(count.agreement(with: year) == .incomparable)
    }

    @Test func readValuesPrintAsAReaderWritesThem() throws {
        #expect("\(try Self.read(NumberReader.self, "1.3 thousand"))" == "number([1274, 1326])")
        #expect("\(try Self.read(NumberReader.self, "about 1,300"))" == "number([1250, 1350])")
    }
}
