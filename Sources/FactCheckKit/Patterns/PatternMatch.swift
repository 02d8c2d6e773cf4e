/// One match of a `Pattern`, as UTF-8 byte ranges into the subject.
///
/// Byte ranges are what PCRE2 speaks; `SourceText` turns them into Unicode-scalar offsets and line/column.
public struct PatternMatch: Equatable, Sendable {
    /// The whole match.
    public var range: Range<Int>
    /// The named groups that took part in the match.
    public var groups: [String: Range<Int>]

    public init(range: Range<Int>, groups: [String: Range<Int>]) {
        self.range = range
        self.groups = groups
    }
}
