import Foundation
import Testing
@testable import FactCheckKit

@Suite struct ComparatorTests {
    /// A range whose two ends the text states ("between 1,000 and 2,000").
    private func range(_ low: Double, _ high: Double) -> NumberRange {
        NumberRange(low: low, high: high, isStatedRange: true)
    }

    @Test func statedRangesAgreeOnlyWhenTheirEndsDo() {
        #expect(Comparator.rangeAgreement(claim: range(1000, 2000), fact: range(1700, 1800)) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: range(10_975, 11_250), fact: range(11_100, 11_250)) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: range(1700, 1800), fact: range(1700, 1800)) == .agrees)
    }

    @Test func aRangeAndAFigureSayNothingAboutEachOther() {
        #expect(Comparator.rangeAgreement(claim: range(1000, 2000), fact: NumberRange(exactly: 1670)) == .incomparable)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 1670), fact: range(1000, 2000)) == .incomparable)
    }

    @Test func aFigureThatIsAnEndOfTheSourcesRangeAgrees() {
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 11_250), fact: range(11_100, 11_250)) == .agrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 11_100), fact: range(11_100, 11_250)) == .agrees)
    }

    @Test func oneSidedBoundsSupportOnlyWhatTheyEntail() {
        let upTo35 = NumberRange(low: 0, high: 35)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 30), fact: upTo35) == .incomparable)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 40), fact: upTo35) == .disagrees)
        let over1000 = NumberRange(low: 1000, high: .infinity, lowOpen: true)
        #expect(Comparator.rangeAgreement(claim: over1000, fact: over1000) == .agrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 900, high: .infinity, lowOpen: true), fact: over1000) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 0, high: 50), fact: upTo35) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 0, high: 35), fact: upTo35) == .agrees)
        #expect(Comparator.rangeAgreement(claim: over1000, fact: NumberRange(exactly: 1312)) == .agrees)
        // A figure far from the limit satisfies the bound but does not state it: "at least 3,000 staff" is not
        // confirmed by "around 15 million workers".
        let atLeast3000 = NumberRange(low: 3000, high: .infinity)
        #expect(Comparator.rangeAgreement(claim: atLeast3000, fact: NumberRange(low: 13.5e6, high: 16.5e6)) == .incomparable)
    }

    @Test func aBoundThatRoundsTheSourcesOnTheWeakerSideAgrees() {
        let over320 = NumberRange(low: 320, high: .infinity, lowOpen: true)
        // "more than 300 people" of "more than 320 people": the source's limit rounded, and true.
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 300, high: .infinity, lowOpen: true), fact: over320) == .agrees)
        // Not a rounding of it, weaker or stronger: a limit stated wrongly.
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 30, high: .infinity, lowOpen: true), fact: over320) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(low: 350, high: .infinity, lowOpen: true), fact: over320) == .disagrees)
    }

    @Test func aFigureOnTheOpenEndOfABoundIsNotRefutedByIt() {
        // "ran 40 episodes over three seasons" against "ran for three seasons".
        let overThree = NumberRange(low: 3, high: .infinity, lowOpen: true)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 3), fact: overThree) == .incomparable)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 2), fact: overThree) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: overThree, fact: NumberRange(exactly: 3)) == .incomparable)
    }

    @Test func hedgedFiguresAgreeOnlyWhenOneRoundsToTheOther() {
        let about240 = Hedge.about.apply(to: NumberRange(exactly: 240))
        #expect(about240 == NumberRange(low: 235, high: 245))
        #expect(Hedge.about.apply(to: NumberRange(exactly: 1300)) == NumberRange(low: 1250, high: 1350))
        #expect(Hedge.about.apply(to: NumberRange(exactly: 37)) == NumberRange(low: 36, high: 38))
        #expect(Hedge.about.apply(to: NumberRange(exactly: 2.5)) == NumberRange(low: 2.45, high: 2.55))
        // Never wider than a tenth: "about 1,000" is not 500 to 1,500.
        #expect(Hedge.about.apply(to: NumberRange(exactly: 1000)) == NumberRange(low: 900, high: 1100))
        #expect(Comparator.rangeAgreement(claim: Hedge.about.apply(to: NumberRange(exactly: 260)), fact: about240) == .disagrees)
        #expect(Comparator.rangeAgreement(claim: Hedge.about.apply(to: NumberRange(exactly: 1250)),
                                          fact: Hedge.about.apply(to: NumberRange(exactly: 1300))) == .agrees)
    }

    @Test func scoresAndAgesMeetOnlyTheirOwnKind() throws {
        func claim(_ kind: String, _ value: Value) -> Claim {
            Claim(ruleID: "test", kind: kind, severity: .error, message: "", value: value, span: 0..<1, valueSpan: 0..<1,
                  sentenceIndex: 0, key: [], keyWords: [], context: [:], words: [:], entities: [], names: [],
                  people: [], event: nil, assertion: .stated)
        }
        let oneAll = Value.number(NumberRange(low: 1, high: 1, isStatedRange: true))
        let elevenOne = Value.number(NumberRange(low: 1, high: 11, isStatedRange: true))
        #expect(Comparator.agreement(of: claim("score", elevenOne), with: claim("score", oneAll)) == .disagrees)
        #expect(Comparator.agreement(of: claim("score", oneAll), with: claim("score", oneAll)) == .agrees)
        #expect(Comparator.agreement(of: claim("count", .number(NumberRange(exactly: 1))), with: claim("score", oneAll))
                == .incomparable)
        // A catch-all "1-1" may confirm a tally, never refute one.
        #expect(Comparator.agreement(of: claim("score", oneAll), with: claim("number", oneAll)) == .agrees)
        #expect(Comparator.agreement(of: claim("score", elevenOne), with: claim("number", oneAll)) == .incomparable)
        let age44 = Value.number(NumberRange(exactly: 44))
        #expect(Comparator.agreement(of: claim("count", age44), with: claim("age", age44)) == .incomparable)
        #expect(Comparator.agreement(of: claim("age", .number(NumberRange(exactly: 45))), with: claim("age", age44)) == .disagrees)
        // The catch-all figure, where no age frame read "Martin , 48 .", still meets an age.
        #expect(Comparator.agreement(of: claim("number", age44), with: claim("age", age44)) == .agrees)
    }

    @Test func roundedFiguresAgreeWithWhatTheyRound() {
        let roundedThousands = NumberRange(low: 1274, high: 1326)  // "1.3 thousand"
        #expect(Comparator.rangeAgreement(claim: roundedThousands, fact: NumberRange(exactly: 1312)) == .agrees)
        let about1300 = NumberRange(low: 1170, high: 1430)
        #expect(Comparator.rangeAgreement(claim: about1300, fact: NumberRange(exactly: 1312)) == .agrees)
        #expect(Comparator.rangeAgreement(claim: NumberRange(exactly: 16), fact: NumberRange(exactly: 18)) == .disagrees)
    }

    @Test func closenessRanksNearerFigures() {
        let claim = Value.number(NumberRange(exactly: 1250))
        #expect(Comparator.closeness(of: claim, to: .number(NumberRange(exactly: 1300)))
                > Comparator.closeness(of: claim, to: .number(NumberRange(exactly: 16))))
        #expect(Comparator.closeness(of: .date(DateValue(year: 2021)), to: .date(DateValue(year: 2021))) == 0)
        // One keystroke away beats nearer in size: $1.19 restates $0.19, not $0.70.
        let typo = Value.money(NumberRange(exactly: 1.19), currency: "USD")
        #expect(Comparator.closeness(of: typo, to: .money(NumberRange(exactly: 0.19), currency: "USD"))
                > Comparator.closeness(of: typo, to: .money(NumberRange(exactly: 0.70), currency: "USD")))
        #expect(Comparator.editDistance(Array("1300".utf8), Array("1250".utf8)) == 2)
        #expect(Comparator.significantDigits(7_200_000) == Array("72".utf8))
        #expect(Comparator.significantDigits(0.19) == Array("019".utf8))
        // $7.2m is nearer $8.2m than $29.9m, however many zeros they share.
        let profit = Value.money(NumberRange(exactly: 7_200_000), currency: "USD")
        #expect(Comparator.closeness(of: profit, to: .money(NumberRange(exactly: 8_200_000), currency: "USD"))
                > Comparator.closeness(of: profit, to: .money(NumberRange(exactly: 29_900_000), currency: "USD")))
    }

    /// The digits are read without formatting a string; they must be those of the figure as written.
    @Test func significantDigitsAreThoseOfTheFormattedFigure() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 1, 10, 0.5, 0.19, 1.005, 12.5, 999_999.999_999_5, 1e15, 3.2e17, 1e300, 2.5e-7]
        for _ in 0..<2_000 {
            let scale = pow(10, Double(Int.random(in: -4...16, using: &generator)))
            let raw = Double.random(in: 0..<10, using: &generator) * scale
            values += [raw, (raw * 100).rounded() / 100, raw.rounded()]
        }
        for value in values {
            var expected = Array(NumberRange.format(value).filter(\.isNumber).utf8)
            while expected.count > 1, expected.last == UInt8(ascii: "0") { expected.removeLast() }
            #expect(Comparator.significantDigits(value) == expected, "\(value)")
            #expect(Comparator.significantDigits(-value) == expected, "\(-value)")
        }
    }

    @Test func verdictFollowsTheBestAlignedFacts() throws {
        let ruleSet = try RuleLoader().load(paths: [RepositoryPaths.rules])
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        let source = try Document(path: "s", text: "Officials said 16 prisoners were freed on Friday.")
        let fact = try #require(try extractor.claims(in: source).first { $0.kind == "count" })
        let factBase = try FactBase(documents: [source], extractor: extractor)
        func alignment(_ score: Double, _ agreement: Agreement) -> Alignment {
            Alignment(fact: Fact(claim: fact, index: 0, documentIndex: 0), score: score, agreement: agreement, sharedTerms: [],
                      closeness: 0)
        }
        _ = factBase
        #expect(Comparator.verdict(for: [alignment(0.6, .disagrees)]).0 == .contradicted)
        // A value that no source states needs less alignment than one a source states about something else.
        #expect(Comparator.verdict(for: [alignment(0.2, .disagrees)]).0 == .contradicted)
        #expect(Comparator.verdict(for: [alignment(0.14, .disagrees)]).0 == .unverified)
        #expect(Comparator.verdict(for: [alignment(0.29, .disagrees), alignment(0.1, .agrees)]).0 == .unverified)
        #expect(Comparator.verdict(for: [alignment(0.6, .disagrees), alignment(0.4, .agrees)]).0 == .supported)
        #expect(Comparator.verdict(for: [alignment(0.6, .disagrees), alignment(0.2, .agrees)]).0 == .contradicted)
        #expect(Comparator.verdict(for: [alignment(0.1, .agrees)]).0 == .unverified)
        #expect(Comparator.verdict(for: []).0 == .unverified)
    }

    @Test func aRestatedRivalOrABroaderKeyWithholdsSupport() throws {
        let claim = Claim(ruleID: "core.number", kind: "number", severity: .error, message: "",
                          value: .number(NumberRange(exactly: 239)), span: 0..<3, valueSpan: 0..<3, sentenceIndex: 0,
                          key: [], keyWords: [], context: [:], words: [:], entities: [])
        func alignment(_ score: Double, _ agreement: Agreement, index: Int, broader: Bool = false) -> Alignment {
            var alignment = Alignment(fact: Fact(claim: claim, index: index, documentIndex: 0), factIndex: index,
                                      score: score, agreement: agreement, sharedTerms: [], closeness: 0)
            alignment.keyIsBroader = broader
            return alignment
        }
        let refuting = alignment(0.6, .disagrees, index: 0)
        let agreeing = alignment(0.4, .agrees, index: 1)
        var asked: [(Int, Int)] = []
        func verdict(_ alignments: [Alignment], rival: Bool) -> Verdict {
            asked = []
            return Comparator.verdict(for: alignments, measureIsKnown: true, isClaimedElsewhere: { _ in false },
                                      isRestatedRival: { (agreeing, refuting) throws(Never) in
                                          asked.append((agreeing.factIndex, refuting.factIndex))
                                          return rival
                                      }).0
        }
        // Two thirds of the refuting fact's score supports, unless the refuting fact is the value of the same
        // sentence that the claim restates.
        #expect(verdict([refuting, agreeing], rival: false) == .supported)
        #expect(verdict([refuting, agreeing], rival: true) == .contradicted)
        #expect(asked.map(\.0) == [1] && asked.map(\.1) == [0])
        // Only refuting facts aligned better than the agreeing one are asked about.
        #expect(verdict([alignment(0.5, .agrees, index: 1), alignment(0.45, .disagrees, index: 0)], rival: true) == .supported)
        #expect(asked.isEmpty)
        // A fact of a broader key supports only as well aligned as the refuting one; a later agreeing fact of the
        // claim's own key may still support.
        #expect(verdict([refuting, alignment(0.55, .agrees, index: 1, broader: true)], rival: false) == .contradicted)
        #expect(verdict([refuting, alignment(0.6, .agrees, index: 1, broader: true)], rival: false) == .supported)
        let supported = Comparator.verdict(for: [refuting, alignment(0.55, .agrees, index: 2, broader: true), agreeing])
        #expect(supported.0 == .supported && supported.evidence.map(\.factIndex) == [1])
    }

    @Test func aHedgedStatedRangeIsStillAStatedRange() {
        // "an estimated 15 to 22 million" states both ends, as "between 15 and 22 million" does.
        let estimated = Hedge.about.apply(to: range(15e6, 22e6))
        #expect(estimated == range(15e6, 22e6))
        #expect(estimated.isStatedRange)
        #expect(Comparator.rangeAgreement(claim: range(15e6, 22e6), fact: estimated) == .agrees)
        #expect(Comparator.rangeAgreement(claim: range(15e6, 25e6), fact: estimated) == .disagrees)
    }

    @Test func aLessSpecificSourceDateDoesNotConfirmAMoreSpecificClaim() throws {
        let ruleSet = try RuleLoader().load(paths: [RepositoryPaths.rules])
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        func claim(_ text: String) throws -> Claim {
            try #require(try extractor.claims(in: try Document(path: "d", text: text)).first)
        }
        let period = try claim("Earnings rose in the third quarter of 2020.")
        let year = try claim("Earnings fell in 2020.")
        let august = try claim("Earnings rose on August 15, 2020.")
        #expect(Comparator.agreement(of: period, with: year) == .incomparable)
        #expect(Comparator.agreement(of: year, with: period) == .agrees)
        #expect(Comparator.agreement(of: august, with: year) == .incomparable)
        #expect(Comparator.agreement(of: period, with: august) == .agrees)
    }

    /// A measurement's bounds are read as a count's: "up to 12 mph" is not "up to 70 mph", though they overlap.
    @Test func boundsOfQuantitiesAgreeOnlyWhenTheirLimitsDo() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let claims = try extractor.claims(in: try Document(path: "d", text: "Winds of up to 70 mph. Winds of up to 12 mph. Winds of up to 70 miles per hour."))
        #expect(claims.map(\.kind) == ["quantity", "quantity", "quantity"])
        #expect(Comparator.agreement(of: claims[1], with: claims[0]) == .disagrees)
        #expect(Comparator.agreement(of: claims[2], with: claims[0]) == .agrees)
    }

    @Test func anOrdinalQuarterMeetsAPeriod() throws {
        let ruleSet = try RuleLoader().load(paths: [RepositoryPaths.rules])
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        let claims = try extractor.claims(in: try Document(path: "d", text: "Sales rose in the fifth quarter. Sales rose in the third quarter of 2021. Sales rose in the third quarter."))
        #expect(claims.map(\.kind) == ["ordinal", "period", "ordinal"])
        #expect(Comparator.agreement(of: claims[0], with: claims[1]) == .disagrees)
        #expect(Comparator.agreement(of: claims[2], with: claims[1]) == .agrees)
    }
}
