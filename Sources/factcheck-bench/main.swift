import ArgumentParser

/// `factcheck-bench`: prints performance figures (numbers, not assertions): the raw PCRE2 scan speed of the
/// rule patterns, and check latency against a fact base. A tool for developers, not shipped as a product;
/// Benchmarks/fact-base.sh runs it with the CLI's own build and check timings.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck-bench",
        abstract: "Print factcheck's performance figures.",
        subcommands: [ScanCommand.self, CheckLatencyCommand.self, ClaimsDumpCommand.self, ScalingCommand.self]
    )
}

Bench.main()
