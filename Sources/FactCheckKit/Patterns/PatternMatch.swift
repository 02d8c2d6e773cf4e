/// One match of a `Pattern`, as UTF-8 byte ranges into the subject.
///
/// Byte ranges are what PCRE2 speaks; `SourceText` turns them into Unicode-scalar offsets and line/column.
public struct PatternMatch: Equatable, Sendable {
    /// The whole match.
    public var range: Range<Int>
    /// The named groups that took part in the match.
    public var groups: MatchGroups

    public init(range: Range<Int>, groups: MatchGroups) {
        self.range = range
        self.groups = groups
    }

    public init(range: Range<Int>, groups: [String: Range<Int>]) {
        self.init(range: range, groups: MatchGroups(groups))
    }
}

/// The named groups of a match, each with its range, or nil for one that did not take part.
///
/// Kept as the pattern's list of names, shared by all its matches, beside one range per name: a fact base build
/// finds tens of thousands of matches per MB, and a dictionary per match cost more than the match's own groups.
public struct MatchGroups: Equatable, Sendable {
    /// The group names, shared by every match of one pattern.
    private let names: [String]
    /// The range of each of `names`, nil where the group did not take part: a slice of the ranges of all the
    /// matches of one scan (`PatternScanner`), which then allocates one buffer rather than one per match.
    private let ranges: ArraySlice<Range<Int>?>

    /// Groups named `names` with `ranges`, in the same order.
    init(names: [String], ranges: ArraySlice<Range<Int>?>) {
        precondition(names.count == ranges.count, "one range per group name")
        self.names = names
        self.ranges = ranges
    }

    /// Groups named `names` with `ranges`, in the same order.
    init(names: [String], ranges: [Range<Int>?]) {
        self.init(names: names, ranges: ranges[...])
    }

    /// The groups of a dictionary of name → range.
    public init(_ groups: [String: Range<Int>]) {
        let names = groups.keys.sorted()
        self.init(names: names, ranges: names.map { groups[$0] })
    }

    /// The range of the group called `name`, nil when there is none or it did not take part.
    public subscript(name: String) -> Range<Int>? {
        // A few names: a scan compares fewer bytes than hashing one.
        for index in names.indices where names[index] == name { return ranges[ranges.startIndex + index] }
        return nil
    }

    /// The groups that took part, by name.
    public var dictionary: [String: Range<Int>] {
        var groups: [String: Range<Int>] = [:]
        for (name, range) in zip(names, ranges) { groups[name] = range }
        return groups
    }

    /// The same groups took part, at the same ranges.
    public static func == (lhs: MatchGroups, rhs: MatchGroups) -> Bool {
        lhs.names == rhs.names ? lhs.ranges == rhs.ranges : lhs.dictionary == rhs.dictionary
    }
}
