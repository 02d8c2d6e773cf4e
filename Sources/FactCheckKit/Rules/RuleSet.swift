/// The rules and the lexicon a run uses, loaded once and shared by every check.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon
    /// `ContentHash` of the rule and lexicon files' contents, in load order: a fact store records it and is
    /// rebuilt when it changes. Empty for rules made in code.
    public let fingerprint: String

    public init(rules: [Rule], lexicon: Lexicon = Lexicon(), fingerprint: String = "") {
        self.rules = rules
        self.lexicon = lexicon
        self.fingerprint = fingerprint
    }

    /// The rule with an id, if any.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }
}
