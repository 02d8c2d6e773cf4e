import ArgumentParser
import FactCheckKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `factcheck hook run`: what the pre-commit hook runs. Checks the staged version of every staged draft that
/// factcheck.yml's `drafts` globs match, reporting only the claims in paragraphs changed since HEAD, through the
/// same `CheckSession` as `factcheck check`. Exit 1 blocks the commit.
struct HookRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check the staged drafts (run by the pre-commit hook; exit 1 blocks the commit)."
    )

    @Option(name: .customLong("fail-on"), help: "Block on contradictions at or above: error, warning, info, never (default: factcheck.yml's fail-on).")
    var failOn: CheckCommand.FailOn?

    @Option(name: .long, help: "Configuration file. Default: the nearest factcheck.yml upwards from here.")
    var config: String?

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let repository = try GitRepository.containing(workingDirectory, purpose: "the pre-commit hook")
        let loader = ConfigurationLoader()
        guard let file = config ?? loader.find(from: workingDirectory) ?? loader.find(from: repository.root) else {
            Terminal.writeError("factcheck hook: no factcheck.yml found from \(workingDirectory); no drafts checked")
            return
        }
        var configuration = try loader.load(file: file)
        if let failOn { configuration.failOn = failOn == .never ? nil : Severity(rawValue: failOn.rawValue) }
        guard !configuration.drafts.isEmpty else {
            Terminal.writeError("factcheck hook: \(file) names no 'drafts' globs; no drafts checked")
            return
        }
        let configurationFolder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
        let staged = try repository.stagedFiles().filter { path in
            Self.matches(repository.root + "/" + path, globs: configuration.drafts, configurationFolder: configurationFolder)
        }
        guard !staged.isEmpty else { return }

        let session = try CheckSession(configuration: configuration, jit: .byVolume)
        Terminal.noteReplacedBuiltIns(session.ruleSet)
        let history = DraftHistory(repository: repository, revision: try repository.commitExists("HEAD") ? "HEAD" : nil)
        var drafts: [Document] = []
        var changes: [ParagraphChanges?] = []
        for path in staged {
            guard let data = try repository.contents(of: path, at: nil) else { continue }
            let displayPath = PathExpander.displayPath(repository.root + "/" + path,
                                                       workingDirectory: GitRepository.resolved(workingDirectory))
            let draft = try DocumentLoader().document(path: displayPath, data: data, format: DocumentFormat(path: path))
            drafts.append(draft)
            changes.append(try history.changes(in: draft, repositoryPath: path))
        }
        let reports = try session.check(drafts, changes: changes)
        let failures = reports.reduce(0) { $0 + $1.failures(at: configuration.failOn).count }
        if reports.contains(where: { $0.count(.contradicted) > 0 }) {
            print(TextReporter(colored: Terminal.supportsColor).generateReport(reports), terminator: "")
        }
        if failures > 0 {
            Terminal.writeError("factcheck: commit blocked: \(failures) contradiction\(failures == 1 ? "" : "s") in the changed "
                + "paragraphs of staged drafts. Fix the draft and stage it again, or skip the check with 'git commit --no-verify'.")
            throw ExitCode(1)
        }
    }

    /// Whether a file matches one of the `drafts` globs (absolute, as the configuration resolves them). `*` stays
    /// within a folder, as in `baseline` globs; a glob with `**` matches across folders.
    static func matches(_ path: String, globs: [String], configurationFolder: String) -> Bool {
        let resolvedPath = GitRepository.resolved(path)
        let resolvedFolder = GitRepository.resolved(configurationFolder)
        let folderPrefix = configurationFolder.hasSuffix("/") ? configurationFolder : configurationFolder + "/"
        let resolvedPrefix = resolvedFolder.hasSuffix("/") ? resolvedFolder : resolvedFolder + "/"
        return globs.contains { glob in
            // Compare below the configuration's folder when both are, so symlinked folders (/tmp) do not matter.
            var pattern = glob, subject = resolvedPath
            if glob.hasPrefix(folderPrefix), resolvedPath.hasPrefix(resolvedPrefix) {
                pattern = String(glob.dropFirst(folderPrefix.count))
                subject = String(resolvedPath.dropFirst(resolvedPrefix.count))
            }
            let flags: Int32 = pattern.contains("**") ? 0 : FNM_PATHNAME
            return fnmatch(pattern, subject, flags) == 0
        }
    }
}
