import Testing
@testable import FactCheckKit

/// A document's bare quarters take the year its dated quarters name most often.
@Suite struct ReportingYearTests {
    @Test func theYearNamedMostOftenWins() {
        let periods = [DateValue(year: 2020, quarter: 3), DateValue(year: 2020, quarter: 2),
                       DateValue(year: 2019, quarter: 3), DateValue(year: 2018)]
        #expect(ReportingYear.year(ofQuarters: periods) == 2020)
    }

    @Test func aTieOrNoDatedQuarterGivesNoYear() {
        #expect(ReportingYear.year(ofQuarters: [DateValue(year: 2020, quarter: 3), DateValue(year: 2019, quarter: 3)]) == nil)
        // Years without a quarter say nothing of which year a quarter is in.
        #expect(ReportingYear.year(ofQuarters: [DateValue(year: 2020), DateValue(year: 2020, month: 8)]) == nil)
    }

    @Test(arguments: [("adjusted earnings per share", 0), ("of last year, the company", -1), ("a year ago.", -1),
                      ("of the previous year", -1), ("", 0), (", when sales fell", 0)])
    func wordsAfterTheQuarterSayWhichYear(following: String, offset: Int) {
        #expect(ReportingYear.yearOffset(after: following) == offset)
    }

    @Test(arguments: ["of next year", "of fiscal 2021", "in 2019", "2019 results", "this year"])
    func wordsThatGiveAnotherYearLeaveTheQuarterBare(following: String) {
        #expect(ReportingYear.yearOffset(after: following) == nil)
    }

    @Test func theExtractorDatesBareQuartersOfAReport() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let text = "Third quarter 2020 earnings were $0.34, against $0.18 in the second quarter of 2020 and $0.29 in "
            + "the third quarter of 2019. "
            + "Third quarter adjusted earnings rose 17% from the third quarter of last year."
        let claims = try extractor.claims(in: try Document(path: "report.txt", text: text))
        let quarters = claims.compactMap { claim -> DateValue? in
            if case let .date(date) = claim.value, date.quarter != nil { date } else { nil }
        }
        #expect(quarters == [DateValue(year: 2020, quarter: 3), DateValue(year: 2020, quarter: 2),
                             DateValue(year: 2019, quarter: 3), DateValue(year: 2020, quarter: 3),
                             DateValue(year: 2019, quarter: 3)])
    }

    /// No dated quarter: a bare quarter stays an ordinal, compared with quarters of any year.
    @Test func aDocumentWithoutDatedQuartersKeepsOrdinals() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let claims = try extractor.claims(in: try Document(path: "a.txt", text: "Revenue rose in the third quarter."))
        #expect(claims.map(\.value) == [.ordinal(3)])
    }
}
