import Testing
@testable import FactCheckKit

@Suite struct PatternTests {
    @Test func findsAllMatchesWithNamedGroups() throws {
        let pattern = try Pattern(#"(?<value>[0-9]+) (?<noun>[a-z]+)"#)
        let text = SourceText("16 prisoners and 1300 detainees")
        let matches = try pattern.matches(in: text.bytes)
        #expect(matches.count == 2)
        #expect(matches.map { text.text(of: $0.groups["noun"]!) } == ["prisoners", "detainees"])
        #expect(pattern.groupNumbers == ["value": 1, "noun": 2])
    }

    @Test func isJITCompiledAndCaseless() throws {
        let pattern = try Pattern("august")
        #expect(pattern.isJITCompiled)
        #expect(try pattern.matches(in: Array("On AUGUST 15".utf8)).count == 1)
    }

    @Test func reportsScalarOffsetOfInvalidPattern() {
        // "é" is two bytes but one scalar: the offset must count scalars.
        #expect(throws: PatternError.invalid(message: "missing closing parenthesis", offset: 5)) {
            try Pattern("é(abc")
        }
    }

    @Test func catastrophicPatternHitsTheLimitInsteadOfHanging() throws {
        let pattern = try Pattern("(a+)+$")
        let subject = Array((String(repeating: "a", count: 40) + "!").utf8)
        #expect {
            try pattern.matches(in: subject, limits: MatchLimits(matchLimit: 10_000))
        } throws: { error in
            guard case .limitExceeded = error as? PatternError else { return false }
            return true
        }
    }

    @Test func emptyMatchesAdvancePastMultibyteCharacters() throws {
        let matches = try Pattern("x*").matches(in: Array("é€".utf8))
        #expect(matches.map(\.range) == [0..<0, 2..<2, 5..<5])
    }

    @Test func noMatchInEmptySubject() throws {
        #expect(try Pattern("[0-9]+").matches(in: []).isEmpty)
    }
}
