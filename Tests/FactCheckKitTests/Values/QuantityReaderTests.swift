import Foundation
import Testing
@testable import FactCheckKit

@Suite struct QuantityReaderTests {
    static let quantity = MacroMatcher("quantity")

    static let examples: [(String, NumberRange, String)] = [
        ("5 km", .interval(5000, 5000), "m"), ("5,000 metres", .interval(5000, 5000), "m"),
        ("2 kg", .interval(2, 2), "kg"), ("500g", .interval(0.5, 0.5), "kg"),
        ("2 pounds", .interval(0.90718474, 0.90718474), "kg"), ("3 miles", .interval(4828.032, 4828.032), "m"),
        ("about 40 miles", .interval(57936.384, 70811.136), "m"),
        ("more than 2 cups", .interval(0.473176473, .infinity, lowOpen: true), "l"),
        ("between 100 and 1000 grams", .interval(0.1, 1), "kg"), ("100-1000 g", .interval(0.1, 1), "kg"),
        ("30 mph", .interval(48.28032, 48.28032), "km/h"), ("100 km/h", .interval(100, 100), "km/h"),
        ("-5°C", .interval(-5, -5), "°C"), ("212 degrees Fahrenheit", .interval(100, 100), "°C"),
        ("2,500 square kilometres", .interval(2.5e9, 2.5e9), "m2"), ("10 hectares", .interval(100_000, 100_000), "m2"),
        ("a kilogram", .interval(1, 1), "kg"), ("3/4 cup", .interval(0.177441177375, 0.177441177375), "l"),
    ]

    @Test(arguments: examples)
    func readsQuantity(_ text: String, _ expected: NumberRange, _ unit: String) {
        guard case let .quantity(range, base)? = QuantityReader.read(text, context: ReadingContext()) else {
            Issue.record("\(text) does not read")
            return
        }
        #expect(base == unit, "\(text)")
        // A single measurement is read as the interval its last digit allows (see `measuredFiguresAgreeWhenOne
        // RoundsToTheOther`): its middle is the figure.
        let middle = expected.isPoint && range.lowOpen && range.highOpen ? (range.low + range.high) / 2 : range.low
        #expect(range.isClose(to: expected) || (middle - expected.low).magnitude < 1e-6 * max(1, expected.low.magnitude),
                "\(text) read as \(range)")
    }

    @Test func macroFindsUnitsInText() {
        #expect(Self.quantity.matches(in: "The storm dumped 30 cm of snow and winds hit 100 mph.") == ["30 cm", "100 mph"])
        #expect(Self.quantity.matches(in: "He paid 100 pounds.") == [])
        #expect(Self.quantity.matches(in: "5m people") == [])
        // "m" followed by the same length in feet is metres: encyclopedic copy gives both.
        #expect(Self.quantity.matches(in: "an elevation of 8,848.86 m (29,031.7 ft)") == ["8,848.86 m", "29,031.7 ft"])
        #expect(Self.quantity.matches(in: "It cost 5 m (about 4 m pounds).") == [])
    }

    @Test(arguments: ["5", "km", "5 apples", "five", "about km", "2 degrees"])
    func rejectsNonQuantity(_ text: String) {
        #expect(QuantityReader.read(text, context: ReadingContext()) == nil, "\(text)")
    }

    private func read(_ text: String) throws -> Value {
        try #require(QuantityReader.read(text, context: ReadingContext()), "\(text)")
    }

    @Test func comparesAcrossUnitsOfOneDimensionOnly() throws {
        #expect(try read("5 km").agreement(with: read("5,000 metres")) == .agrees)
        #expect(try read("5 km").agreement(with: read("6 km")) == .disagrees)
        #expect(try read("5 km").agreement(with: read("5 kg")) == .incomparable)
        #expect(try read("about 3 miles").agreement(with: read("5 km")) == .agrees)
        #expect(try read("0 °C").agreement(with: read("32 degrees Fahrenheit")) == .agrees)
    }

    /// A length given in two units is rounded in one of them, and a summary rounds what it restates; neighbouring
    /// figures still differ.
    @Test func measuredFiguresAgreeWhenOneRoundsToTheOther() throws {
        #expect(try read("330 metres").agreement(with: read("1,083 ft")) == .agrees)
        #expect(try read("8,848.86 m").agreement(with: read("29,031.7 ft")) == .agrees)
        #expect(try read("8,849 metres").agreement(with: read("8,848.86 m")) == .agrees)
        #expect(try read("2,500 km2").agreement(with: read("970 sq mi")) == .agrees)
        #expect(try read("330 m").agreement(with: read("320 m")) == .disagrees)
        #expect(try read("86 miles").agreement(with: read("85 miles")) == .disagrees)
        #expect(try read("30 cm").agreement(with: read("32 cm")) == .disagrees)
        #expect(try read("8,611 m").agreement(with: read("29,031.7 ft")) == .disagrees)
    }
}
