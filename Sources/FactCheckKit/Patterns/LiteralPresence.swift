/// Which of the prefilter's literals occur in a subject, compared ASCII-caselessly as PCRE2 compares them with UTF
/// and without UCP, and so which patterns can match it.
///
/// PCRE2 also matches k and s caselessly as KELVIN SIGN (U+212A) and LONG S (U+017F): a subject with either
/// character is taken to hold every literal, so that no pattern is skipped wrongly.
struct LiteralPresence {
    let table: LiteralPrefilter.Table
    /// Whether each literal occurred in the subject of the last `find(in:)`.
    private(set) var isPresent: [Bool]

    init(table: LiteralPrefilter.Table) {
        self.table = table
        isPresent = Array(repeating: true, count: table.trie.literalCount)
    }

    /// False when `pattern` has required literals and the subject of the last `find(in:)` holds none of them.
    func mayMatch(_ pattern: Pattern) -> Bool {
        guard let indexes = table.literalIndexes[ObjectIdentifier(pattern)] else { return true }
        return indexes.contains { isPresent[$0] }
    }

    /// Looks for every literal in `subject`.
    mutating func find(in subject: [UInt8]) {
        for index in isPresent.indices { isPresent[index] = false }
        if !table.trie.mark(in: subject, isPresent: &isPresent) {
            for index in isPresent.indices { isPresent[index] = true }
        }
    }
}
