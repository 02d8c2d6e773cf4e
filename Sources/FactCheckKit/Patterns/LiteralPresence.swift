/// Which of the prefilter's literals occur in a subject, compared as PCRE2 compares them caselessly with UTF and
/// without UCP (`FoldedByteTree`), and so which patterns can match it.
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
        table.trie.mark(in: subject, isPresent: &isPresent)
    }
}
