import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck rules ...`: what rules a run uses, and tools for rule authors.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules a check uses, or run their examples.",
        subcommands: [RulesListCommand.self, RulesTestCommand.self]
    )
}

/// The rules a command works on: the built-in ones and factcheck.yml's, or those the flags name.
struct RuleSelection: ParsableArguments {
    @OptionGroup var ruleFlags: RuleFlags

    @Option(name: .long, help: "Configuration file. Default: the nearest factcheck.yml upwards from here.")
    var config: String?

    func load() throws -> RuleSet {
        let configuration = try ConfigurationFlags.resolve(config: config, baseline: [], ruleFlags: ruleFlags)
        return try ruleFlags.loadRules(configuration, compilingJIT: false)
    }
}

/// `factcheck rules list [--format json]`: every rule a check would use, and where it came from.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules a check uses: id, kind, severity, origin (built-in or file:line), examples."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var selection: RuleSelection

    @Option(name: .long, help: "Output format: text (a table) or json.")
    var format: Format = .text

    func run() throws {
        let ruleSet = try selection.load()
        let rules = ruleSet.rules
        let runner = RuleExampleRunner(ruleSet: ruleSet)
        switch format {
        case .text:
            let rows = [["ID", "KIND", "SEVERITY", "ORIGIN", "EXAMPLES"]]
                + rules.map { [$0.id, $0.kind, $0.severity.rawValue, $0.origin, "\(runner.exampleCount(of: $0))"] }
            let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let padded = zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                print(padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        case .json:
            let entries = rules.map { rule in
                ListedRule(id: rule.id, kind: rule.kind, severity: rule.severity.rawValue,
                           origin: rule.isBuiltIn ? "built-in" : "file", file: rule.file, line: rule.line,
                           examples: runner.exampleCount(of: rule))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        }
    }

    /// One rule as `--format json` lists it; `file` is the repository path for a built-in rule.
    struct ListedRule: Encodable {
        var id, kind, severity, origin, file: String
        var line, examples: Int
    }
}

/// `factcheck rules test [PATH...]`: runs every rule's examples, for rule authors who never build from source.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every rule; exit 1 if any fails."
    )

    @Argument(help: "Rule folders or files to test with the built-in rules (default: factcheck.yml's rules).")
    var paths: [String] = []

    @OptionGroup var selection: RuleSelection

    func validate() throws {
        if !paths.isEmpty, !selection.ruleFlags.rules.isEmpty {
            throw ValidationError("name the rule files either as arguments or with --rules, not both")
        }
    }

    func run() throws {
        var selection = self.selection
        if !paths.isEmpty { selection.ruleFlags.rules = paths }
        let ruleSet = try selection.load()
        let runner = RuleExampleRunner(ruleSet: ruleSet)
        var passed = 0
        var failed = 0
        for rule in ruleSet.rules {
            let failures = runner.failures(of: rule)
            let total = runner.exampleCount(of: rule)
            failed += failures.count
            passed += total - failures.count
            for failure in failures {
                Terminal.writeError("FAIL \(failure)")
            }
            print("\(failures.isEmpty ? "ok  " : "FAIL") \(rule.id): \(total - failures.count)/\(total) examples")
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
