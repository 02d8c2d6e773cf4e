import ArgumentParser
import FactCheckKit
import FactCheckPostgres
import Foundation

/// `factcheck base migrate`: creates or upgrades a PostgreSQL fact base's schema (a SQLite store migrates itself
/// when opened). A database of a newer schema is refused and left untouched.
struct BaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade a PostgreSQL fact base's tables (run once, and after upgrading factcheck)."
    )

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        switch try FactBaseLocation(configuration.factbase) {
        case let .sqlite(path):
            print("\(PathExpander.displayPath(path)): a SQLite fact base is created by `factcheck base add` and migrated when opened; nothing to do")
        case let .postgres(url):
            let (from, to) = try PostgresFactStore.migrate(url: url)
            print(from == to ? "\(url.redacted): schema version \(to), up to date"
                             : "\(url.redacted): schema version \(from) -> \(to)")
        }
    }
}
