/// A claim pattern loaded from a rule file: which kind of value it reads, the frames it reads it in, what must
/// match before two claims are compared, and examples that prove it works. A class: it is read, never changed,
/// and a rule taken from its set for each document and each claim was copied field by field (each one retained,
/// then released).
public final class Rule: Sendable, Identifiable {
    /// Dotted identifier, unique in a rule set ("news.prison-sentence").
    public let id: String
    /// The kind of value the `value` group holds; picks the reader ("count", "date", "duration", "time", ...).
    public let kind: String
    /// What a contradiction means, for the report.
    public let message: String
    public let severity: Severity
    /// The patterns with value macros expanded, compiled.
    public let patterns: [Pattern]
    /// Named groups that must agree (after the lexicon) before two claims are compared; empty for none.
    public let key: [String]
    /// The key of a match whose pattern has no key group: "Smith, 37," is an age though no word says so.
    public let keyWord: String?
    /// When two rules claim overlapping text, the higher priority wins.
    public let priority: Int
    public let examples: [RuleExample]
    /// Where the rule was defined: a file, or for a built-in rule its path in the factcheck repository.
    public let file: String
    public let line: Int
    /// Whether the rule ships inside factcheck (`BuiltIns`) rather than coming from a file of the user's.
    public let isBuiltIn: Bool

    public init(id: String, kind: String, message: String, severity: Severity, patterns: [Pattern], key: [String],
                keyWord: String? = nil, priority: Int, examples: [RuleExample], file: String, line: Int,
                isBuiltIn: Bool = false) {
        self.id = id
        self.kind = kind
        self.message = message
        self.severity = severity
        self.patterns = patterns
        self.key = key
        self.keyWord = keyWord
        self.priority = priority
        self.examples = examples
        self.file = file
        self.line = line
        self.isBuiltIn = isBuiltIn
    }

    /// Where the rule came from, as `factcheck rules list` and notes print it: "built-in", or file:line.
    public var origin: String {
        isBuiltIn ? "built-in" : "\(file):\(line)"
    }
}

/// One example a rule carries: a small baseline and drafts with the verdict each must get.
///
/// In a contradicted draft, the marker `↓` stands right before the text where the finding must land.
public struct RuleExample: Sendable, Equatable {
    public static let marker: Character = "↓"

    public var baseline: String
    public var contradicted: [String]
    public var supported: [String]
    public var unverified: [String]
    /// Line of the example in the rule file.
    public var line: Int

    public init(baseline: String, contradicted: [String] = [], supported: [String] = [], unverified: [String] = [],
                line: Int = 0) {
        self.baseline = baseline
        self.contradicted = contradicted
        self.supported = supported
        self.unverified = unverified
        self.line = line
    }
}
