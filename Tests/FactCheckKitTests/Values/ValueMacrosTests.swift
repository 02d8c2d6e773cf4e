import Foundation
import Testing
@testable import FactCheckKit

@Suite struct ValueMacrosTests {
    static let kinds: [(macro: String, kind: String)] = [
        ("number", "number"), ("integer", "count"), ("ordinal", "ordinal"), ("date", "date"), ("month", "date"),
        ("weekday", "date"), ("year", "date"), ("duration", "duration"), ("time", "time"), ("money", "money"),
        ("percent", "percent"), ("quantity", "quantity"), ("period", "period"),
    ]
    /// Friday, August 15, 2025, so that relative dates resolve.
    static let context = ReadingContext(documentDate: DateValue(year: 2025, month: 8, day: 15))

    @Test func publishesEveryMacro() {
        #expect(Set(ValueMacros.fragments.keys) == [
            "number", "integer", "ordinal", "date", "month", "weekday", "year", "duration", "time", "zone", "money",
            "percent", "quantity", "period", "score",
        ])
    }

    @Test func readerForEachKind() {
        #expect(ValueMacros.reader(forKind: "number") == NumberReader.self)
        #expect(ValueMacros.reader(forKind: "count") == NumberReader.self)
        #expect(ValueMacros.reader(forKind: "ordinal") == OrdinalReader.self)
        #expect(ValueMacros.reader(forKind: "date") == DateReader.self)
        #expect(ValueMacros.reader(forKind: "duration") == DurationReader.self)
        #expect(ValueMacros.reader(forKind: "time") == TimeReader.self)
        #expect(ValueMacros.reader(forKind: "money") == MoneyReader.self)
        #expect(ValueMacros.reader(forKind: "percent") == PercentReader.self)
        #expect(ValueMacros.reader(forKind: "quantity") == QuantityReader.self)
        #expect(ValueMacros.reader(forKind: "age") == NumberReader.self)
        #expect(ValueMacros.reader(forKind: "score") == ScoreReader.self)
        #expect(ValueMacros.reader(forKind: "not-a-claim") == NumberReader.self)
        #expect(ValueMacros.reader(forKind: "headcount") == nil)
        for kind in ValueMacros.kinds { #expect(ValueMacros.reader(forKind: kind) != nil, "\(kind)") }
    }

    /// Rules wrap macros in their own named groups and compile without UCP: fragments must not capture, must not
    /// use `\d`, and must not match the empty string. Anchored scanning reads only the written rule pattern for
    /// what would stop it (`MacroExpander.leadingMacro`): fragments must not use `\G` or a backtracking verb.
    @Test(arguments: ValueMacros.fragments.keys.sorted())
    func fragmentIsWellFormed(_ name: String) throws {
        let fragment = try #require(ValueMacros.fragments[name])
        var escaped = false
        var capturing = 0
        var previous: Character = " "
        for character in fragment {
            if escaped {
                #expect(character != "d", "\(name) uses \\d")
                #expect(character != "G", "\(name) uses \\G")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if previous == "(" && character != "?" {
                capturing += 1
            }
            previous = escaped ? " " : character
        }
        // A "(" at the very end would be a syntax error anyway; the scan above counts "(" not followed by "?".
        #expect(capturing == 0, "\(name) has \(capturing) capturing groups")
        #expect(!fragment.contains("(*"), "\(name) uses a backtracking verb")
        #expect(!MacroMatcher(name).matchesWhole(""), "\(name) matches the empty string")
    }

    // MARK: Fuzzing

    static let vocabulary = [
        "1", "6", "13", "1,300", "3.2", "2025", "08", "15", "a", "an", "and", "one", "twenty", "two", "-", "–",
        "hundred", "thousand", "million", "bn", "m", "$", "£", "€", "US", "USD", "%", "percent", "per", "cent",
        "years", "year", "months", "decade", "day", "half", "dozen", "couple", "of", "about", "more", "than",
        "between", "to", "up", "August", "Aug", ".", ",", "th", "st", "the", "Wednesday", "a.m.", "pm", ":", "00",
        "30", "noon", "Moscow", "time", "local", "GMT", "ET", "o'clock", "dollars", "cents", "basis", "points",
        "percentage", "first", "thirty", "21st", "x", "someone", "old", "last", "yesterday", "mid", "/", "few",
        "hundreds", "minus", "+", "3", "UTC", "km", "kg", "miles", "mph", "°C", "grams", "cups", "lb", "from",
        "quarter", "third", "Q3", "fiscal", "FY2021",
    ]

    /// A deterministic generator, so that a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func phrases(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(state: seed)
        return (0..<count).map { _ in
            var text = ""
            for index in 0..<Int.random(in: 1...6, using: &generator) {
                if index > 0 { text += Bool.random(using: &generator) || Bool.random(using: &generator) ? " " : "" }
                text += vocabulary.randomElement(using: &generator)!
            }
            return text
        }
    }

    /// Whatever the fragment matches as a whole, the reader reads: the property the rule engine relies on.
    @Test(arguments: kinds.map(\.macro))
    func readerAcceptsEverythingItsMacroMatches(_ name: String) throws {
        let matcher = MacroMatcher(name)
        let kind = try #require(Self.kinds.first { $0.macro == name }?.kind)
        let reader = try #require(ValueMacros.reader(forKind: kind))
        var unread: [String] = []
        var matched = 0
        for text in Self.phrases(count: 20_000, seed: 7) where matcher.matchesWhole(text) {
            matched += 1
            if reader.read(text, context: Self.context) == nil { unread.append(text) }
        }
        #expect(matched > 0, "the generated phrases never exercise \(name)")
        #expect(unread.isEmpty, "\(name) matches but does not read: \(unread.prefix(20))")
    }

    /// Long runs of number words, or of parts, followed by no unit must not be rescanned from every word.
    @Test(arguments: ["duration", "money", "percent", "number"])
    func fragmentsScanAdversarialTextQuickly(_ name: String) {
        let matcher = MacroMatcher(name)
        let texts = ["twenty " , "one hundred ", "one thousand, ", "twenty-", "one-", "3 years and "]
            .map { String(repeating: $0, count: 300) + "x" }
        let elapsed = ContinuousClock().measure {
            for text in texts { _ = matcher.matches(in: text) }
        }
        #expect(elapsed < .seconds(5), "\(name) took \(elapsed)")
    }

    @Test func readersSurviveArbitraryInput() {
        var generator = SplitMix(state: 42)
        let alphabet = Array("0123456789 ,.-–:/%$£€abmpstx'’\u{0}\u{301}\u{1F600}\n\tAM")
        var inputs = Self.phrases(count: 1_000, seed: 11)
        for _ in 0..<1_000 {
            let length = Int.random(in: 0...40, using: &generator)
            inputs.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        // Long inputs: they must be rejected quickly, not parsed.
        inputs.append(String(repeating: "one hundred and ", count: 20_000))
        inputs.append(String(repeating: "1,", count: 50_000))
        inputs.append(String(repeating: " ", count: 100_000) + "16")
        let sample = "About 1,300 detainees and 16 prisoners were freed on Aug. 15, 2025 at 11:00 a.m. local time"
        let characters = Array(sample)
        for start in 0..<characters.count {
            for end in stride(from: start + 1, through: characters.count, by: 3) {
                inputs.append(String(characters[start..<end]))
            }
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for text in inputs {
                for reader in ValueMacros.readers { _ = reader.read(text, context: Self.context) }
            }
        }
        #expect(elapsed < .seconds(20), "reading \(inputs.count) inputs took \(elapsed)")
    }
}
