import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-bench scaling`: how check time grows with the draft's size and with the number of claims in one
/// sentence (issue 24's two curves). Prints one line per draft and the fitted exponent of each curve: 1 is
/// linear, 2 quadratic. Drafts are made in memory from the example draft's sentences and from a sentence of
/// figures; the fact base is the baseline, in memory, as `factcheck check --baseline` has it.
struct ScalingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaling",
        abstract: "Check time against draft size and against claims per sentence, with the fitted exponents."
    )

    @Option(name: .long, help: "Trusted sources.")
    var baseline: [String] = ["Examples/sources/belarus-us-call.txt"]

    @Option(name: .long, help: "Rule folders or files.")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "The draft whose sentences fill the drafts by size.")
    var sample = "Examples/drafts/belarus-errors.md"

    @Option(name: .long, parsing: .upToNextOption, help: "Draft sizes in KB.")
    var sizes: [Int] = [10, 100, 1_000, 4_000, 16_000, 30_000]

    @Option(name: .long, parsing: .upToNextOption, help: "Figures in one sentence.")
    var claims: [Int] = [10, 100, 1_000, 5_000, 20_000]

    func run() throws {
        var configuration = Configuration()
        configuration.baseline = baseline
        configuration.rules = rules
        let session = try CheckSession(configuration: configuration)
        // The sample's text without its front matter, made one paragraph per line.
        let sampleText = try String(contentsOfFile: sample, encoding: .utf8)
        let body = sampleText.components(separatedBy: "\n---\n").last ?? sampleText
        print("draft size     claims      seconds     MB/s")
        var bySize: [(Double, Double)] = []
        for kilobytes in sizes {
            var text = ""
            text.reserveCapacity(kilobytes * 1_024 + body.utf8.count)
            while text.utf8.count < kilobytes * 1_024 { text += body + "\n\n" }
            let (seconds, claimCount) = try time(session, text)
            let megabytes = Double(text.utf8.count) / 1_048_576
            print(String(format: "%7d KB  %9d  %11.3f  %7.2f", kilobytes, claimCount, seconds, megabytes / seconds))
            bySize.append((Double(text.utf8.count), seconds))
        }
        print(String(format: "exponent of time against size: %.2f (1 = linear)", Self.exponent(bySize)))
        print("\nfigures in one sentence   bytes     seconds")
        var byClaims: [(Double, Double)] = []
        for count in claims {
            let text = "Officials said " + String(repeating: "1,000 ", count: count) + "prisoners were freed.\n"
            let (seconds, _) = try time(session, text)
            print(String(format: "%23d  %7d  %10.3f", count, text.utf8.count, seconds))
            byClaims.append((Double(count), seconds))
        }
        print(String(format: "exponent of time against figures per sentence: %.2f (1 = linear)", Self.exponent(byClaims)))
    }

    /// Seconds to read and check `text` (the best of two runs for drafts under a second), and its claim count.
    private func time(_ session: CheckSession, _ text: String) throws -> (Double, Int) {
        var best = Double.infinity
        var claims = 0
        for run in 0..<2 {
            let started = Date()
            let document = try Document(path: "draft.txt", text: text)
            claims = try session.check([document])[0].findings.count
            best = min(best, Date().timeIntervalSince(started))
            if run == 0, best > 1 { break }
        }
        return (best, claims)
    }

    /// The least-squares slope of log(seconds) against log(size), over the points that take 20 ms or more
    /// (below, fixed costs hide the curve).
    static func exponent(_ points: [(size: Double, seconds: Double)]) -> Double {
        let used = points.filter { $0.seconds >= 0.02 }.map { (log($0.size), log($0.seconds)) }
        guard used.count >= 2 else { return .nan }
        let meanX = used.map(\.0).reduce(0, +) / Double(used.count)
        let meanY = used.map(\.1).reduce(0, +) / Double(used.count)
        let covariance = used.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let variance = used.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        return covariance / variance
    }
}
