import Foundation
@testable import FactCheckKit

/// A value macro compiled for tests with NSRegularExpression (ICU), which reads the fragments' syntax (`(?:...)`,
/// lookarounds, `\b`, `[0-9]`) as PCRE2 does. Compiled case-sensitively: the fragments carry their own `(?i:`.
struct MacroMatcher {
    let name: String
    private let whole: NSRegularExpression
    private let anywhere: NSRegularExpression

    init(_ name: String) {
        self.name = name
        let fragment = ValueMacros.fragments[name]!
        // A macro that fails to compile is a test failure; crash loudly with its name.
        do {
            whole = try NSRegularExpression(pattern: "^(?:" + fragment + ")$", options: [])
            anywhere = try NSRegularExpression(pattern: fragment, options: [])
        } catch {
            fatalError("macro \(name) does not compile: \(error)")
        }
    }

    /// The fragment matches all of `text`.
    func matchesWhole(_ text: String) -> Bool {
        whole.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Every non-overlapping match in `text`, left to right.
    func matches(in text: String) -> [String] {
        anywhere.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}

extension Value {
    /// Equal up to floating-point noise, for figures computed through decimals and scales.
    func isClose(to expected: Value) -> Bool {
        switch (self, expected) {
        case let (.number(a), .number(b)):
            return a.isClose(to: b)
        case let (.percent(a, aPoints), .percent(b, bPoints)):
            return aPoints == bPoints && a.isClose(to: b)
        case let (.money(a, aCurrency), .money(b, bCurrency)):
            return aCurrency == bCurrency && a.isClose(to: b)
        case let (.duration(a, aQualifier), .duration(b, bQualifier)):
            return aQualifier == bQualifier && a.isClose(to: b)
        case let (.quantity(a, aUnit), .quantity(b, bUnit)):
            return aUnit == bUnit && a.isClose(to: b)
        default:
            return self == expected
        }
    }
}

extension NumberRange {
    /// An interval for test tables.
    static func interval(_ low: Double, _ high: Double, lowOpen: Bool = false, highOpen: Bool = false) -> NumberRange {
        NumberRange(low: low, high: high, lowOpen: lowOpen, highOpen: highOpen)
    }

    /// Equal up to floating-point noise at both ends.
    func isClose(to other: NumberRange) -> Bool {
        func close(_ x: Double, _ y: Double) -> Bool {
            x == y || abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        }
        return close(low, other.low) && close(high, other.high) && lowOpen == other.lowOpen
            && highOpen == other.highOpen
    }
}
