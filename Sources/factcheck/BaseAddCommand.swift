import ArgumentParser
import FactCheckKit
import FactCheckPostgres
import Foundation

/// `factcheck base add PATH...`: stores the facts of trusted documents; unchanged files are skipped by content
/// hash, changed ones replaced. One transaction: interrupted, it leaves the previous base as it was.
struct BaseAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add trusted documents (files, folders, globs) to the fact base; unchanged files are skipped."
    )

    @Argument(help: "Files, folders (their .txt and .md files, recursively) or globs.")
    var paths: [String]

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        let extractor = try options.extractor(configuration)
        let files = PathExpander.absolutePaths(try PathExpander.documents(in: paths))
        let started = Date()
        let location = try options.location(configuration)
        let update = try location.whileLocked {
            let bar = ProgressBar(label: "factcheck: base add", mode: options.progress)
            defer { bar.finish() }
            switch location {
            case let .sqlite(path):
                return try FactStore.add(files: files, toStoreAt: path, extractor: extractor, progress: bar.report)
            case let .postgres(url):
                let store: PostgresFactStore
                do throws(FactStoreError) {
                    store = try PostgresFactStore(url: url)
                } catch {
                    throw FactCheckError.store(error)
                }
                return try store.add(files: files, extractor: extractor, progress: bar.report)
            }
        }
        print(BaseSummary.describe(update, seconds: Date().timeIntervalSince(started)))
    }
}
