import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-bench scan FOLDER`: every pattern of every rule over every document with PCRE2 JIT alone (no
/// value reading, no claims, no store): the ceiling a fact base build is measured against.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Raw PCRE2 JIT scan speed of the rule patterns over a folder of documents (MB/s)."
    )

    @Argument(help: "Folders, files or globs of documents.")
    var paths: [String]

    @Option(name: .long, help: "Rule folders or files.")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Runs; the median is printed.")
    var runs: Int = 3

    @Flag(name: .customLong("per-pattern"), help: "Also time each pattern alone (one thread, one run).")
    var perPattern = false

    @Flag(name: .customLong("print-patterns"), help: "Print each rule's patterns as compiled (macros expanded) and stop.")
    var printPatterns = false

    func run() throws {
        let ruleSet = try RuleLoader().load(paths: rules)
        if printPatterns {
            for rule in ruleSet.rules {
                for pattern in rule.patterns { print("\(rule.id)\t\(pattern.source)") }
            }
            return
        }
        let patterns = ruleSet.rules.flatMap(\.patterns)
        // Files are read before timing: the scan is what is measured, not the disk.
        let subjects: [[UInt8]] = try PathExpander.documents(in: paths).map { Array(FileManager.default.contents(atPath: $0) ?? Data()) }
        let bytes = subjects.reduce(0) { $0 + $1.count }
        let megabytes = Double(bytes) / 1_048_576
        print("\(subjects.count) documents, \(String(format: "%.1f", megabytes)) MB, \(patterns.count) patterns of \(ruleSet.rules.count) rules")
        if perPattern {
            var scanner = PatternScanner()
            for (rule, pattern) in ruleSet.rules.flatMap({ rule in rule.patterns.map { (rule.id, $0) } }) {
                let started = Date()
                var found = 0
                for subject in subjects { found += (try? scanner.matches(of: pattern, in: subject).count) ?? 0 }
                let seconds = Date().timeIntervalSince(started)
                print("\(rule): \(String(format: "%.3f", seconds)) s, \(String(format: "%.1f", megabytes / seconds)) MB/s, "
                    + "\(found) matches, JIT \(pattern.isJITCompiled), \(pattern.source.utf8.count) bytes of pattern")
            }
        }
        for workers in Set([1, threads]).sorted() {
            var speeds: [Double] = []
            var matches = 0
            for _ in 0..<runs {
                let counter = MatchCounter()
                let started = Date()
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var scanner = PatternScanner()
                    var found = 0
                    var index = worker
                    while index < subjects.count {
                        for pattern in patterns {
                            found += (try? scanner.matches(of: pattern, in: subjects[index]).count) ?? 0
                        }
                        index += workers
                    }
                    counter.add(found)
                }
                speeds.append(megabytes / Date().timeIntervalSince(started))
                matches = counter.total
            }
            let median = speeds.sorted()[speeds.count / 2]
            print("raw scan, \(workers) thread\(workers == 1 ? "" : "s"): median \(String(format: "%.1f", median)) MB/s "
                + "(runs: \(speeds.map { String(format: "%.1f", $0) }.joined(separator: ", "))), \(matches) matches")
        }
    }
}

/// Sums match counts from several threads.
final class MatchCounter: @unchecked Sendable {
    // @unchecked: `total` is only touched under `lock`.
    private let lock = NSLock()
    private var sum = 0

    func add(_ count: Int) {
        lock.lock()
        sum += count
        lock.unlock()
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return sum
    }
}
