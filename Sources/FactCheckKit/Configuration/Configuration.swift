import Foundation

/// The settings of a run, from `factcheck.yml` and the command line. Paths are resolved against the
/// configuration file's folder.
public struct Configuration: Sendable, Equatable {
    /// Files, folders or globs of trusted documents.
    public var baseline: [String]
    /// Folders or files of rules (and `lexicon/` folders), added to the built-in rules.
    public var rules: [String]
    /// Whether the rules built into factcheck are used (`builtin-rules`; default true).
    public var builtInRules: Bool
    /// Globs of drafts the pre-publish hook checks; by default every format factcheck reads, in `drafts/`.
    public var drafts: [String]
    /// Folder for HTML reports.
    public var reports: String
    /// Folder of the newsroom's own HTML report templates (`templates`); nil for the built-in ones.
    public var templates: String?
    /// Path of the fact base store.
    public var factbase: String
    /// Path of the sign-off ledger (`sign-offs`; default `.factcheck/accepted.yml`).
    public var signOffs: String
    /// The least severity of contradiction that fails a run; nil never fails.
    public var failOn: Severity?
    /// The configuration file this came from, if any.
    public var file: String?

    public init(baseline: [String] = [], rules: [String] = [], builtInRules: Bool = true, drafts: [String] = Configuration.defaultDrafts,
                reports: String = "Reports", templates: String? = nil, factbase: String = ".factcheck/facts.sqlite",
                signOffs: String = SignOffLedger.defaultPath, failOn: Severity? = .error, file: String? = nil) {
        self.baseline = baseline
        self.rules = rules
        self.builtInRules = builtInRules
        self.drafts = drafts
        self.reports = reports
        self.templates = templates
        self.factbase = factbase
        self.signOffs = signOffs
        self.failOn = failOn
        self.file = file
    }

    /// The `drafts` globs when factcheck.yml names none: `drafts/*.EXT` for each extension factcheck reads
    /// (`.txt`, `.md`, `.html`, ...), so that a draft saved in any of them is checked.
    public static let defaultDrafts = PathExpander.documentExtensions.sorted().map { "drafts/*.\($0)" }

    /// The folder paths are relative to: the configuration file's, else the working directory. Sign-offs name
    /// drafts and sources relative to it.
    public var folder: String {
        guard let file else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
    }
}
