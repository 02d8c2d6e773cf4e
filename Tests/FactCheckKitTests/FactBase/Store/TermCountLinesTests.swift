import Testing
@testable import FactCheckKit

/// The documents table's "term<TAB>count" lines are written straight into a String's storage on the workers.
@Suite struct TermCountLinesTests {
    @Test func linesAreThoseStringInterpolationWrites() {
        let lists: [[(term: String, count: Int)]] = [
            [],
            [(term: "prison", count: 1)],
            [(term: "prison", count: 7), (term: "détenu", count: 10), (term: "x", count: 1_400), (term: "y", count: 0)],
            [(term: "big", count: Int.max), (term: "small", count: Int.min), (term: "minus", count: -3)],
            [(term: "", count: 2), (term: "\u{1F600}", count: 12)],
        ]
        for list in lists {
            #expect(FactStore.lines(of: list) == list.map { "\($0.term)\t\($0.count)" }.joined(separator: "\n"))
        }
    }
}
