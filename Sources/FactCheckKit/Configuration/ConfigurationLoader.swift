import Foundation
import Yams

/// Finds and reads `factcheck.yml`. Unknown keys are errors: a misspelt `baseline` must not silently check
/// against nothing.
public struct ConfigurationLoader {
    public static let fileName = "factcheck.yml"
    static let keys: Set<String> = ["baseline", "rules", "builtin-rules", "drafts", "reports", "templates", "factbase",
                                       "sign-offs", "fail-on"]

    public init() {}

    /// The nearest `factcheck.yml` in `directory` or a folder above it.
    public func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(Self.fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads a configuration file, resolving its paths against its folder.
    /// - Throws: `RuleError`-style `InputError` with the line of the problem.
    public func load(file: String) throws(InputError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw InputError(path: file, message: "cannot read the configuration file", hint: "check that it exists and is UTF-8")
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument(file: file, text: text)
        } catch {
            throw InputError(path: file, line: error.line, message: error.message)
        }
        do {
            return resolved(try read(document, file: file), file: file)
        } catch {
            throw InputError(path: file, line: error.line, message: error.message, hint: error.hint)
        }
    }

    private func read(_ document: YAMLDocument, file: String) throws(RuleError) -> Configuration {
        var configuration = Configuration(file: file)
        guard let root = document.root else { return configuration }
        for (key, value) in try document.entries(of: root, allowed: Self.keys) {
            switch key {
            case "baseline": configuration.baseline = try document.strings(value, field: key)
            case "rules": configuration.rules = try document.strings(value, field: key)
            case "drafts": configuration.drafts = try document.strings(value, field: key)
            case "builtin-rules":
                let text = try document.string(value, field: key)
                guard let flag = ["true": true, "yes": true, "false": false, "no": false][text] else {
                    throw RuleError(file: file, line: value.mark?.line, message: "builtin-rules must be true or false, not '\(text)'")
                }
                configuration.builtInRules = flag
            case "reports": configuration.reports = try document.string(value, field: key)
            case "templates": configuration.templates = try document.string(value, field: key)
            case "factbase": configuration.factbase = try document.string(value, field: key)
            case "sign-offs": configuration.signOffs = try document.string(value, field: key)
            default:
                let text = try document.string(value, field: key)
                if text == "never" {
                    configuration.failOn = nil
                } else if let severity = Severity(rawValue: text) {
                    configuration.failOn = severity
                } else {
                    throw RuleError(file: file, line: value.mark?.line, message: "fail-on must be error, warning, info or never, not '\(text)'")
                }
            }
        }
        return configuration
    }

    private func resolved(_ configuration: Configuration, file: String) -> Configuration {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path
        }
        var result = configuration
        result.baseline = configuration.baseline.map(resolve)
        result.rules = configuration.rules.map(resolve)
        result.drafts = configuration.drafts.map(resolve)
        result.reports = resolve(configuration.reports)
        result.templates = configuration.templates.map(resolve)
        // A PostgreSQL URL (`postgresql://...`) names a database, not a file beside the configuration.
        let isURL = configuration.factbase.hasPrefix("postgresql://") || configuration.factbase.hasPrefix("postgres://")
        result.factbase = isURL ? configuration.factbase : resolve(configuration.factbase)
        result.signOffs = resolve(configuration.signOffs)
        return result
    }
}
