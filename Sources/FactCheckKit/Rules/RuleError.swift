/// A problem with a rule or lexicon file, with the file, line and what to change.
public struct RuleError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The rule's id, when the problem is inside one rule.
    public var rule: String?
    public var message: String
    /// What the rule author can do about it.
    public var hint: String?

    public init(file: String, line: Int? = nil, rule: String? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let subject = rule.map { "rule '\($0)': " } ?? ""
        return "\(place): \(subject)\(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
