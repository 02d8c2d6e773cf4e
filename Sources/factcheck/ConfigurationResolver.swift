import FactCheckKit
import Foundation

/// factcheck.yml (named with --config, else the nearest one upwards), overridden by the flags every command that
/// checks drafts shares.
enum ConfigurationResolver {
    static func resolve(config: String?, baseline: [String], rules: [String]) throws -> Configuration {
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
