import ArgumentParser
import FactCheckKit

/// `factcheck`: checks drafts against trusted sources. `factcheck DRAFT` is `factcheck check DRAFT`.
struct FactCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck",
        abstract: "Check the dates, counts, sentences, times, money and percentages in a draft against trusted sources.",
        version: "\(ToolInfo.name) \(ToolInfo.version)",
        subcommands: [CheckCommand.self, BaseCommand.self, AcceptCommand.self, RulesCommand.self, HookCommand.self,
                      ServeCommand.self, InitCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
