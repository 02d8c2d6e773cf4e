/// A rule's pattern failed while reading a document: it ran past its backtracking limit.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    public var rule: String
    public var ruleFile: String
    public var document: String
    public var underlying: PatternError

    public var description: String {
        "rule '\(rule)' (\(ruleFile)) failed on \(document): \(underlying)"
    }
}
