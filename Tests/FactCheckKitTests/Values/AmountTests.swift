import Foundation
import Testing
@testable import FactCheckKit

/// The figures in digits are read on their bytes, and `Amount.decimal` skips the formatter for values that need
/// none: both must give exactly what reading the text and formatting the value give.
@Suite struct AmountTests {
    @Test(arguments: [
        ("1,300", 1300.0, 0), ("16", 16, 0), ("3.2", 3.2, 1), ("0.97", 0.97, 2), ("1,234,567.891", 1_234_567.891, 3),
        ("007", 7, 0), ("12345678901234567890", 1.234_567_890_123_456_789e19, 0),
        ("0.1234567890123456789", 0.123_456_789_012_345_678_9, 19),
    ])
    func readsFiguresInDigits(_ text: String, _ value: Double, _ decimals: Int) throws {
        let read = try #require(Amount.numeral(text))
        #expect(read.value == value)
        #expect(read.decimals == decimals)
    }

    @Test(arguments: ["1,30", "1,3000", ",300", "1,", "1,.5", "1.", ".5", "1.2.3", "1.2,3", "1234,567", "", ","])
    func rejectsMalformedFigures(_ text: String) {
        #expect(Amount.numeral(text) == nil)
    }

    @Test func figuresReadAsTheirTextParses() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let integerDigits = Int.random(in: 1...12, using: &generator)
            let decimals = Int.random(in: 0...8, using: &generator)
            let integer = String((0..<integerDigits).map { _ in "0123456789".randomElement(using: &generator)! })
            let fraction = String((0..<decimals).map { _ in "0123456789".randomElement(using: &generator)! })
            let plain = decimals > 0 ? integer + "." + fraction : integer
            let read = try #require(Amount.numeral(plain))
            #expect(read.value == Double(plain)!, "\(plain)")
            #expect(read.decimals == decimals)
        }
    }

    @Test func decimalIsTheFifteenDigitRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1.3 * 1000, 0.02 * 1300, 0.5 * 1e9 / 1000, 1e15, 1e16, 1.234_567_890_123_456_78e17,
                                0.1 + 0.2, 1.0 / 3, -2.0 / 3, 5e-324, .greatestFiniteMagnitude, 9.999_999_999_999_999e15]
        for _ in 0..<20_000 {
            let figure = Double(Int.random(in: 1...99_999, using: &generator)) / [1, 10, 100, 1000].randomElement(using: &generator)!
            let factor = [1e3, 1e5, 1e6, 1e7, 1e9, 1e12, 0.9, 1.1, 0.02, 0.5, 0.0254, 1.609344].randomElement(using: &generator)!
            values += [figure * factor, figure / factor, Double.random(in: -1e6...1e6, using: &generator)]
        }
        for value in values {
            let formatted = Double(String(format: "%.15g", value)) ?? value
            #expect(Amount.decimal(value).bitPattern == formatted.bitPattern, "\(value)")
        }
    }
}
