import ArgumentParser
import FactCheckKit
import Foundation

/// The flags that choose the baseline and the rules (`--config`, `--baseline`, `--rules`, `--no-builtin-rules`),
/// one option group for `check`, `accept` and `serve` so that all resolve them the same way (and `base` through
/// `resolve`): factcheck.yml (named, or found upwards from the working directory), overridden by the flags.
struct ConfigurationFlags: ParsableArguments {
    @Option(name: .long, help: "A trusted document, folder or glob (repeatable). Default: factcheck.yml's baseline.")
    var baseline: [String] = []

    @OptionGroup var ruleFlags: RuleFlags

    @Option(name: .long, help: "Configuration file. Default: the nearest factcheck.yml upwards from here.")
    var config: String?

    /// The configuration these flags select.
    /// - Throws: `InputError` or `RuleError` when the configuration file cannot be read.
    func resolved() throws -> Configuration {
        try Self.resolve(config: config, baseline: baseline, ruleFlags: ruleFlags)
    }

    /// The same resolution for a command with options of its own (`base` takes no `--baseline`). Values, not
    /// flags: an `@Option` can be read only once ArgumentParser has parsed it.
    static func resolve(config: String?, baseline: [String], ruleFlags: RuleFlags) throws -> Configuration {
        let loader = ConfigurationLoader()
        var configuration: Configuration
        if let config {
            configuration = try loader.load(file: config)
        } else if let found = loader.find(from: FileManager.default.currentDirectoryPath) {
            configuration = try loader.load(file: found)
        } else {
            configuration = Configuration()
        }
        if !baseline.isEmpty { configuration.baseline = baseline }
        return ruleFlags.applied(to: configuration)
    }
}
