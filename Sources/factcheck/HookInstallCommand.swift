import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck hook install [--fail-on LEVEL] [--force]`: writes the pre-commit hook of the repository that holds
/// the working directory.
struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a git pre-commit hook that checks the staged drafts matched by factcheck.yml's 'drafts' and blocks the commit on contradictions.",
        discussion: "An existing pre-commit hook is kept as pre-commit.factcheck-previous and run before factcheck's; 'factcheck hook uninstall' puts it back."
    )

    @Option(name: .customLong("fail-on"), help: "Block the commit on contradictions at or above: error, warning, info, never (default: factcheck.yml's fail-on).")
    var failOn: CheckCommand.FailOn?

    @Flag(name: .long, help: "Keep an existing pre-commit hook aside without running it.")
    var force = false

    func run() throws {
        let repository = try GitRepository.containing(FileManager.default.currentDirectoryPath, purpose: "a pre-commit hook")
        let hook = PreCommitHook(folder: try repository.hooksFolder())
        let notes = try hook.install(binary: Self.currentBinary(), failOn: failOn?.rawValue, runPrevious: !force)
        for note in notes { print(note) }
        if ConfigurationLoader().find(from: repository.root) == nil {
            Terminal.writeError("factcheck: warning: no factcheck.yml in \(repository.root); the hook checks nothing until one names 'drafts'")
        }
    }

    /// The absolute path of the running factcheck, for the hook to run; nil when it cannot be told.
    static func currentBinary() -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        return Bundle.main.executablePath.map(GitRepository.resolved)
    }
}
