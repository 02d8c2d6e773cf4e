/// The rules and the lexicon a run uses, loaded once and shared by every check.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon

    public init(rules: [Rule], lexicon: Lexicon = Lexicon()) {
        self.rules = rules
        self.lexicon = lexicon
    }

    /// The rule with an id, if any.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }
}
