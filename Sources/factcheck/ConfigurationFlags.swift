import FactCheckKit
import Foundation

/// The flags that choose the baseline and the rules (`--config`, `--baseline`, `--rules`), shared by `check` and
/// `serve` so that both resolve them the same way: factcheck.yml (named, or found upwards from the working
/// directory), overridden by the flags; without any configuration, rules come from `Rules/`.
struct ConfigurationFlags {
    var config: String?
    var baseline: [String]
    var rules: [String]

    /// The configuration these flags select.
    /// - Throws: `InputError` or `RuleError` when the configuration file cannot be read.
    func resolved() throws -> Configuration {
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
        if !rules.isEmpty { configuration.rules = rules }
        if configuration.file == nil && rules.isEmpty { configuration.rules = [Terminal.defaultRulesFolder] }
        return configuration
    }
}
