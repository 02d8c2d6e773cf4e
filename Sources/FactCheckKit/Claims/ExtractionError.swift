/// A rule's pattern failed while reading a document: it ran past its backtracking limit.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    public var rule: String
    public var ruleFile: String
    public var document: String
    /// The line of the document where the failing match attempt started.
    public var line: Int?
    public var underlying: PatternError

    public var description: String {
        let place = line.map { "\(document):\($0)" } ?? document
        return "rule '\(rule)' (\(ruleFile)) failed on \(place): \(underlying)"
    }
}
