import Foundation
import Testing
@testable import FactCheckKit

@Suite struct TimeReaderTests {
    static let time = MacroMatcher("time")

    static let examples: [(String, TimeValue)] = [
        ("11:00 a.m.", TimeValue(minutes: [660])), ("11 a.m.", TimeValue(minutes: [660])),
        ("11am", TimeValue(minutes: [660])), ("11 AM", TimeValue(minutes: [660])),
        ("11:00 a.m. local time", TimeValue(minutes: [660], zone: "local")),
        ("10:00 p.m. Moscow time", TimeValue(minutes: [1320], zone: "moscow")),
        ("10 p.m. Moscow time", TimeValue(minutes: [1320], zone: "moscow")),
        ("noon", TimeValue(minutes: [720])), ("midnight", TimeValue(minutes: [0])),
        ("12 noon", TimeValue(minutes: [720])), ("22:00", TimeValue(minutes: [1320])),
        ("1:34 PM", TimeValue(minutes: [814])), ("6:55 PM ET", TimeValue(minutes: [1135], zone: "et")),
        ("3 p.m. GMT", TimeValue(minutes: [900], zone: "gmt")), ("3 p.m. UTC", TimeValue(minutes: [900], zone: "gmt")),
        ("2 pm EDT", TimeValue(minutes: [840], zone: "et")),
        ("9 a.m. Eastern time", TimeValue(minutes: [540], zone: "et")),
        ("3 p.m. UTC+3", TimeValue(minutes: [900], zone: "gmt+3")),
        ("6:30", TimeValue(minutes: [390, 1110])), ("6 o'clock", TimeValue(minutes: [360, 1080])),
        ("12:30", TimeValue(minutes: [30, 750])), ("09:00", TimeValue(minutes: [540])),
        ("11.30pm", TimeValue(minutes: [1410])), ("0800 GMT", TimeValue(minutes: [480], zone: "gmt")),
        ("12 a.m.", TimeValue(minutes: [0])), ("12:30 p.m.", TimeValue(minutes: [750])),
        ("7 a.m", TimeValue(minutes: [420])),
    ]

    static let nonTimes = ["13 am", "24:00", "0800", "a.m.", "11 apples", "6:60", "1960 ET", "noonish", ""]

    @Test(arguments: examples)
    func readsTime(_ text: String, _ expected: TimeValue) {
        #expect(TimeReader.read(text, context: ReadingContext()) == .time(expected), "\(text)")
        #expect(Self.time.matchesWhole(text), "time macro should match all of \(text)")
    }

    @Test(arguments: nonTimes)
    func rejectsNonTime(_ text: String) {
        #expect(TimeReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.time.matchesWhole(text), "time macro should not match all of \(text)")
    }

    @Test func bareHourHasBothReadings() {
        // Not in the macro (it would match every small number), but a rule may capture "at 6" its own way.
        #expect(TimeReader.read("6", context: ReadingContext()) == .time(TimeValue(minutes: [360, 1080])))
        #expect(!Self.time.matchesWhole("6"))
    }

    @Test(arguments: [
        ("local time", "local"), ("Moscow time", "moscow"), ("MSK", "moscow"), ("GMT", "gmt"), ("UTC", "gmt"),
        ("ET", "et"), ("EST", "et"), ("EDT", "et"), ("Eastern time", "et"), ("Eastern Daylight Time", "et"),
        ("PT", "pt"), ("Minsk time", "minsk"), ("Kiev time", "kyiv"), ("UTC+3", "gmt+3"), ("GMT-5:30", "gmt-5:30"),
    ])
    func normalizesZone(_ text: String, _ expected: String) {
        #expect(TimeReader.zone(text) == expected, "\(text)")
        #expect(MacroMatcher("zone").matchesWhole(text), "zone macro should match all of \(text)")
    }

    @Test func zoneWordsAloneAreNotATime() {
        #expect(TimeReader.read("Moscow time", context: ReadingContext()) == nil)
        #expect(TimeReader.zone("dinner time") == nil)
        #expect(!MacroMatcher("zone").matchesWhole("dinner time"))
    }
}
