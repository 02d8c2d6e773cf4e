/// A file compiled into the binary: its path in the factcheck repository and its text. The build embeds `Rules/`
/// and `Reports/templates/` as these (the EmbedBuiltIns plugin), so a copied or installed binary needs no file
/// beside it.
public struct EmbeddedFile: Sendable, Equatable {
    /// Where the file is in the repository ("Rules/counts.yml"), for messages and `factcheck rules list`.
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// The rules, lexicon and report templates that ship inside factcheck.
public enum BuiltIns {
    /// The rule and lexicon files of `Rules/` (lexicon files are those in `Rules/lexicon/`), sorted by path.
    public static var ruleFiles: [EmbeddedFile] { BuiltInFiles.rules }

    /// The Mustache templates of `Reports/templates/`, sorted by path.
    public static var templateFiles: [EmbeddedFile] { BuiltInFiles.templates }
}
