import Foundation
import Testing
@testable import FactCheckKit

/// Duckling's English corpora (Fixtures/duckling) through the value readers. Every case that passes is pinned in
/// `Fixtures/duckling/passing.txt` (`dimension<TAB>text`); `FACTCHECK_RECORD=1 swift test` re-records it after an
/// improvement. Per-dimension rates must stay at or above the floors below.
@Suite struct DucklingCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/duckling")
    static let pinnedFile = folder.appendingPathComponent("passing.txt")

    /// The rates reached when the harness was written; a change that lowers one is a regression.
    static let floors: [String: Double] = [
        "numeral": 0.99, "ordinal": 1.0, "duration": 1.0, "quantity": 1.0, "time": 0.91,
    ]

    static func outcomes() throws -> [DucklingCorpus.Outcome] {
        try DucklingCorpus(directory: folder).evaluate()
    }

    @Test func pinnedCasesStillPass() throws {
        let outcomes = try Self.outcomes()
        let passing = Set(outcomes.flatMap { outcome in outcome.passed.map { "\(outcome.dimension)\t\($0)" } })
        if ProcessInfo.processInfo.environment["FACTCHECK_RECORD"] == "1" {
            try (passing.sorted().joined(separator: "\n") + "\n").write(to: Self.pinnedFile, atomically: true,
                                                                      encoding: .utf8)
            return
        }
        let pinned = try String(contentsOf: Self.pinnedFile, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(pinned.count > 300, "the pinned file looks truncated")
        let broken = pinned.filter { !passing.contains($0) }
        #expect(broken.isEmpty, "pinned Duckling cases no longer pass: \(broken)")
    }

    @Test func ratesStayAtTheirFloors() throws {
        for outcome in try Self.outcomes() {
            guard let floor = Self.floors[outcome.dimension] else { continue }
            #expect(outcome.rate >= floor, "\(outcome.summary) fell below \(floor); failing: \(outcome.failed)")
        }
    }

    @Test func negativeExamplesDoNotRead() throws {
        let corpus = try DucklingCorpus(directory: Self.folder)
        let negatives = corpus.examples.filter(\.isNegative)
        #expect(negatives.count == 5)
        for example in negatives {
            #expect(DurationReader.read(example.text, context: ReadingContext()) == nil, "\(example.text)")
        }
    }

    @Test func summaryLineFormat() {
        let outcome = DucklingCorpus.Outcome(dimension: "numeral", passed: Array(repeating: "1", count: 103),
                                             failed: ["x", "y"], macroMatched: nil)
        #expect(outcome.summary == "numeral: 0.981 (103/105)")
    }

    @Test func rejectsMalformedLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("duckling-\(UUID()).jsonl")
        try "{\"text\": 1}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DucklingCorpus.CorpusError.self) { try DucklingCorpus.load(file) }
    }
}
