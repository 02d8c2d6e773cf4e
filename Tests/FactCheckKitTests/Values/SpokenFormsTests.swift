import Testing
@testable import FactCheckKit

/// Forms reporters write that issue 3 names: one-word multiples, parts of the day after an hour, concurrent
/// sentences.
@Suite struct SpokenFormsTests {
    private let context = ReadingContext()

    @Test func oneWordMultiplesAreExact() {
        #expect(NumberReader.read("twice", context: context) == .number(NumberRange(exactly: 2)))
        #expect(NumberReader.read("thrice", context: context) == .number(NumberRange(exactly: 3)))
    }

    @Test(arguments: [
        ("11 in the morning", 660), ("11:30 in the morning", 690), ("3 in the afternoon", 900),
        ("8 in the evening", 1200), ("10 at night", 1320),
    ])
    func anHourWithItsPartOfTheDay(text: String, minutes: Int) throws {
        #expect(TimeReader.read(text, context: context) == .time(TimeValue(minutes: [minutes])))
        let pattern = try Pattern("^(?:" + (ValueMacros.fragments["time"] ?? "") + ")$")
        #expect(try !pattern.matches(in: Array(text.utf8)).isEmpty, "the time macro does not find \(text)")
    }

    @Test func aConcurrentSentenceMeetsOnlyConcurrentOnes() throws {
        guard case let .duration(range, qualifier)? = DurationReader.read("5-year concurrent", context: context) else {
            Issue.record("not read")
            return
        }
        #expect(qualifier == .concurrent)
        let custodial = Value.duration(range, qualifier: nil)
        #expect(Value.duration(range, qualifier: .concurrent).agreement(with: custodial) == .incomparable)
    }
}

/// Wire-service abbreviations and informal currency words.
@Suite struct WireFormsTests {
    private let context = ReadingContext()

    @Test func wireAbbreviationsScale() {
        #expect(NumberReader.read("5 mln", context: context) == .number(NumberRange(exactly: 5_000_000)))
        #expect(NumberReader.read("3 bln", context: context) == .number(NumberRange(exactly: 3_000_000_000)))
        #expect(MoneyReader.read("5 mln bucks", context: context)
                == .money(NumberRange(exactly: 5_000_000), currency: "USD"))
        #expect(MoneyReader.read("10 million dollars", context: context)
                == .money(NumberRange(exactly: 10_000_000), currency: "USD"))
    }

    @Test func theMacrosFindThem() throws {
        for (macro, text) in [("number", "5 mln"), ("money", "5 mln bucks"), ("money", "3 bln dollars")] {
            let pattern = try Pattern("^(?:" + (ValueMacros.fragments[macro] ?? "") + ")$")
            #expect(try !pattern.matches(in: Array(text.utf8)).isEmpty, "{\(macro)} does not find \(text)")
        }
    }
}
