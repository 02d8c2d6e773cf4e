import Testing
@testable import FactCheckKit

@Suite struct PeriodReaderTests {
    @Test(arguments: [
        ("the third quarter of 2021", DateValue(year: 2021, quarter: 3)),
        ("fourth-quarter 2020", DateValue(year: 2020, quarter: 4)),
        ("Q3 2021", DateValue(year: 2021, quarter: 3)),
        ("Q4 FY2021", DateValue(year: 2021, quarter: 4)),
        ("2019 Q1", DateValue(year: 2019, quarter: 1)),
        ("the 2nd quarter of fiscal 2022", DateValue(year: 2022, quarter: 2)),
    ])
    func readsAPeriodAndMatchesIt(text: String, expected: DateValue) throws {
        #expect(PeriodReader.read(text, context: ReadingContext()) == .date(expected))
        let pattern = try Pattern("^(?:" + PeriodReader.pattern + ")$")
        #expect(try !pattern.matches(in: Array(text.utf8)).isEmpty, "the macro does not match \(text)")
    }

    @Test(arguments: ["the third quarter", "Q5 2021", "quarter of 2021", "third quarterback 2021"])
    func needsAQuarterAndItsYear(text: String) throws {
        let pattern = try Pattern("^(?:" + PeriodReader.pattern + ")$")
        #expect(try pattern.matches(in: Array(text.utf8)).isEmpty)
    }

    @Test func comparesQuartersWithQuartersAndMonths() {
        let q3 = DateValue(year: 2021, quarter: 3)
        #expect(q3.agreement(with: DateValue(year: 2021, quarter: 3)) == .agrees)
        #expect(q3.agreement(with: DateValue(year: 2020, quarter: 3)) == .disagrees)
        #expect(q3.agreement(with: DateValue(year: 2021, quarter: 2)) == .disagrees)
        #expect(q3.agreement(with: DateValue(year: 2021, month: 8, day: 15)) == .agrees)
        #expect(q3.agreement(with: DateValue(year: 2021, month: 1)) == .disagrees)
        #expect(q3.description == "2021-Q3")
    }
}
