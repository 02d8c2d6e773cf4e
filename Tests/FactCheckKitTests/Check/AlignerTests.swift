import Foundation
import Testing
@testable import FactCheckKit

@Suite struct AlignerTests {
    /// A source whose every claim's value is "near" the draft's (as a time's is near every time) and none agrees:
    /// a hundred full pages of them (not endless, so that an aligner without a limit fails rather than hangs),
    /// and it counts the requests.
    final class EndlessNearValues: FactSource, @unchecked Sendable {
        private let lock = NSLock()
        private var requests = 0
        var pagesRequested: Int { lock.withLock { requests } }

        func relatedFacts(to claim: Claim, terms: [WeightedTerm], minimumOverlap: Double) -> [Fact] { [] }

        func factsWithValue(near claim: Claim, offset: Int, limit: Int) -> [Fact] {
            lock.withLock { requests += 1 }
            guard offset < 100 * limit else { return [] }
            return (offset..<offset + limit).map { Fact(claim: AlignerTests.claim(value: 7), index: $0, documentIndex: 0) }
        }

        func weight(ofTerm term: String) -> Double { 1 }
        func knowsAnyName(in names: Set<String>) -> Bool { false }
        func origin(of fact: Fact) -> FactOrigin {
            FactOrigin(source: "source.txt", sourceDate: nil, passage: Passage(
                text: "7", value: fact.claim.value, location: TextLocation(offset: 0, line: 1, column: 1), length: 1,
                sentence: "7"))
        }
    }

    static func claim(value: Double) -> Claim {
        Claim(ruleID: "core.count", kind: "count", severity: .warning, message: "", value: .number(NumberRange(exactly: value)),
              span: 0..<0, valueSpan: 0..<0, sentenceIndex: 0, key: ["prisoner"], keyWords: ["prisoners"],
              context: ["releas": 1], words: [:], entities: [], names: [])
    }

    @Test func theSearchForASourceStatingTheValueStopsAfterItsPageLimit() throws {
        let source = EndlessNearValues()
        let alignments = try Aligner(facts: source).alignments(for: Self.claim(value: 5))
        #expect(source.pagesRequested == Aligner.valuePageLimit)
        // None of them agrees, so none is kept: the value counts as stated nowhere.
        #expect(alignments.isEmpty)
    }
}
