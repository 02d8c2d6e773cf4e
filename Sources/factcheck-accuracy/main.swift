import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-accuracy`: prints factcheck's accuracy figures. Each measurement is a subcommand; the work is in
/// FactCheckKit's `Evaluation/`.
struct Accuracy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck-accuracy",
        abstract: "Print factcheck's accuracy figures.",
        subcommands: [Duckling.self]
    )
}

/// `factcheck-accuracy duckling [DIR]`: Duckling's English corpora through the value readers, one line per
/// dimension.
struct Duckling: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pass rate per dimension on Duckling's English corpora (numeral, ordinal, duration, ...)."
    )

    @Argument(help: "Folder of Duckling corpus files (*.jsonl).")
    var directory = "Tests/FactCheckKitTests/Values/Fixtures/duckling"

    @Flag(name: .long, help: "List the failing texts under each dimension.")
    var failures = false

    func run() throws {
        let corpus = try DucklingCorpus(directory: URL(fileURLWithPath: directory))
        for outcome in corpus.evaluate(macroMatches: DucklingCorpus.ruleEngineMacroMatcher()) {
            var line = outcome.summary
            if let matched = outcome.macroMatched, let macro = DucklingCorpus.macro(for: outcome.dimension) {
                line += "  [{\(macro)} macro finds \(matched) of the \(outcome.passed.count) read]"
            }
            print(line)
            if failures {
                for text in outcome.failed { print("    fail: \(text)") }
            }
        }
    }
}

Accuracy.main()
