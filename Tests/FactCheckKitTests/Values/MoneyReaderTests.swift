import Foundation
import Testing
@testable import FactCheckKit

@Suite struct MoneyReaderTests {
    static let money = MacroMatcher("money")

    static let examples: [(String, NumberRange, String?)] = [
        ("$0.13", .interval(0.13, 0.13), "USD"), ("$3.1 billion", .interval(3.05e9, 3.15e9), "USD"),
        ("$5bn", .interval(5e9, 5e9), "USD"), ("$5b", .interval(5e9, 5e9), "USD"),
        // Tokenized copy sets the scale apart after the currency.
        ("$5 bn", .interval(5e9, 5e9), "USD"), ("£ 40 m", .interval(4e7, 4e7), "GBP"),
        ("£70, 000", .interval(70_000, 70_000), "GBP"), ("$ 1, 250, 000", .interval(1_250_000, 1_250_000), "USD"),
        ("£100m", .interval(1e8, 1e8), "GBP"),
        ("$8.2m", .interval(8.15e6, 8.25e6), "USD"), ("€1.2M", .interval(1.176e6, 1.224e6), "EUR"),
        ("US$40", .interval(40, 40), "USD"), ("C$5", .interval(5, 5), "CAD"), ("$ 40", .interval(40, 40), "USD"),
        ("1,000 dollars", .interval(1000, 1000), "USD"), ("15 Euros", .interval(15, 15), "EUR"),
        ("12.50 euros", .interval(12.5, 12.5), "EUR"), ("$1,650 million", .interval(1.65e9, 1.65e9), "USD"),
        ("USD 40", .interval(40, 40), "USD"), ("40 USD", .interval(40, 40), "USD"),
        ("40 cents", .interval(0.4, 0.4), "USD"),
        ("two million dollars", .interval(2e6, 2e6), "USD"), ("a million dollars", .interval(1e6, 1e6), "USD"),
        ("100 roubles", .interval(100, 100), "RUB"), ("5 pounds sterling", .interval(5, 5), "GBP"),
        ("about $5 million", .interval(4.5e6, 5.5e6), "USD"), ("about 1,000 dollars", .interval(900, 1100), "USD"),
        ("more than $3 billion", .interval(3e9, .infinity, lowOpen: true), "USD"),
        ("$10-20 million", .interval(1e7, 2e7), "USD"), ("$10 million to $20 million", .interval(1e7, 2e7), "USD"),
        ("between $5 and $10 million", .interval(5e6, 1e7), "USD"), ("¥500", .interval(500, 500), "JPY"),
        // Prices read out in a meeting transcript.
        ("twelve dot fifty Euros", .interval(12.5, 12.5), "EUR"), ("twelve point five euros", .interval(12.5, 12.5), "EUR"),
        ("twenty-four dot ninety-nine dollars", .interval(24.99, 24.99), "USD"),
        ("3 point 25 dollars", .interval(3.25, 3.25), "USD"),
    ]

    // "5 bucks" is money: quoted speech and transcripts say it ("we may lose 5 mln bucks").
    static let nonMoney = ["$", "40", "dollars", "$a", "US$", "USD40", "A$", "5 Bucks players"]

    @Test(arguments: examples)
    func readsMoney(_ text: String, _ expected: NumberRange, _ currency: String?) {
        let value = MoneyReader.read(text, context: ReadingContext())
        #expect(value?.isClose(to: .money(expected, currency: currency)) == true,
                "\(text) read as \(String(describing: value))")
        #expect(Self.money.matchesWhole(text), "money macro should match all of \(text)")
    }

    @Test(arguments: nonMoney)
    func rejectsNonMoney(_ text: String) {
        #expect(MoneyReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.money.matchesWhole(text), "money macro should not match all of \(text)")
    }

    @Test func findsMoneyInsideText() {
        #expect(Self.money.matches(in: "a $3.1 billion deal, up from US$40 and 15 Euros")
                == ["$3.1 billion", "US$40", "15 Euros"])
    }
}
