import Testing
@testable import FactCheckKit

/// The store's record decoders meet bytes a bit flip, a bad disk or another program wrote: whatever the bytes, a
/// decoder answers a record or nil, and never traps or reserves what the bytes merely claim (issue 24: a damaged
/// store crashed `base remove` with SIGILL and `check` with "failed to allocate 14717114102888 bytes").
@Suite struct FactRecordTests {
    static let values: [Value] = [
        .number(NumberRange(low: 1_300, high: 1_300)),
        .percent(NumberRange(low: 3.5, high: 3.5), points: true),
        .money(NumberRange(low: 1.7e9, high: 1.8e9, isStatedRange: true), currency: "USD"),
        .ordinal(3),
        .date(DateValue(year: 2025, month: 8, day: 15, weekday: 5)),
        .duration(NumberRange(low: 132, high: 132), qualifier: .suspended),
        .time(TimeValue(minutes: [360, 1_080], zone: "moscow")),
        .quantity(NumberRange(low: 20, high: .infinity, lowOpen: true), unit: "kg"),
        .dateRange(DateValue(year: 2021, quarter: 3), DateValue(year: 2022, month: 1)),
    ]

    static func record(_ value: Value) -> [UInt8] {
        let claim = Claim(ruleID: "core.count", kind: "count", severity: .warning, message: "", value: value,
                          span: 0..<0, valueSpan: 0..<0, sentenceIndex: 0, key: ["prisoner"], keyWords: ["prisoners"],
                          context: ["releas": 1, "belarus": 0.5], words: [:], entities: [], names: ["Zenkovich"],
                          people: ["Zenkovich"], event: "release", isComparisonBase: true)
        let passage = Passage(text: "16 prisoners", value: value, location: TextLocation(offset: 37, line: 1, column: 38),
                              length: 12, sentence: "Belarus released 16 prisoners.")
        return FactRecord.encode(claim: claim, passage: passage)
    }

    /// Every decoder on one byte string; the results are thrown away, what counts is that each returns.
    private func decodeAll(_ bytes: [UInt8], value: Value) -> Bool {
        let record = FactRecord.decode(bytes)
        _ = FactRecord.decodeContext(bytes)
        _ = FactRecord.decodeValue(bytes)
        _ = FactRecord.decodePassage(bytes, value: value)
        return record != nil
    }

    @Test func everyValueKindRoundTrips() {
        for value in Self.values {
            let decoded = FactRecord.decode(Self.record(value))
            #expect(decoded?.claim.value == value)
            #expect(decoded?.claim.isComparisonBase == true)
            #expect(decoded?.passage.sentence == "Belarus released 16 prisoners.")
        }
    }

    @Test func everyTruncationIsRejected() {
        for value in Self.values {
            let bytes = Self.record(value)
            for count in 0..<bytes.count {
                #expect(!decodeAll(Array(bytes.prefix(count)), value: value), "\(value) cut at \(count)")
            }
        }
    }

    /// Flipped bits, overwritten bytes and counts set to the largest varints, at seeded random places.
    @Test func damagedRecordsNeverTrap() {
        var random = SeededGenerator(seed: 24)
        let hugeCounts: [[UInt8]] = [
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // Int.min after zig-zag
            [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // Int.max
            [0xE0, 0xDF, 0xBD, 0xD7, 0x88, 0x5A],  // about 1.5e13, the count of the crash's allocation
        ]
        for round in 0..<6_000 {
            let value = Self.values[round % Self.values.count]
            var bytes = Self.record(value)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
                default: bytes.replaceSubrange(at..<min(bytes.count, at + 1), with: hugeCounts.randomElement(using: &random)!)
                }
            }
            _ = decodeAll(bytes, value: value)
        }
    }

    @Test func randomBytesNeverTrap() {
        var random = SeededGenerator(seed: 2_024)
        for _ in 0..<6_000 {
            let bytes = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = decodeAll(bytes, value: .ordinal(1))
        }
    }

    /// Values outside what any reader makes would index past the month names or overflow date arithmetic later.
    @Test func impossibleDatesAndNaNAreDamage() {
        var writer = FactRecord.Writer()
        writer.value(.date(DateValue(year: 2025, month: 13, day: 1)))
        #expect(FactRecord.decodeValue(writer.bytes) == nil)
        writer = FactRecord.Writer()
        writer.value(.date(DateValue(year: Int.max / 2)))
        #expect(FactRecord.decodeValue(writer.bytes) == nil)
        writer = FactRecord.Writer()
        writer.value(.number(NumberRange(low: .nan, high: 1)))
        #expect(FactRecord.decodeValue(writer.bytes) == nil)
    }
}
