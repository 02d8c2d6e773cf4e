import Foundation
import Testing
@testable import FactCheckKit

/// SARIF and JUnit from a report built by hand (the example's whole output is compared with golden files in
/// `Tests/factcheckTests`): where results point, and that hostile text stays data.
@Suite struct MachineReporterTests {
    static let hostile = "<script>alert('x')</script> & \"quotes\"\u{7}"

    static let report: DraftReport = {
        let draft = "Минск: Lukashenko freed 18 prisoners.\nZenkovich: 11 years."
        let evidence = Evidence(source: "sources/call notes.txt", sourceDate: nil,
                                passage: Passage(text: "16 prisoners", value: .number(NumberRange(exactly: 16)),
                                                 location: TextLocation(offset: 40, line: 3, column: 41), length: 12,
                                                 sentence: "He freed 16 prisoners. \(hostile)"),
                                score: 0.5, sharedTerms: [])
        let contradicted = Finding(verdict: .contradicted, severity: .warning, kind: "count", rule: "core.count",
                                   message: "count differs \(hostile)",
                                   claim: Passage(text: "18 prisoners", value: .number(NumberRange(exactly: 18)),
                                                  location: TextLocation(offset: 24, line: 1, column: 25), length: 12,
                                                  sentence: "Lukashenko freed 18 prisoners."),
                                   evidence: [evidence])
        let unverified = Finding(verdict: .unverified, severity: .info, kind: "duration", rule: "core.duration",
                                 message: "no source speaks to '11 years'",
                                 claim: Passage(text: "11 years", value: .number(NumberRange(exactly: 11)),
                                                location: TextLocation(offset: 49, line: 2, column: 12), length: 8,
                                                sentence: "Zenkovich: 11 years."),
                                 evidence: [])
        let supported = Finding(verdict: .supported, severity: .info, kind: "count", rule: "core.count",
                                message: "agrees",
                                claim: Passage(text: "Минск", value: .number(NumberRange(exactly: 1)),
                                               location: TextLocation(offset: 0, line: 1, column: 1), length: 5,
                                               sentence: "Минск"),
                                evidence: [])
        return DraftReport(path: "drafts/a b.md", findings: [contradicted, unverified, supported], text: draft)
    }()

    @Test func sarifHasAResultPerContradictedAndUnverifiedClaimWithTheEvidenceAsRelatedLocations() throws {
        let sarif = SARIFReporter().generateReport([Self.report], version: "9.9.9")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["core.count", "core.duration"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["kind"] as? String } == ["fail", "review"])
        #expect(results.map { $0["level"] as? String } == ["warning", "none"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 1])
        let region = try #require(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region["charOffset"] as? Int == 24)
        #expect(region["startColumn"] as? Int == 25)
        #expect(region["endColumn"] as? Int == 37)
        let related = try #require((results[0]["relatedLocations"] as? [[String: Any]])?.first)
        let artifact = (related["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "sources/call%20notes.txt")
        #expect(results[1]["relatedLocations"] == nil)
    }

    @Test func junitEscapesTextAndCountsVerdicts() throws {
        let xml = JUnitReporter().generateReport([Self.report], version: "9.9.9")
        #expect(xml.contains("<testsuite name=\"drafts/a b.md\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">"))
        #expect(xml.contains("message=\"count differs &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;\u{FFFD}\""))
        #expect(!xml.contains("<script>"))
        #expect(xml.contains("<skipped message=\"no source speaks to '11 years'\"/>"))
        #expect(xml.contains("<testcase classname=\"drafts/a b.md\" name=\"1:1 count 'Минск'\"/>"))
        // Well-formed: Python's XML parser reads it back.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID()).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
