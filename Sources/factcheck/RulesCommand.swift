import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck rules ...`: tools for rule authors.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule files.",
        subcommands: [RulesTestCommand.self]
    )
}

/// `factcheck rules test [PATH...]`: runs every rule's examples, for rule authors who never build from source.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every rule; exit 1 if any fails."
    )

    @Argument(help: "Rule folders or files (default: factcheck.yml's rules, else Rules/).")
    var paths: [String] = []

    func run() throws {
        let folders: [String]
        if !paths.isEmpty {
            folders = paths
        } else if let found = ConfigurationLoader().find(from: FileManager.default.currentDirectoryPath) {
            folders = try ConfigurationLoader().load(file: found).rules
        } else {
            folders = [Terminal.defaultRulesFolder]
        }
        let ruleSet = try RuleLoader().load(paths: folders)
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
