/// Which claims of a value class may agree with a value, by its interval (what the store's R*Tree holds, see
/// `ValueIndex`), kept as the shorter of two lists: the claims that overlap the interval or, when most of the
/// class does ("below $25 billion" overlaps nearly every figure of a base), the claims that do not. Either way it
/// answers, for the claims of one context, which may agree and which cannot.
enum ValueOverlap {
    /// The claims whose interval overlaps, by context, ids ascending.
    case overlapping([Int64: [Int64]])
    /// The claims of the class whose interval does not overlap, by context, ids ascending: every other claim of
    /// the class does.
    case allBut([Int64: [Int64]])

    /// The first `count` claims of `context` (by id) whose value may agree.
    /// - Parameter members: every claim of the context, ids ascending; called only when needed.
    func agreeing(first count: Int, ofContext context: Int64, members: () throws -> [Int64]) rethrows -> ArraySlice<Int64> {
        switch self {
        case let .overlapping(claims): (claims[context] ?? []).prefix(count)
        case let .allBut(claims): Self.first(count, of: try members(), skipping: claims[context] ?? [])
        }
    }

    /// The first `count` claims of `context` (by id) whose value cannot agree.
    /// - Parameter members: every claim of the context, ids ascending; called only when needed.
    func disagreeing(first count: Int, ofContext context: Int64, members: () throws -> [Int64]) rethrows -> ArraySlice<Int64> {
        switch self {
        case let .overlapping(claims): Self.first(count, of: try members(), skipping: claims[context] ?? [])
        case let .allBut(claims): (claims[context] ?? []).prefix(count)
        }
    }

    /// How many claim ids the lists hold.
    var count: Int {
        switch self {
        case let .overlapping(claims), let .allBut(claims): claims.values.reduce(0) { $0 + $1.count }
        }
    }

    /// The first `count` ids of `ids` that are not in `skipped`, both sorted ascending.
    static func first(_ count: Int, of ids: [Int64], skipping skipped: [Int64]) -> ArraySlice<Int64> {
        guard !skipped.isEmpty else { return ids.prefix(count) }
        var kept: [Int64] = []
        var next = 0
        for id in ids {
            while next < skipped.count, skipped[next] < id { next += 1 }
            if next < skipped.count, skipped[next] == id { continue }
            kept.append(id)
            if kept.count == count { break }
        }
        return kept[...]
    }
}
