/// Turns check results into one output format. A reporter is pure: the same reports give the same bytes.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    /// Renders every draft's report.
    func generateReport(_ reports: [DraftReport]) -> String
}

/// The tool's name and version, as reports state them.
public enum ToolInfo {
    public static let name = "factcheck"
    public static let version = "0.1.0"
}
