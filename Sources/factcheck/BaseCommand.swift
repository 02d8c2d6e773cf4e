import ArgumentParser

/// `factcheck base ...`: the persistent fact base (an SQLite file) that `check` compares drafts with.
struct BaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "base",
        abstract: "Build and inspect the fact base: the trusted documents' facts, stored in SQLite.",
        subcommands: [BaseAddCommand.self, BaseRemoveCommand.self, BaseListCommand.self, BaseStatsCommand.self,
                      BaseRebuildCommand.self, BaseMigrateCommand.self]
    )
}
