/// Why a fact store could not be opened, read or written, with what to do about it.
public struct FactStoreError: Error, Sendable, CustomStringConvertible {
    /// The store's path.
    public let path: String
    public let message: String
    public let hint: String?

    public init(path: String, message: String, hint: String? = nil) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(path): \(message)" + (hint.map { " (\($0))" } ?? "")
    }

    // MARK: The messages, named so that call sites read as prose.

    static func notSQLite(_ path: String) -> FactStoreError {
        FactStoreError(path: path, message: "is not a factcheck fact base (not an SQLite database)",
                       hint: "point factcheck.yml's 'factbase' or --factbase at another path, or move the file away")
    }

    static func foreign(_ path: String) -> FactStoreError {
        FactStoreError(path: path, message: "is an SQLite database of some other program, not a factcheck fact base",
                       hint: "factcheck leaves it untouched; point 'factbase' or --factbase at another path")
    }

    static func corrupt(_ path: String, detail: String) -> FactStoreError {
        FactStoreError(path: path, message: "the fact base is damaged (\(detail))",
                       hint: "run `factcheck base rebuild`, or delete the file and run `factcheck base add` again")
    }

    /// A stored record that does not decode (a bit flip, a bad disk, another program's write that SQLite's own
    /// check cannot see): named by the document it came from, when one is known.
    static func damagedRecord(_ path: String, document: String?, record: String) -> FactStoreError {
        let whose = document.map { "the stored facts of \(PathExpander.displayPath($0))" } ?? "a stored record"
        return FactStoreError(path: path, message: "the fact base is damaged: \(whose) cannot be read (\(record))",
                              hint: "run `factcheck base rebuild`, or delete the file and run `factcheck base add` again")
    }

    static func newerSchema(_ path: String) -> FactStoreError {
        FactStoreError(path: path, message: "was written by a newer factcheck (unknown schema version)",
                       hint: "upgrade factcheck, or build a fresh base with `factcheck base rebuild`")
    }

    static func builtByOtherRules(_ path: String) -> FactStoreError {
        FactStoreError(path: path,
                       message: "built by other rules (the rule or lexicon files, or the store's layout in a new "
                           + "factcheck, changed since)",
                       hint: "run `factcheck base rebuild`")
    }

    static func missing(_ path: String) -> FactStoreError {
        FactStoreError(path: path, message: "no fact base here",
                       hint: "create one with `factcheck base add SOURCES...`")
    }

    static func database(_ path: String, _ error: any Error) -> FactStoreError {
        FactStoreError(path: path, message: "the fact base could not be read or written: \(error)",
                       hint: "check the disk and the file's permissions; `factcheck base rebuild` starts afresh")
    }
}
