/// How reports show a verdict to a reader: a word and a symbol, so that no report relies on colour alone.
extension Verdict {
    /// The order reports list verdicts in: what needs an editor's attention first.
    public static let reportOrder: [Verdict] = [.contradicted, .unverified, .supported]

    /// The verdict as a heading word: "Contradicted".
    public var label: String {
        switch self {
        case .contradicted: "Contradicted"
        case .unverified: "Unverified"
        case .supported: "Supported"
        case .accepted: "Accepted"
        }
    }

    /// A symbol that tells the verdicts apart in print and for colour-blind readers.
    public var symbol: String {
        switch self {
        case .contradicted: "✗"
        case .unverified: "?"
        case .supported: "✓"
        case .accepted: "✎"
        }
    }
}
