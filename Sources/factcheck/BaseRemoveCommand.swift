import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck base remove PATH...`: takes documents (or every document below a folder) out of the fact base.
struct BaseRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove documents, or every document below a folder, from the fact base."
    )

    @Argument(help: "Stored files or folders (they need not exist any more).")
    var paths: [String]

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        let started = Date()
        let update = try options.location(configuration).whileLocked {
            try options.openStore(configuration).remove(paths: PathExpander.absolutePaths(paths))
        }
        print(BaseSummary.describe(update, seconds: Date().timeIntervalSince(started)))
    }
}
