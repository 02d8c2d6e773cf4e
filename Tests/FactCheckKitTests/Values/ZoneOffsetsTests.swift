import Testing
@testable import FactCheckKit

@Suite struct ZoneOffsetsTests {
    private func time(_ text: String) throws -> TimeValue {
        guard case let .time(value)? = TimeReader.read(text, context: ReadingContext()) else {
            throw ReadFailure(text: text)
        }
        return value
    }

    struct ReadFailure: Error { var text: String }

    @Test func timesInTwoKnownZonesMeetInUTC() throws {
        #expect(try time("3 p.m. GMT").agreement(with: time("6 p.m. Moscow time")) == .agrees)
        #expect(try time("3 p.m. GMT").agreement(with: time("7 p.m. Moscow time")) == .disagrees)
        // Eastern time is five or four hours behind, depending on the season: both readings stand.
        #expect(try time("10 a.m. ET").agreement(with: time("3 p.m. GMT")) == .agrees)
        #expect(try time("10 a.m. ET").agreement(with: time("2 p.m. GMT")) == .agrees)
        #expect(try time("10 a.m. ET").agreement(with: time("1 p.m. GMT")) == .disagrees)
    }

    @Test func anUnknownZoneMeetsOnlyItself() throws {
        #expect(try time("11:00 a.m. local time").agreement(with: time("10:00 p.m. Moscow time")) == .incomparable)
        #expect(try time("11:00 a.m. local time").agreement(with: time("noon local time")) == .disagrees)
    }

    @Test func readsOffsets() {
        #expect(ZoneOffsets.minutesEastOfUTC("gmt+3") == [180])
        #expect(ZoneOffsets.minutesEastOfUTC("gmt-5:30") == [-330])
        #expect(ZoneOffsets.minutesEastOfUTC("local") == nil)
    }
}
