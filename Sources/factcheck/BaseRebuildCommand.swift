import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck base rebuild`: re-extracts every stored document with the current rules, in one transaction.
struct BaseRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Re-extract every stored document with the current rules (after a rule or lexicon change)."
    )

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        let extractor = try options.extractor(configuration)
        let started = Date()
        let update = try options.location(configuration).whileLocked {
            let store = try options.openStore(configuration)
            let bar = ProgressBar(label: "factcheck: base rebuild", mode: options.progress)
            defer { bar.finish() }
            return try store.rebuild(extractor: extractor, loader: DocumentLoader(), progress: bar.report)
        }
        print(BaseSummary.describe(update, seconds: Date().timeIntervalSince(started)))
    }
}
