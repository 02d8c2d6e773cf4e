import Testing
@testable import FactCheckKit

/// A comparison's base ("up 17% from $0.29") is told from what its sentence reports.
@Suite struct ComparisonBaseTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    /// Each claim's text (the readable bytes of its span) → whether it is a base.
    private func roles(_ text: String) throws -> [String: Bool] {
        let document = try Document(path: "t.txt", text: text)
        let claims = try Self.extractor.claims(in: document)
        return Dictionary(claims.map { (document.readableText(of: $0.span), $0.isComparisonBase) },
                          uniquingKeysWith: { first, _ in first })
    }

    @Test func theFigureAChangeIsMeasuredFromIsTheBase() throws {
        let roles = try roles("Earnings per share were $1.87, down from $2.39 in the third quarter of 2019.")
        #expect(roles["$1.87"] == false)
        #expect(roles["$2.39"] == true)
        #expect(roles["third quarter of 2019"] == true)
    }

    @Test func aChangeWordMayStandAFigureBeforeFrom() throws {
        let roles = try roles("Net sales of $2.09 billion for the third quarter of 2020 decreased 22.4% from the third quarter of 2019.")
        #expect(roles["third quarter of 2020"] == false)
        #expect(roles["22.4%"] == false)
        #expect(roles["third quarter of 2019"] == true)
    }

    @Test func comparedWithIntroducesTheBaseAcrossACoordinatedFigure() throws {
        let roles = try roles("Earnings were $0.34 compared to $0.16 last quarter and $0.29 in the third quarter of 2019.")
        #expect(roles["$0.34"] == false)
        #expect(roles["$0.16"] == true)
        #expect(roles["$0.29"] == true)
    }

    @Test func aChangeMayStandFourWordsBeforeFrom() throws {
        let roles = try roles("Quarterly revenue rose to $2.09 billion from $1.8 billion a year earlier.")
        #expect(roles["$2.09 billion"] == false)
        #expect(roles["$1.8 billion"] == true)
    }

    /// "from" without a change before it is a place or a source, not a base.
    @Test func fromWithoutAChangeIntroducesNoBase() throws {
        let roles = try roles("He was released from prison in 2019 and moved from Minsk in 2021.")
        #expect(roles["2019"] == false)
        #expect(roles["2021"] == false)
    }

    @Test func reachIsBoundedWhateverTheSentence() {
        let words = ["compared"] + Array(repeating: "the", count: 40)
        let isValue = [Bool](repeating: false, count: words.count + 1)
        #expect(ComparisonBase.isBase(at: 5, word: { words[$0] }, isValue: isValue))
        #expect(!ComparisonBase.isBase(at: 40, word: { words[$0] }, isValue: isValue))
    }
}
