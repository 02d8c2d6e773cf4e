import ArgumentParser
import FactCheckKit

/// The flags that choose the rules, shared by every command that loads them: the built-in rules, plus the rule
/// files named here or in factcheck.yml.
struct RuleFlags: ParsableArguments {
    @Option(name: .long, help: "A folder or file of rules, added to the built-in ones (repeatable); a rule with a built-in rule's id replaces it. Default: factcheck.yml's rules.")
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Leave out the rules built into factcheck: use only --rules or factcheck.yml's rules.")
    var noBuiltInRules = false

    /// `configuration` with these flags applied over factcheck.yml's `rules` and `builtin-rules`.
    func applied(to configuration: Configuration) -> Configuration {
        var result = configuration
        if !rules.isEmpty { result.rules = rules }
        if noBuiltInRules { result.builtInRules = false }
        return result
    }

    /// The rule set these flags and `configuration` select, after saying on standard error which built-in rules
    /// the user's rules replace.
    func loadRules(_ configuration: Configuration, compilingJIT: Bool = true) throws -> RuleSet {
        let ruleSet = try RuleLoader().load(paths: configuration.rules, includingBuiltIns: configuration.builtInRules,
                                            compilingJIT: compilingJIT)
        Terminal.noteReplacedBuiltIns(ruleSet)
        return ruleSet
    }
}
