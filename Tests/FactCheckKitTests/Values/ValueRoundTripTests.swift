import Foundation
import Testing
@testable import FactCheckKit

/// A value printed as text (`ValueText`) and read back by its reader is the same value, for random values of
/// every dimension; and no reader takes long on large adversarial input.
@Suite struct ValueRoundTripTests {
    static let context = ReadingContext()

    static func randomValues(seed: UInt64) -> [(any ValueReader.Type, Value)] {
        var generator = ValueMacrosTests.SplitMix(state: seed)
        var values: [(any ValueReader.Type, Value)] = []
        for _ in 0..<300 {
            let whole = Double(Int.random(in: 0...5_000_000, using: &generator))
            let decimal = Double(Int.random(in: 0...99_999, using: &generator)) / 100
            let low = Double(Int.random(in: 0...1000, using: &generator))
            values.append((NumberReader.self, .number(NumberRange(exactly: whole))))
            values.append((NumberReader.self, .number(NumberRange(exactly: decimal))))
            values.append((NumberReader.self, .number(NumberRange(low: low, high: low + whole + 1, isStatedRange: true))))
            values.append((NumberReader.self, .number(NumberRange(low: low, high: .infinity, lowOpen: Bool.random(using: &generator)))))
            values.append((PercentReader.self, .percent(NumberRange(exactly: decimal), points: Bool.random(using: &generator))))
            values.append((MoneyReader.self, .money(NumberRange(exactly: whole), currency: ["USD", "EUR", "GBP"].randomElement(using: &generator))))
            values.append((OrdinalReader.self, .ordinal(Int.random(in: 1...9_999, using: &generator))))
            let year = Int.random(in: 1900...2099, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator)
            values.append((DateReader.self, .date(DateValue(year: year, month: month, day: day))))
            values.append((DateReader.self, .date(DateValue(month: month, day: day))))
            values.append((DateReader.self, .date(DateValue(year: year, month: month))))
            values.append((DateReader.self, .date(DateValue(year: year))))
            let weekday = DateValue(year: year, month: month, day: day).resolvedWeekday
            values.append((DateReader.self, .date(DateValue(year: year, month: month, day: day, weekday: weekday))))
            let last = Int.random(in: day...31, using: &generator)
            if last > day {
                values.append((DateReader.self, .dateRange(DateValue(year: year, month: month, day: day),
                                                           DateValue(year: year, month: month, day: last))))
            }
            values.append((DurationReader.self, .duration(NumberRange(exactly: whole), qualifier: nil)))
            let minutes = Int.random(in: 0..<1440, using: &generator)
            values.append((TimeReader.self, .time(TimeValue(minutes: [minutes]))))
            values.append((TimeReader.self, .time(TimeValue(minutes: [minutes % 720 + 60 * (minutes < 60 ? 1 : 0)].map { $0 % 720 }
                .flatMap { [$0, $0 + 720] }, zone: ["gmt", "moscow", "et", nil].randomElement(using: &generator)!))))
            let unit = ["m", "kg", "m2", "l", "km/h", "°C"].randomElement(using: &generator)!
            values.append((QuantityReader.self, .quantity(NumberRange(exactly: decimal - (unit == "°C" ? 500 : 0)), unit: unit)))
        }
        return values
    }

    @Test func printedValuesReadBackTheSame() {
        var unprintable = 0
        var mismatches: [String] = []
        for (reader, value) in Self.randomValues(seed: 2024) {
            guard let text = ValueText.text(value) else {
                unprintable += 1
                continue
            }
            let reread = reader.read(text, context: Self.context)
            // A measurement is read as the interval its last digit allows (`QuantityReader.measured`).
            var expected = value
            if case let .quantity(range, unit) = value { expected = .quantity(QuantityReader.measured(range), unit: unit) }
            if reread.map({ $0.isClose(to: expected) || $0 == expected }) != true {
                mismatches.append("\(value) → \"\(text)\" → \(String(describing: reread))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) values do not round-trip: \(mismatches.prefix(10))")
        #expect(unprintable < 50, "\(unprintable) values have no text form")
    }

    /// Every reader stops early on long input: a reader's cost is bounded by its token budget, so reading 100 KB
    /// of adversarial text costs about what reading 1 KB does.
    @Test func readersStayFastOnLongInput() {
        let seeds = ["one hundred and ", "1 year and ", "3/", "from the 13th to ", "a. ", "- ", "point ", "2 hours "]
        let clock = ContinuousClock()
        for seed in seeds {
            let short = String(repeating: seed, count: 60)
            let long = String(repeating: seed, count: 6_000)
            let readers = ValueMacros.readers
            let shortTime = clock.measure { for reader in readers { _ = reader.read(short, context: Self.context) } }
            let longTime = clock.measure { for reader in readers { _ = reader.read(long, context: Self.context) } }
            #expect(longTime < .seconds(1), "\(seed): \(longTime) on 100x the input")
            #expect(longTime < shortTime * 200 + .milliseconds(50), "\(seed): \(shortTime) → \(longTime)")
        }
    }
}
