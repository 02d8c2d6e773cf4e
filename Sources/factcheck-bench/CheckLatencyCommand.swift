import ArgumentParser
import FactCheckKit
import FactCheckPostgres
import Foundation

/// `factcheck-bench check DRAFT --factbase STORE`: the time of checking one draft against a store, in process
/// (rules and store opened once, as `factcheck serve` does), over several runs.
struct CheckLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check latency (p50, p99) of a draft against a fact base, in process."
    )

    @Argument(help: "The draft.")
    var draft: String

    @Option(name: .long, help: "The fact base: a SQLite file or a postgresql:// URL.")
    var factbase: String

    @Option(name: .long, help: "Rule folders or files.")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "Timed runs after one warm-up run.")
    var runs: Int = 50

    func run() throws {
        var configuration = Configuration()
        configuration.rules = rules
        let factsFrom: CheckSession.FactsFrom
        if PostgresURL.isDatabaseURL(factbase) {
            let url = try PostgresURL(factbase)
            factsFrom = .opened { rules throws(FactCheckError) in
                do throws(FactStoreError) {
                    return try PostgresFactStore.openForChecking(url: url, rules: rules)
                } catch {
                    throw .store(error)
                }
            }
        } else {
            factsFrom = .store(path: factbase)
        }
        let session = try CheckSession(configuration: configuration, factsFrom: factsFrom)
        let document = try DocumentLoader().load(path: draft)
        let words = document.original.string.split(whereSeparator: \.isWhitespace).count
        let first = Date()
        let report = try session.check([document])[0]
        let cold = Date().timeIntervalSince(first) * 1000
        var times: [Double] = []
        for _ in 0..<runs {
            let started = Date()
            _ = try session.check([document])
            times.append(Date().timeIntervalSince(started) * 1000)
        }
        times.sort()
        func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int((p * Double(times.count)).rounded(.up)) - 1)] }
        let verdicts = Dictionary(grouping: report.findings, by: \.verdict).mapValues(\.count)
        print("\(words) words, \(report.findings.count) claims (\(verdicts[.contradicted] ?? 0) contradicted, "
            + "\(verdicts[.supported] ?? 0) supported, \(verdicts[.unverified] ?? 0) unverified)")
        print("check latency over \(runs) runs: p50 \(String(format: "%.1f", percentile(0.5))) ms, "
            + "p99 \(String(format: "%.1f", percentile(0.99))) ms (first run \(String(format: "%.1f", cold)) ms)")
    }
}
