import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck base stats`: what the fact base holds, and whether the current rules built it.
struct BaseStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the fact base's counts and size, and whether it must be rebuilt for the current rules."
    )

    @Flag(name: .long, help: "Also check the store's integrity (SQLite's integrity check, reading the whole file; for PostgreSQL, the stored counts against the documents).")
    var verify = false

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        let store = try options.openStore(configuration)
        let statistics: FactStoreStatistics
        let current: Bool
        do {
            statistics = try store.statistics()
            current = try store.isBuilt(by: options.extractor(configuration).ruleSet)
        } catch let error as FactStoreError {
            throw FactCheckError.store(error)
        }
        print("""
            store: \(store.location) (\(BaseSummary.megabytes(statistics.fileBytes)) on disk)
            documents: \(statistics.documents) (\(BaseSummary.megabytes(statistics.sourceBytes)) of text)
            sentences: \(statistics.sentences)
            facts: \(statistics.facts) (\(statistics.distinctClaims) distinct claims, \(statistics.distinctContexts) contexts)
            terms: \(statistics.terms) (\(statistics.postings) postings)
            names: \(statistics.entities)
            rules: \(current ? "current" : "built by other rules; run `factcheck base rebuild`")
            """)
        if verify {
            let result: String
            do {
                result = try store.integrityCheck()
            } catch {
                throw FactCheckError.store(error)
            }
            print("integrity: \(result)")
            if result != "ok" { throw ExitCode(2) }
        }
    }
}
