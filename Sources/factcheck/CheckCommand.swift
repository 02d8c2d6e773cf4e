import ArgumentParser
import FactCheckKit
import FactCheckPostgres
import Foundation

/// `factcheck check DRAFT...`: the flags of DESIGN.md's contract, turned into a `Configuration` and a
/// `CheckSession`; everything else happens in FactCheckKit.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts against the baseline (exit 0: clean, 1: contradictions, 2: the run failed)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html, sarif, junit
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "Draft files to check; '-' reads standard input.")
    var drafts: [String]

    @OptionGroup var configurationFlags: ConfigurationFlags

    @Option(name: .long, help: "Check against this fact base as it is, without refreshing it from the sources (the fast path for a hook): a SQLite file or a postgresql:// URL.")
    var factbase: String?

    @Option(name: .long, help: "Progress of a fact base build on standard error: auto (a bar on a terminal), always, never.")
    var progress: ProgressBar.Mode = .auto

    @Option(name: .long, help: "Output format: text, json, html (pages in the reports folder), sarif or junit.")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output (html: instead of Reports/<draft>.html; with several drafts, the index page).")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on contradictions at or above: error, warning, info, never.")
    var failOn: FailOn?

    @Flag(name: .customLong("show-all"), help: "In text output, list supported and unverified claims too.")
    var showAll = false

    @Option(name: .customLong("draft-format"), help: "Read drafts as text, markdown or html (default: by file extension).")
    var draftFormat: String?

    @Flag(name: .long, help: "Print only the findings (no summary lines, notes or progress); the exit code says the rest.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "No colours in text output (also when NO_COLOR is set, or the output is not a terminal).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Report only the claims in paragraphs changed since this git revision (a draft new since then: all of it); the summary and exit code count those claims only.", valueName: "BASE"))
    var diff: String?

    func validate() throws {
        if drafts.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if diff != nil, drafts.contains("-") {
            throw ValidationError("--diff compares draft files with their versions in git; standard input ('-') has none")
        }
        if let draftFormat, DocumentFormat(rawValue: draftFormat) == nil {
            throw ValidationError("--draft-format must be one of: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try Self.rejectCommandLikeWords(drafts)
        let configuration = try resolvedConfiguration()
        let bar = ProgressBar(label: "factcheck: building the fact base", mode: quiet ? .never : progress)
        let session = try CheckSession(configuration: configuration, factsFrom: try factsFrom(configuration), jit: .byVolume,
                                       progress: bar.report, drafts: drafts)
        bar.finish()
        if !quiet {
            Terminal.noteReplacedBuiltIns(session.ruleSet)
            for path in session.draftsLeftOutOfBaseline {
                Terminal.writeError("factcheck: note: the baseline includes the draft \(PathExpander.displayPath(path)); "
                    + "it is left out of the baseline, since a draft cannot confirm its own claims")
            }
        }
        let loader = DocumentLoader()
        let format = draftFormat.flatMap(DocumentFormat.init(rawValue:))
        let documents = try drafts.map { path throws(InputError) in try loader.load(path: path, format: format) }
        var changes: [ParagraphChanges?]?
        if let diff {
            changes = try zip(drafts, documents).map { path, document in
                // Each draft is compared in the repository that holds it, wherever factcheck runs from.
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                let history = DraftHistory(repository: try GitRepository.containing(folder, purpose: "--diff"), revision: diff)
                try history.repository.verifyCommit(diff)
                return try history.changes(in: document, repositoryPath: try history.repository.relativePath(of: path))
            }
        }
        let reports = try session.check(documents, changes: changes)
        switch self.format {
        case .text:
            let reporter = TextReporter(colored: output == nil && !noColor && Terminal.supportsColor, showAll: showAll,
                                        summarized: !quiet)
            try write(reporter.generateReport(reports), to: output)
        case .json: try write(JSONReporter().generateReport(reports), to: output)
        case .sarif: try write(SARIFReporter(rules: session.ruleSet.rules).generateReport(reports), to: output)
        case .junit: try write(JUnitReporter().generateReport(reports), to: output)
        case .html: try writeHTML(reports, configuration: configuration, templates: session.reportTemplates)
        }
        if reports.contains(where: { !$0.failures(at: configuration.failOn).isEmpty }) {
            throw ExitCode(1)
        }
    }

    /// A draft that is not there and looks like a word, not a file name (`factcheck version`): most likely a
    /// command that does not exist, so say that and list the commands rather than only "no such file".
    static func rejectCommandLikeWords(_ drafts: [String]) throws {
        for draft in drafts where draft != "-" && !draft.contains("/") && !draft.contains(".")
            && !FileManager.default.fileExists(atPath: draft) {
            let commands = FactCheckCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
            throw InputError(path: draft, message: "no such file or command",
                             hint: "the commands are: \(commands.joined(separator: ", ")); 'factcheck --help' says more")
        }
    }

    /// Writes `rendered` to `path`, or to standard output when there is none.
    private func write(_ rendered: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
            return
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw InputError(path: path, message: "is a folder; --output names the report's file",
                             hint: "give a file name, such as \((path as NSString).appendingPathComponent("report"))")
        }
        do {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError(path: path, message: "cannot write the report: \(error.localizedDescription)",
                             hint: "check that the folder exists and is writable")
        }
    }

    /// One page per draft in the reports folder (`Reports/<draft name>.html`) and, for several drafts, an index
    /// page; `--output` names the page (or the index, with the drafts' pages beside it). Prints the paths written.
    private func writeHTML(_ reports: [DraftReport], configuration: Configuration, templates: HTMLTemplates) throws {
        let pages = HTMLReporter(templates: templates)
            .generatePages(reports, version: ToolInfo.version, date: ReportDate.current())
        let folder = output.map { ($0 as NSString).deletingLastPathComponent } ?? configuration.reports
        let mainPage = reports.count > 1 ? HTMLReporter.indexFileName : pages.first?.fileName
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(path: folder, message: "cannot create the reports folder: \(error.localizedDescription)")
        }
        for page in pages {
            var path = (folder as NSString).appendingPathComponent(page.fileName)
            if let output, page.fileName == mainPage { path = output }
            try write(page.html, to: path)
            if !quiet { print(PathExpander.displayPath(path)) }
        }
    }

    /// `--baseline` checks against an in-memory base of exactly those files (hermetic: no store is read or
    /// written); `--factbase` uses that store as it is; otherwise the configured store, refreshed from
    /// factcheck.yml's baseline, or used as it is when the configuration names no baseline.
    private func factsFrom(_ configuration: Configuration) throws -> CheckSession.FactsFrom {
        if !configurationFlags.baseline.isEmpty { return .memory }
        // A PostgreSQL base is shared and kept by `base add`: checks use it as it is, never refresh it.
        let setting = FactBaseLocation.setting(flag: factbase, configured: configuration.factbase)
        if let shared = try FactBaseLocation(setting).sharedSource { return shared }
        if let factbase { return .store(path: factbase) }
        if configuration.baseline.isEmpty, FileManager.default.fileExists(atPath: configuration.factbase) {
            return .store(path: configuration.factbase)
        }
        return .refreshedStore
    }

    /// factcheck.yml (found or named), overridden by the flags.
    private func resolvedConfiguration() throws -> Configuration {
        var configuration = try configurationFlags.resolved()
        if let failOn { configuration.failOn = failOn == .never ? nil : Severity(rawValue: failOn.rawValue) }
        return configuration
    }
}
