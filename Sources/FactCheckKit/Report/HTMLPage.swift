/// One file of an HTML report: a draft's page or the index.
public struct HTMLPage: Sendable, Equatable {
    /// The file name, without folders ("belarus-errors.html").
    public let fileName: String
    public let html: String

    public init(fileName: String, html: String) {
        self.fileName = fileName
        self.html = html
    }

    /// The page name for a draft: its file name with `.html` for its extension, reduced to characters that are
    /// safe in any file system and URL ("Examples/drafts/belarus errors.md" → "belarus-errors.html"; standard
    /// input → "stdin.html").
    public static func fileName(forDraft path: String) -> String {
        let base = path == "-" ? "stdin" : String(path.split(separator: "/").last ?? "draft")
        var stem = base
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { stem = String(base[..<dot]) }
        let safe = String(stem.unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
            return allowed ? Character(scalar) : "-"
        })
        return (safe.isEmpty ? "draft" : safe) + ".html"
    }
}
