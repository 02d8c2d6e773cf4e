import ArgumentParser

/// `factcheck hook ...`: the git pre-commit hook that checks staged drafts before they are committed.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install, remove or run the git pre-commit hook that checks staged drafts.",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self, HookRunCommand.self]
    )
}
