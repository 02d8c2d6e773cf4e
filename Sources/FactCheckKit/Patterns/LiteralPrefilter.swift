import Synchronization

/// The required literals of a set of patterns (`Pattern.requiredLiterals`), read once the scan has shown it is
/// worth it: reading them costs about as much as scanning a hundred news articles (the rule patterns are large),
/// and only a scan of many documents (building a fact base) saves more than that by skipping patterns. Which
/// documents a pattern is skipped on never changes what is found, only how fast.
///
/// Shared by every copy of a `FragmentStartFinder`, on every thread.
final class LiteralPrefilter: Sendable {
    /// The subjects scanned before the literals are read.
    static let subjectsBeforeReading = 100

    /// Literals more likely than this to begin at a given place of English text (`RequiredLiterals.likelihood`)
    /// occur in nearly every article (one in a hundred places: ten times in a short one), so looking for them
    /// rules nothing out; and a literal found at most places ("a", a space) makes the search itself stop at
    /// most bytes. A pattern with such a set is tried on every subject, as one without literals is.
    static let usefulLikelihood = 0.01

    /// The literals of all patterns, and for each pattern with required literals, their indexes.
    struct Table: Sendable {
        let trie: LiteralTrie
        let literalIndexes: [ObjectIdentifier: [Int]]
    }

    /// Kept so that no other pattern can take one's identifier in `Table.literalIndexes`.
    private let patterns: [Pattern]
    private let subjectsSeen = Atomic<Int>(0)
    private let table = Mutex<Table?>(nil)

    init(patterns: [Pattern]) {
        self.patterns = patterns
    }

    /// The table, once `subjectsBeforeReading` subjects have been scanned; nil before. Counts one more subject.
    func tableAfterCountingSubject() -> Table? {
        let seen = subjectsSeen.add(1, ordering: .relaxed).newValue
        guard seen > Self.subjectsBeforeReading else { return nil }
        return tableNow()
    }

    /// The table made now, whatever the count (for tests and benchmarks).
    func tableNow() -> Table {
        table.withLock { table in
            if let table { return table }
            let made = Self.makeTable(patterns)
            table = made
            return made
        }
    }

    private static func makeTable(_ patterns: [Pattern]) -> Table {
        var literals: [String] = []
        var positions: [String: Int] = [:]
        var literalIndexes: [ObjectIdentifier: [Int]] = [:]
        for pattern in patterns {
            guard let required = pattern.requiredLiterals,
                  RequiredLiterals.likelihood(of: required) < usefulLikelihood else { continue }
            literalIndexes[ObjectIdentifier(pattern)] = required.sorted().map { literal in
                if let position = positions[literal] { return position }
                literals.append(literal)
                positions[literal] = literals.count - 1
                return literals.count - 1
            }
        }
        return Table(trie: LiteralTrie(literals: literals.map { Array($0.utf8) }), literalIndexes: literalIndexes)
    }
}
