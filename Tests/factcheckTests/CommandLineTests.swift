import Foundation
import Testing

/// The command line as users meet it: the built binary, run in the repository, its output compared with golden
/// files and its exit codes with the contract (0 clean, 1 contradictions, 2 the run failed).
@Suite struct CommandLineTests {
    @Test func errorsDraftPrintsEachContradictionAndExitsOne() throws {
        let run = try FactCheckBinary.run(["Examples/drafts/belarus-errors.md"])
        #expect(run.status == 1)
        try Golden.assertMatches(run.standardOutput, file: "belarus-errors.txt")
        #expect(run.standardError.isEmpty)
    }

    @Test func htmlDraftFindingsPointAtTheHTMLFile() throws {
        let run = try FactCheckBinary.run(["Examples/drafts/belarus-errors.html"])
        #expect(run.status == 1)
        try Golden.assertMatches(run.standardOutput, file: "belarus-errors-html.txt")
        let json = try FactCheckBinary.run(["Examples/drafts/belarus-errors.html", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let findings = try #require((object["drafts"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let html = try String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.html", encoding: .utf8)
        let scalars = Array(html.unicodeScalars)
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
        var placed: [String] = []
        for finding in findings {
            let claim = try #require(finding["claim"] as? [String: Any])
            let offset = try #require(claim["offset"] as? Int), length = try #require(claim["length"] as? Int)
            let line = try #require(claim["line"] as? Int), column = try #require(claim["column"] as? Int)
            let text = try #require(claim["text"] as? String)
            #expect(String(String.UnicodeScalarView(scalars[offset..<(offset + length)])) == text)
            #expect(Array(lines[line - 1].unicodeScalars).dropFirst(column - 1).starts(with: text.unicodeScalars.prefix { $0 != "\n" }))
            placed.append("\(line):\(column) \(text)")
        }
        #expect(placed.contains("15:38 August&nbsp;14"))
        #expect(placed.contains("16:95 18 prisoners"))
        #expect(placed.contains("20:5 12&nbsp;years"))
    }

    @Test func cleanDraftExitsZero() throws {
        let run = try FactCheckBinary.run(["check", "Examples/drafts/belarus-clean.md"])
        #expect(run.status == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("0 contradicted"))
    }

    @Test func jsonOutputFollowsTheContract() throws {
        let run = try FactCheckBinary.run(["Examples/drafts/belarus-errors.md", "--format", "json"])
        #expect(run.status == 1)
        try Golden.assertMatches(run.standardOutput, file: "belarus-errors.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let drafts = try #require(json["drafts"] as? [[String: Any]])
        let findings = try #require(drafts.first?["findings"] as? [[String: Any]])
        // offset and length count scalars: the claim text is exactly that slice of the draft.
        let draft = Array(try String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md", encoding: .utf8).unicodeScalars)
        for finding in findings {
            let claim = try #require(finding["claim"] as? [String: Any])
            let offset = try #require(claim["offset"] as? Int), length = try #require(claim["length"] as? Int)
            #expect(String(String.UnicodeScalarView(draft[offset..<(offset + length)])) == claim["text"] as? String)
        }
    }

    @Test func readsStandardInput() throws {
        let run = try FactCheckBinary.run(["-", "--format", "json"], input: "Trump thanked Lukashenko for freeing 14 prisoners.")
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("\"path\" : \"-\""))
        #expect(run.standardOutput.contains("\"text\" : \"14 prisoners\""))
    }

    @Test func failOnNeverExitsZeroDespiteContradictions() throws {
        let run = try FactCheckBinary.run(["Examples/drafts/belarus-errors.md", "--fail-on", "never"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("error:"))
    }

    @Test func writesTheReportToOutput() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try FactCheckBinary.run(["Examples/drafts/belarus-errors.md", "--format", "json", "--output", output])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"verdict\" : \"contradicted\""))
    }

    @Test func rulesTestRunsEveryExample() throws {
        let run = try FactCheckBinary.run(["rules", "test"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains(" 0 failed"))
    }
}
