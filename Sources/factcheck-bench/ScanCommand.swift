import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-bench scan FOLDER`: every pattern of every rule over every document with PCRE2 JIT alone (no
/// value reading, no claims, no store): the ceiling a fact base build is measured against.
///
/// Three scans are timed: the plain one, PCRE2 searching every position of each document for each pattern; the
/// anchored one that extraction uses: one `FragmentStartFinder` pass per document, then each pattern that opens
/// with a value macro tried only where that value can begin (the others searched as in the plain scan); and the
/// same anchored scan in the order a fact base build runs it, each pattern over a chunk of documents at a time. Before
/// timing, both must find the same matches, ranges and groups, in every document, or the command fails.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Raw PCRE2 JIT scan speed of the rule patterns over a folder of documents (MB/s), plain and anchored."
    )

    @Argument(help: "Folders, files or globs of documents.")
    var paths: [String]

    @Option(name: .long, help: "Rule folders or files.")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Runs; the median is printed.")
    var runs: Int = 3

    @Option(name: .long, help: "Documents per chunk for the chunked anchored scan (each pattern over a chunk, as a fact base build matches them).")
    var chunk: Int = 256

    @Flag(name: .customLong("per-pattern"), help: "Also time each pattern alone (one thread, median of the runs).")
    var perPattern = false

    @Flag(name: .customLong("print-patterns"), help: "Print each rule's patterns as compiled (macros expanded) and stop.")
    var printPatterns = false

    func run() throws {
        let ruleSet = try RuleLoader().load(paths: rules)
        if printPatterns {
            for rule in ruleSet.rules {
                for pattern in rule.patterns {
                    let literals = pattern.requiredLiterals.map { $0.sorted().joined(separator: "|") } ?? "none known"
                    let mode = pattern.usesByteMode ? "byte mode" : "UTF mode"
                    print("\(rule.id)\t\(pattern.source)\trequired literals: \(literals)\t\(mode)")
                }
            }
            return
        }
        let patterns = ruleSet.rules.flatMap(\.patterns)
        let finder = {
            var finder = FragmentStartFinder(patterns: patterns)
            // From the first document on, as a build of a fact base has them after its first hundred.
            finder.readRequiredLiteralsNow()
            return finder
        }()
        // Files are read before timing: the scan is what is measured, not the disk.
        let documentPaths = try PathExpander.documents(in: paths)
        let subjects: [[UInt8]] = documentPaths.map { Array(FileManager.default.contents(atPath: $0) ?? Data()) }
        let bytes = subjects.reduce(0) { $0 + $1.count }
        let megabytes = Double(bytes) / 1_048_576
        let anchored = patterns.filter { finder.positions(for: $0) != nil }.count
        print("\(subjects.count) documents, \(String(format: "%.1f", megabytes)) MB, \(patterns.count) patterns of "
            + "\(ruleSet.rules.count) rules, \(anchored) of them anchored where their leading value can begin, "
            + "\(patterns.filter { $0.requiredLiterals != nil }.count) with required literals, "
            + "\(patterns.filter(\.usesByteMode).count) matched byte for byte (the others in UTF mode)")
        let matchCount = try checkSameMatches(patterns: patterns, finder: finder, subjects: subjects, paths: documentPaths)
        print("plain and anchored scans find the same \(matchCount) matches (ranges and groups)")
        if perPattern {
            timeEachPattern(ruleSet: ruleSet, finder: finder, subjects: subjects, megabytes: megabytes)
            print("JIT code of all patterns: \(patterns.reduce(0) { $0 + $1.jitCodeSize }) bytes")
        }
        for workers in Set([1, threads]).sorted() {
            var plainSpeeds: [Double] = []
            var anchoredSpeeds: [Double] = []
            var chunkedSpeeds: [Double] = []
            var plainMatches = 0
            var anchoredMatches = 0
            var chunkedMatches = 0
            // Alternated, so that a change in the machine's load falls on both scans alike.
            for _ in 0..<runs {
                let plain = timeScan(workers: workers, subjects: subjects) { scanner, subject in
                    patterns.reduce(0) { $0 + ((try? scanner.matches(of: $1, in: subject).count) ?? 0) }
                }
                plainSpeeds.append(megabytes / plain.seconds)
                plainMatches = plain.matches
                let anchoredScan = timeScan(workers: workers, subjects: subjects) { scanner, subject in
                    var starts = finder
                    starts.find(in: subject)
                    return patterns.reduce(0) {
                        $0 + ((try? scanner.matches(of: $1, in: subject, startingWhere: starts).count) ?? 0)
                    }
                }
                anchoredSpeeds.append(megabytes / anchoredScan.seconds)
                anchoredMatches = anchoredScan.matches
                let chunkedScan = timeChunkedScan(workers: workers, subjects: subjects, patterns: patterns, finder: finder)
                chunkedSpeeds.append(megabytes / chunkedScan.seconds)
                chunkedMatches = chunkedScan.matches
            }
            let threadsText = "\(workers) thread\(workers == 1 ? "" : "s")"
            print("plain scan (PCRE2 searches every position), \(threadsText): \(Self.summary(plainSpeeds)), "
                + "\(plainMatches) matches")
            print("anchored scan (start finder and required literals, then anchored matches), \(threadsText): "
                + "\(Self.summary(anchoredSpeeds)), \(anchoredMatches) matches")
            print("anchored scan in chunks of \(chunk) documents, pattern by pattern, \(threadsText): "
                + "\(Self.summary(chunkedSpeeds)), \(chunkedMatches) matches")
        }
    }

    /// Runs both scans over every document and fails, naming the first difference, unless they find the same
    /// matches (or the same error); returns the number of matches.
    private func checkSameMatches(patterns: [Pattern], finder: FragmentStartFinder, subjects: [[UInt8]],
                                  paths: [String]) throws -> Int {
        let counter = MatchCounter()
        let mismatches = MismatchLog()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var scanner = PatternScanner()
            var starts = finder
            var found = 0
            for index in stride(from: worker, to: subjects.count, by: threads) {
                starts.find(in: subjects[index])
                for pattern in patterns {
                    let plain: Result<[PatternMatch], PatternError>
                    let anchored: Result<[PatternMatch], PatternError>
                    do throws(PatternError) {
                        plain = .success(try scanner.matches(of: pattern, in: subjects[index]))
                    } catch {
                        plain = .failure(error)
                    }
                    do throws(PatternError) {
                        anchored = .success(try scanner.matches(of: pattern, in: subjects[index], startingWhere: starts))
                    } catch {
                        anchored = .failure(error)
                    }
                    if plain != anchored {
                        mismatches.add("\(paths[index]): pattern \(pattern.source.prefix(80))...\n  plain:    \(plain)\n"
                            + "  anchored: \(anchored)")
                    }
                    found += (try? plain.get().count) ?? 0
                }
            }
            counter.add(found)
        }
        if let first = mismatches.first {
            let message = "error: the anchored scan differs from the plain scan in \(mismatches.count) scans; "
                + "the first:\n\(first)\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
        return counter.total
    }

    /// Each pattern alone, one thread, median of the runs: the plain scan, then the scan with the finder's start
    /// positions and required literals found beforehand (the finder's own pass, shared by all patterns, is timed
    /// on its own).
    private func timeEachPattern(ruleSet: RuleSet, finder: FragmentStartFinder, subjects: [[UInt8]], megabytes: Double) {
        var finderSeconds: [Double] = []
        var foundStarts: [FragmentStartFinder] = []
        for _ in 0..<runs {
            let started = Date()
            foundStarts = subjects.map { subject in
                var starts = finder
                starts.find(in: subject)
                return starts
            }
            finderSeconds.append(Date().timeIntervalSince(started))
        }
        let positions = foundStarts.reduce(0) { $0 + $1.positionCount }
        print("start finder (starts and required literals): \(Self.timing(finderSeconds, megabytes: megabytes)), "
            + "\(positions) start positions")
        var scanner = PatternScanner()
        for (rule, pattern) in ruleSet.rules.flatMap({ rule in rule.patterns.map { (rule.id, $0) } }) {
            var plainSeconds: [Double] = []
            var anchoredSeconds: [Double] = []
            var found = 0
            let isAnchored = finder.positions(for: pattern) != nil
            // The anchored attempts: each start of a document that may hold a match (a start inside an earlier
            // match is skipped, so this is an upper bound).
            let starts = foundStarts.reduce(0) { $0 + ($1.mayMatch(pattern) ? $1.positions(for: pattern)?.count ?? 0 : 0) }
            for _ in 0..<runs {
                var started = Date()
                found = 0
                for subject in subjects { found += (try? scanner.matches(of: pattern, in: subject).count) ?? 0 }
                plainSeconds.append(Date().timeIntervalSince(started))
                started = Date()
                for (subject, starts) in zip(subjects, foundStarts) {
                    _ = try? scanner.matches(of: pattern, in: subject, startingWhere: starts)
                }
                anchoredSeconds.append(Date().timeIntervalSince(started))
            }
            // A pattern that is not anchored is still skipped on documents without its required literals.
            let anchoredText = Self.timing(anchoredSeconds, megabytes: megabytes) + " (+ start finder)"
                + (isAnchored ? ", \(starts) starts" : ", not anchored")
            print("\(rule): plain \(Self.timing(plainSeconds, megabytes: megabytes)); with finder \(anchoredText); "
                + "\(found) matches, \(pattern.jitCodeSize) bytes of JIT code, \(pattern.source.utf8.count) bytes of pattern")
        }
    }

    /// The wall-clock time of `scan` over every document, spread over `workers` threads, and the matches it counted.
    private func timeScan(workers: Int, subjects: [[UInt8]],
                          scan: @escaping @Sendable (inout PatternScanner, [UInt8]) -> Int) -> (seconds: Double, matches: Int) {
        timeScan(workers: workers, subjects: subjects, chunk: 1) { scanner, subjects in
            scan(&scanner, subjects.first!)
        }
    }

    /// The wall-clock time of `scan` over every document, each of `workers` threads taking `chunk` documents in
    /// a row at a time, and the matches it counted.
    private func timeScan(workers: Int, subjects: [[UInt8]], chunk: Int,
                          scan: @escaping @Sendable (inout PatternScanner, ArraySlice<[UInt8]>) -> Int)
        -> (seconds: Double, matches: Int) {
        let counter = MatchCounter()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var scanner = PatternScanner()
            var found = 0
            for first in stride(from: worker * chunk, to: subjects.count, by: workers * chunk) {
                found += scan(&scanner, subjects[first..<min(first + chunk, subjects.count)])
            }
            counter.add(found)
        }
        return (Date().timeIntervalSince(started), counter.total)
    }

    /// `timeScan` of the anchored scan in the order a fact base build matches: each worker takes `chunk`
    /// documents in a row, finds their starts, then tries each pattern on all of them before the next pattern
    /// (`ClaimExtractor.patternMatches(in:)`), so that a pattern's JIT code stays in the cache.
    private func timeChunkedScan(workers: Int, subjects: [[UInt8]], patterns: [Pattern],
                                 finder: FragmentStartFinder) -> (seconds: Double, matches: Int) {
        timeScan(workers: workers, subjects: subjects, chunk: max(1, chunk)) { scanner, chunk in
            var starts = finder
            let finders = chunk.map { subject in
                starts.find(in: subject)
                return starts
            }
            var found = 0
            for pattern in patterns {
                for (subject, subjectStarts) in zip(chunk, finders) {
                    found += (try? scanner.matches(of: pattern, in: subject, startingWhere: subjectStarts).count) ?? 0
                }
            }
            return found
        }
    }

    private static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    /// "median 2.1 MB/s (runs: 2.0, 2.1, 2.3)".
    private static func summary(_ speeds: [Double]) -> String {
        "median \(String(format: "%.1f", median(speeds))) MB/s (runs: "
            + speeds.map { String(format: "%.1f", $0) }.joined(separator: ", ") + ")"
    }

    /// "0.123 s, 91.9 MB/s": the median time and the speed at that time.
    private static func timing(_ seconds: [Double], megabytes: Double) -> String {
        let median = median(seconds)
        return "\(String(format: "%.3f", median)) s, \(String(format: "%.1f", megabytes / median)) MB/s"
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

/// The differences between the two scans that several threads found: how many, and the first one reported.
final class MismatchLog: @unchecked Sendable {
    // @unchecked: both fields are only touched under `lock`.
    private let lock = NSLock()
    private var firstDescription: String?
    private var total = 0

    func add(_ description: String) {
        lock.lock()
        if firstDescription == nil { firstDescription = description }
        total += 1
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return firstDescription
    }
}
