import Foundation
import Testing

/// `factcheck rules list`, and the built-in rules beside a newsroom's own as the command line reports them.
@Suite struct RulesCommandTests {
    static let houseRule = """
        id: core.time
        kind: time
        severity: warning
        patterns: ['at (?<value>{time})']
        examples:
          - baseline: "The plane lands at 11 a.m."
            supported: ["The plane lands at 11 a.m."]

        """

    @Test func listsTheBuiltInRulesWithTheirOrigin() throws {
        let folder = try Scratch.folder("rules-list-\(UUID())", files: [:])
        let run = try FactCheckBinary.run(["rules", "list"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["ID", "KIND", "SEVERITY", "ORIGIN", "EXAMPLES"])
        let count = try #require(lines.first { $0.hasPrefix("core.count ") })
        #expect(count.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["core.count", "count", "error", "built-in"])
    }

    @Test func aHouseRuleReplacesTheBuiltInOneAndSaysSoOnce() throws {
        let folder = try Scratch.folder("rules-house-\(UUID())", files: ["house.yml": Self.houseRule])
        let run = try FactCheckBinary.run(["rules", "list", "--rules", "house.yml", "--format", "json"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        let time = try #require(rules.first { $0["id"] as? String == "core.time" })
        #expect(time["origin"] as? String == "file")
        #expect(time["file"] as? String == "house.yml")
        #expect(time["line"] as? Int == 1)
        #expect(time["severity"] as? String == "warning")
        #expect(time["examples"] as? Int == 1)
        #expect(rules.filter { $0["id"] as? String == "core.time" }.count == 1)
        #expect(rules.first { $0["id"] as? String == "core.count" }?["origin"] as? String == "built-in")
        #expect(run.standardError == "factcheck: note: rule 'core.time' of house.yml:1 replaces the built-in rule with that id\n")
    }

    @Test func withoutBuiltInRulesOnlyTheNamedOnesAreUsed() throws {
        let folder = try Scratch.folder("rules-only-\(UUID())", files: ["house.yml": Self.houseRule])
        let run = try FactCheckBinary.run(["rules", "list", "--no-builtin-rules", "--rules", "house.yml"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n").count == 2)
        #expect(run.standardError.isEmpty)
        let none = try FactCheckBinary.run(["rules", "list", "--no-builtin-rules"], workingDirectory: folder)
        #expect(none.status == 2)
        #expect(none.standardError.contains("no rule files (*.yml) found"))
    }

    @Test func builtinRulesFalseInTheConfigurationLeavesThemOut() throws {
        let folder = try Scratch.folder("rules-config-\(UUID())", files: [
            "house.yml": Self.houseRule, "factcheck.yml": "builtin-rules: false\nrules: [house.yml]\n",
        ])
        let run = try FactCheckBinary.run(["rules", "list"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n").map { $0.prefix { $0 != " " } } == ["ID", "core.time"])
    }

    @Test func rulesTestRunsTheBuiltInExamples() throws {
        let folder = try Scratch.folder("rules-test-\(UUID())", files: [:])
        let run = try FactCheckBinary.run(["rules", "test"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("ok   core.count:"))
        #expect(run.standardOutput.contains(" passed, 0 failed"))
    }
}
