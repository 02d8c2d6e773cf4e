import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck init [DIR] [--hook] [--templates] [--force]`: sets a newsroom folder up for factcheck. Every step
/// checks first and says what it did or found, so running it twice changes nothing, and it never overwrites a file
/// without `--force`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set a folder up for factcheck: a commented factcheck.yml, sources/ and drafts/, .gitignore; with --hook, the pre-commit hook."
    )

    @Argument(help: "The folder to set up (default: the working directory); created if missing.")
    var folder = "."

    @Flag(name: .long, help: "Also install the git pre-commit hook (the folder must be in a git repository).")
    var hook = false

    @Flag(name: .long, help: "Also copy the built-in HTML report templates into templates/, to restyle the report.")
    var templates = false

    @Flag(name: .long, help: "Overwrite factcheck.yml (and, with --templates, the templates) if they exist.")
    var force = false

    /// The folder `--templates` writes to, and factcheck.yml's `templates` then names.
    static let templatesFolder = "templates"

    func run() throws {
        var changed = false
        func note(_ message: String, changing: Bool) {
            print(message)
            changed = changed || changing
        }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        // Before any file is written: --hook needs a repository, and a half-done init helps no one.
        let repository = hook ? try GitRepository.containing(try Self.createFolder(root), purpose: "--hook") : nil
        _ = try Self.createFolder(root)

        for name in ["sources", "drafts"] {
            let path = (root as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) {
                note("\(display(path))/ exists", changing: false)
            } else {
                _ = try Self.createFolder(path)
                note("created \(display(path))/", changing: true)
            }
        }

        if templates {
            let folder = (root as NSString).appendingPathComponent(Self.templatesFolder)
            _ = try Self.createFolder(folder)
            for file in BuiltIns.templateFiles {
                let name = (file.path as NSString).lastPathComponent
                let path = (folder as NSString).appendingPathComponent(name)
                note(try write(file.text, to: path), changing: true)
            }
        }

        let configuration = (root as NSString).appendingPathComponent(ConfigurationLoader.fileName)
        let text = Self.configurationText(templates: templates)
        if FileManager.default.fileExists(atPath: configuration), !force {
            let same = FileManager.default.contents(atPath: configuration) == Data(text.utf8)
            note("\(display(configuration)) exists" + (same ? "" : ", left as it is (--force overwrites it)"),
                 changing: false)
            if templates {
                note("to use the copied templates, add 'templates: \(Self.templatesFolder)' to \(display(configuration))",
                     changing: false)
            }
        } else {
            note(try write(text, to: configuration), changing: true)
        }

        let ignore = (root as NSString).appendingPathComponent(".gitignore")
        let ignored = FileManager.default.contents(atPath: ignore).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if ignored.split(whereSeparator: \.isNewline).contains(where: { [".factcheck/", ".factcheck", "/.factcheck/"].contains($0) }) {
            note("\(display(ignore)) ignores .factcheck/", changing: false)
        } else {
            let separator = ignored.isEmpty || ignored.hasSuffix("\n") ? "" : "\n"
            let added = ignored + separator + "# factcheck's fact base, rebuilt from the sources\n.factcheck/\n"
            try writeFile(added, to: ignore)
            note((ignored.isEmpty ? "created " : "added .factcheck/ to ") + display(ignore), changing: true)
        }

        if let repository {
            let preCommit = PreCommitHook(folder: try repository.hooksFolder())
            let script = PreCommitHook.script(binary: HookInstallCommand.currentBinary(), failOn: nil, runPrevious: true)
            if preCommit.isOurs, FileManager.default.contents(atPath: preCommit.path) == Data(script.utf8) {
                note("factcheck's pre-commit hook is installed: \(preCommit.path)", changing: false)
            } else {
                for line in try preCommit.install(binary: HookInstallCommand.currentBinary(), failOn: nil, runPrevious: true) {
                    note(line, changing: true)
                }
            }
        }
        if !changed {
            print("factcheck init: everything was in place already; nothing changed")
        } else {
            print("next: put trusted documents in sources/ and drafts in drafts/, then run 'factcheck drafts/<draft>'")
        }
    }

    /// Writes a new file, or overwrites one with --force; says which.
    private func write(_ text: String, to path: String) throws -> String {
        if FileManager.default.fileExists(atPath: path) {
            if FileManager.default.contents(atPath: path) == Data(text.utf8) { return "\(display(path)) exists" }
            guard force else {
                throw InputError(path: path, message: "exists and differs from what init would write",
                                 hint: "rerun with --force to overwrite it, or move it aside")
            }
            try writeFile(text, to: path)
            return "overwrote \(display(path))"
        }
        try writeFile(text, to: path)
        return "created \(display(path))"
    }

    private func writeFile(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError(path: path, message: "cannot write: \(error.localizedDescription)",
                             hint: "check that the folder is writable")
        }
    }

    private func display(_ path: String) -> String {
        PathExpander.displayPath(path)
    }

    /// Creates a folder (and its parents) if missing; returns its path.
    private static func createFolder(_ path: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(path: path, message: "cannot create the folder: \(error.localizedDescription)")
        }
        return path
    }

    /// The factcheck.yml that init writes: every key a newsroom sets, with what it does.
    static func configurationText(templates: Bool) -> String {
        """
        # factcheck's configuration. Paths are relative to this file's folder. 'factcheck --help' lists the flags
        # that override these keys for one run.

        # Trusted documents (files, folders or globs) that drafts are checked against. Their facts are kept in the
        # fact base below and refreshed when a file changes.
        baseline:
          - sources

        # The drafts the git pre-commit hook checks (factcheck init --hook, or factcheck hook install): by default
        # every format factcheck reads.
        drafts:
        \(Configuration.defaultDrafts.map { "  - \($0)" }.joined(separator: "\n"))

        # Which contradictions fail a check (exit 1) or block a commit: error, warning, info or never.
        fail-on: error

        # Where 'factcheck --format html' writes its pages.
        reports: reports

        # The fact base: the sources' facts, rebuilt from them when they change (keep it out of git).
        factbase: .factcheck/facts.sqlite

        # Rule files or folders added to the rules built into factcheck; a rule with a built-in rule's id replaces
        # it. 'factcheck rules list' shows what a check uses.
        # rules:
        #   - rules
        # builtin-rules: true

        # The newsroom's own HTML report templates (report.mustache, index.mustache); default: the built-in ones.
        \(templates ? "" : "# ")templates: \(templatesFolder)

        # Editors' sign-offs of accepted findings (factcheck accept): commit this file. Outside .factcheck/, which
        # holds only what factcheck rebuilds and is left out of git.
        sign-offs: sign-offs.yml

        """
    }
}
