import Foundation
import Synchronization
import Testing
@testable import FactCheckKit

/// The anchored scan (PCRE2 tried only where `FragmentStartFinder` found a start, and not at all on a subject
/// without the pattern's required literals) must find exactly what the plain scan finds: the same matches, groups,
/// empty-match steps and limit errors.
@Suite struct PatternScannerTests {
    static let ruleSet = try! RuleLoader().load(paths: [RepositoryPaths.rules])
    static let patterns = ruleSet.rules.flatMap { rule in rule.patterns.enumerated().map { ("\(rule.id)#\($0)", $1) } }

    /// Every rule example, the bundled example texts and seeded random text.
    static let texts: [String] = {
        var texts: [String] = []
        for rule in ruleSet.rules {
            for example in rule.examples {
                let drafts = example.contradicted + example.supported + example.unverified
                texts += [example.baseline] + drafts.map { $0.replacingOccurrences(of: String(RuleExample.marker), with: "") }
            }
        }
        for folder in ["Examples/sources", "Examples/drafts"] {
            let url = RepositoryPaths.root.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        // Matches that begin with a word of their own ("suspended"), not with the value: a pattern wrongly anchored
        // at its value would miss them.
        texts.append("He got a suspended 18-month prison sentence and concurrent 5-year terms; she was sentenced to "
            + "3 years, suspended, and serves two years suspended jail sentence.")
        return texts + RandomText.texts(count: 150, seed: 11)
    }()

    @Test(arguments: patterns.map(\.0))
    func anchoredScanFindsWhatThePlainScanFinds(_ name: String) throws {
        let pattern = try #require(Self.patterns.first { $0.0 == name }?.1)
        var finder = FragmentStartFinder(patterns: Self.patterns.map(\.1))
        finder.readRequiredLiteralsNow()
        var scanner = PatternScanner()
        var matchCount = 0
        for text in Self.texts {
            let bytes = Array(text.utf8)
            finder.find(in: bytes)
            let plain = try scanner.matches(of: pattern, in: bytes)
            #expect(try scanner.matches(of: pattern, in: bytes, startingWhere: finder) == plain, "\(text.debugDescription)")
            matchCount += plain.count
        }
        // Patterns that only a long sentence context triggers may match none of the texts; most match many.
        if pattern.start != nil { #expect(matchCount > 0, "\(name) should match some of the texts") }
    }

    /// Scanners made and dropped on many threads at once share pooled PCRE2 blocks: each still finds exactly its
    /// own matches, also after another scanner's limit error left the blocks.
    @Test func pooledScannersOnManyThreadsFindTheSameMatches() throws {
        let pattern = try Pattern(#"(?<value>[0-9]+) (?<noun>[a-z]+)"#)
        let catastrophic = try Pattern("(a+)+$")
        let subjects = (0..<40).map { Array("\($0) prisoners, \($0 * 7) roses and \($0 + 1) days".utf8) }
        let expected = try subjects.map { try pattern.matches(in: $0) }
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for (index, subject) in subjects.enumerated() {
                var scanner = PatternScanner()
                if index % 5 == worker % 5 {
                    // Runs past the standard match limit, then gives its blocks back to the pool.
                    _ = try? scanner.matches(of: catastrophic, in: Array((String(repeating: "a", count: 30) + "!").utf8))
                }
                if (try? scanner.matches(of: pattern, in: subject)) != expected[index] {
                    failures.withLock { $0 += 1 }
                }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }

    /// The speed-up rests on the rules' large value patterns being anchored: each opens with its value macro.
    @Test func valueRulesAreAnchored() {
        for id in ["core.number", "core.count", "core.date", "core.money", "core.percent", "core.quantity", "core.duration",
                   "core.ordinal", "core.time"] {
            #expect(Self.ruleSet.rule(id: id)?.patterns.allSatisfy { $0.start != nil } == true, "\(id)")
        }
        let period = Self.ruleSet.rule(id: "core.period")?.patterns.first
        #expect(period != nil && period?.start == nil, "{period} has no start")
    }

    /// A pattern that opens with `start`'s lookahead, as `RuleLoader` builds one, with `rest` after it.
    static func anchoredPattern(_ start: FragmentStart, _ rest: String) throws -> Pattern {
        try Pattern("(?i:" + start.lookahead + ")" + rest, start: start)
    }

    @Test func emptyMatchesStepAsInThePlainScan() throws {
        let start = FragmentStart(words: ["one", "’tis"], characters: ["7", "€"])
        let texts = ["one 7€ é 77 ’tis", "€€€", "xone one_ é€7é x’tis", ""] + RandomText.texts(count: 50, seed: 3)
        for rest in ["", "[0-9]*", "(?<value>[0-9€]*)", "(?:one|7)?"] {
            let pattern = try Self.anchoredPattern(start, rest)
            var finder = FragmentStartFinder(patterns: [pattern])
            var scanner = PatternScanner()
            for text in texts {
                let bytes = Array(text.utf8)
                finder.find(in: bytes)
                let plain = try scanner.matches(of: pattern, in: bytes)
                #expect(try scanner.matches(of: pattern, in: bytes, startingWhere: finder) == plain, "\(rest) in \(text)")
            }
        }
    }

    /// Both scans name where the runaway attempt began, not where the search for it began (issue 24: the error
    /// said byte 0, line 1, whatever the runaway's place).
    @Test func limitErrorNamesWhereTheRunawayAttemptBegan() throws {
        let pattern = try Self.anchoredPattern(.digits, "(?:[0-9]+)+(?:;|$)")
        // "12;" matches, then the next search begins at 3 and backtracks catastrophically on the long figure at 6.
        let bytes = Array(("12; x " + String(repeating: "1", count: 40) + "!").utf8)
        var finder = FragmentStartFinder(patterns: [pattern])
        finder.find(in: bytes)
        var scanner = PatternScanner(limits: MatchLimits(matchLimit: 10_000))
        let expected = PatternError.limitExceeded(message: "match limit exceeded", byteOffset: 6)
        #expect(throws: expected) { try scanner.matches(of: pattern, in: bytes) }
        #expect(throws: expected) { try scanner.matches(of: pattern, in: bytes, startingWhere: finder) }
    }
}
