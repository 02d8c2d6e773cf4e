import ArgumentParser
import FactCheckKit
import Foundation

/// The options every `factcheck base` command shares: which store, which rules, how to show progress.
struct BaseOptions: ParsableArguments {
    @Option(name: .long, help: "The fact base: a SQLite file or a postgresql://USER@HOST:PORT/DB URL. Default: FACTCHECK_DATABASE_URL, else factcheck.yml's 'factbase', else .factcheck/facts.sqlite.")
    var factbase: String?

    @OptionGroup var ruleFlags: RuleFlags

    @Option(name: .long, help: "Configuration file. Default: the nearest factcheck.yml upwards from here.")
    var config: String?

    @Option(name: .long, help: "Progress on standard error: auto (a bar on a terminal), always (lines), never.")
    var progress: ProgressBar.Mode = .auto

    /// factcheck.yml (found or named), overridden by the flags; resolved as `check` and `serve` resolve theirs.
    func configuration() throws -> Configuration {
        var configuration = try ConfigurationFlags.resolve(config: config, baseline: [], ruleFlags: ruleFlags)
        configuration.factbase = FactBaseLocation.setting(flag: factbase, configured: configuration.factbase)
        return configuration
    }

    /// The rule set's extractor.
    func extractor(_ configuration: Configuration) throws -> ClaimExtractor {
        ClaimExtractor(ruleSet: try ruleFlags.loadRules(configuration))
    }

    /// Where the configured store is.
    func location(_ configuration: Configuration) throws -> FactBaseLocation {
        try FactBaseLocation(configuration.factbase)
    }

    /// Opens the store (callers that change it hold its lock: `FactBaseLocation.whileLocked`).
    func openStore(_ configuration: Configuration) throws -> any ManagedFactStore {
        try location(configuration).open()
    }
}
