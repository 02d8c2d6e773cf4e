import Foundation

/// The settings of a run, from `factcheck.yml` and the command line. Paths are resolved against the
/// configuration file's folder.
public struct Configuration: Sendable, Equatable {
    /// Files, folders or globs of trusted documents.
    public var baseline: [String]
    /// Folders or files of rules (and `lexicon/` folders).
    public var rules: [String]
    /// Globs of drafts the pre-publish hook checks.
    public var drafts: [String]
    /// Folder for HTML reports.
    public var reports: String
    /// Path of the fact base store.
    public var factbase: String
    /// Path of the sign-off ledger (`sign-offs`; default `.factcheck/accepted.yml`).
    public var signOffs: String
    /// The least severity of contradiction that fails a run; nil never fails.
    public var failOn: Severity?
    /// The configuration file this came from, if any.
    public var file: String?

    public init(baseline: [String] = [], rules: [String] = ["Rules"], drafts: [String] = [], reports: String = "Reports",
                factbase: String = ".factcheck/facts.sqlite", signOffs: String = SignOffLedger.defaultPath,
                failOn: Severity? = .error, file: String? = nil) {
        self.baseline = baseline
        self.rules = rules
        self.drafts = drafts
        self.reports = reports
        self.factbase = factbase
        self.signOffs = signOffs
        self.failOn = failOn
        self.file = file
    }

    /// The folder paths are relative to: the configuration file's, else the working directory. Sign-offs name
    /// drafts and sources relative to it.
    public var folder: String {
        guard let file else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
    }
}
