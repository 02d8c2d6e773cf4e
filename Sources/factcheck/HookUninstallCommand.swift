import ArgumentParser
import Foundation

/// `factcheck hook uninstall`: removes factcheck's pre-commit hook (never another one) and restores the hook it
/// kept aside.
struct HookUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove factcheck's git pre-commit hook and restore the hook it replaced."
    )

    func run() throws {
        let repository = try GitRepository.containing(FileManager.default.currentDirectoryPath, purpose: "a pre-commit hook")
        for note in try PreCommitHook(folder: try repository.hooksFolder()).uninstall() { print(note) }
    }
}
