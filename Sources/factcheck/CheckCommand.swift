import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck check DRAFT...`: the flags of DESIGN.md's contract, turned into a `Configuration` and a
/// `CheckSession`; everything else happens in FactCheckKit.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts against the baseline (exit 0: clean, 1: contradictions, 2: the run failed)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "Draft files to check; '-' reads standard input.")
    var drafts: [String]

    @Option(name: .long, help: "A trusted document, folder or glob (repeatable). Default: factcheck.yml's baseline.")
    var baseline: [String] = []

    @Option(name: .long, help: "A folder or file of rules (repeatable). Default: factcheck.yml's rules, else Rules/.")
    var rules: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on contradictions at or above: error, warning, info, never.")
    var failOn: FailOn?

    @Option(name: .long, help: "Configuration file. Default: the nearest factcheck.yml upwards from here.")
    var config: String?

    @Flag(name: .customLong("show-all"), help: "In text output, list supported and unverified claims too.")
    var showAll = false

    @Option(name: .customLong("draft-format"), help: "Read drafts as text or markdown (default: by file extension).")
    var draftFormat: String?

    func validate() throws {
        if drafts.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if let draftFormat, DocumentFormat(rawValue: draftFormat) == nil {
            throw ValidationError("--draft-format must be one of: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let configuration = try resolvedConfiguration()
        let session = try CheckSession(configuration: configuration)
        let loader = DocumentLoader()
        let format = draftFormat.flatMap(DocumentFormat.init(rawValue:))
        let documents = try drafts.map { path throws(InputError) in try loader.load(path: path, format: format) }
        let reports = try session.check(documents)
        let reporter: any Reporter = switch self.format {
        case .text: TextReporter(colored: output == nil && Terminal.supportsColor, showAll: showAll)
        case .json: JSONReporter()
        }
        let rendered = reporter.generateReport(reports)
        if let output {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw InputError(path: output, message: "cannot write the report: \(error.localizedDescription)",
                                 hint: "check that the folder exists and is writable")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if reports.contains(where: { !$0.failures(at: configuration.failOn).isEmpty }) {
            throw ExitCode(1)
        }
    }

    /// factcheck.yml (found or named), overridden by the flags.
    private func resolvedConfiguration() throws -> Configuration {
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
        if let failOn { configuration.failOn = failOn == .never ? nil : Severity(rawValue: failOn.rawValue) }
        return configuration
    }
}
