import Foundation
import Testing
@testable import FactCheckKit

@Suite struct AccuracyReportTests {
    private func write(_ lines: [String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(UUID()).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url.path
    }

    @Test func readsBothFormsOfCase() throws {
        let path = try write([
            #"{"id":"s1","draft":"He freed 14 prisoners.","contradicted":["14"],"kind":"count"}"#,
            #"{"id":"p1","source":"Sales were $5 million.","draft":"Sales were $6 million.","expect":"contradicted","changed_old":["5"],"changed_new":["6"]}"#,
            #"{"id":"p2","source":"Sales rose.","draft":"Sales rose sharply.","expect":"contradicted","changed_new":["sharply"]}"#,
            #"{"id":"p3","source":"Sales were $5 million.","draft":"Sales were five million dollars.","expect":"consistent"}"#,
        ])
        let cases = try LabelledCase.load(path: path)
        #expect(cases.map(\.id) == ["s1", "p1", "p3"])  // p2 edits no number: not a target, as in the scorer
        #expect(cases[0].targetGroups == [[9..<11]])
        #expect(cases[1].targetGroups == [[12..<13]])
        #expect(cases[2].isNegative)
    }

    @Test func sha1MatchesTheStandardVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Several 64-byte blocks, with padding that needs a block of its own.
        #expect(hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1000)))
                == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func splitsPairsIntoHalvesAsTheScorerDoes() {
        // Halves worked out with score.py's half_of: the key is the source's letters and digits, lower-cased.
        #expect(LabelledCase.half(ofKey: "Sales were $5 million.") == "A")
        #expect(LabelledCase.half(ofKey: "SALES WERE 5 MILLION") == "A")
        #expect(LabelledCase.half(ofKey: "Sales were $6 million.") == "B")
        #expect(LabelledCase.half(ofKey: "He freed 14 prisoners.") == "B")
    }

    @Test func rejectsALineThatIsNotACase() throws {
        let path = try write([#"{"id":"x"}"#])
        #expect(throws: InputError.self) { try LabelledCase.load(path: path) }
    }

    @Test func measuresRecallFalseAlarmsAndTheNaiveBaseline() throws {
        let path = try write([
            #"{"id":"p1","source":"The company earned $3.1 billion in the quarter.","draft":"The company earned $3.4 billion in the quarter.","expect":"contradicted","changed_new":["3.4"]}"#,
            #"{"id":"p2","source":"The company earned $3.1 billion in the quarter.","draft":"In the quarter the company earned 3.1 billion dollars.","expect":"consistent"}"#,
            #"{"id":"p3","source":"The company earned $3.1 billion in the quarter.","draft":"The company earned $3,100 million in the quarter.","expect":"consistent"}"#,
        ])
        let ruleSet = try RuleLoader().load(paths: [RepositoryPaths.rules])
        let report = try AccuracyReport.measure(try LabelledCase.load(path: path), ruleSet: ruleSet, baseline: nil)
        #expect(report.caught == 1 && report.expected == 1)
        #expect(report.falseAlarms == 0 && report.negatives == 2)
        #expect(report.naiveCaught == 1)
        #expect(report.naiveFalseAlarms == 1)  // "3,100" is not in the source as digits
        #expect(report.caughtByKind == ["money": 1])
        #expect(report.summary.contains("factcheck recall=1.000 (1/1) false_alarm=0.000 (0/2)"))
    }

    @Test func naiveCheckerFlagsDigitStringsTheSourceLacks() {
        let draft = "He freed 1,300 and 16 men on 3.5 days."
        let flags = NaiveChecker.flags(source: "1300 were held; 16 freed.", draft: draft)
        #expect(flags == [29..<32])
    }
}
