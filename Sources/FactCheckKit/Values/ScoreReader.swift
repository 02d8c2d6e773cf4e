/// Reads a tally: a sports score or result ("3-1", "102-98", "6 - 4" as tokenized copy writes it, "2–2") or a vote
/// ("6 votes to 3", "by 300 votes to 250").
///
/// A tally is one value of two figures, not two numbers: "1-1" and "11-1" are different results, and "3-1" is
/// neither 3 nor 1. It is kept as the unordered pair (the lower figure, the higher): "won 3-1" and "lost 1-3"
/// tell one result from either side. Claims of kind `score` meet only each other (`ValueMacros.exclusiveKinds`).
public enum ScoreReader: ValueReader {
    /// One to three digits, not inside a longer number or a year ("2003-09" is a season, not a score).
    private static let figure = #"(?<![0-9.,])[0-9]{1,3}(?![0-9]|[.,][0-9])"#

    /// The `score` macro.
    static let pattern: String = "(?:" + figure + #"\s*(?:--|[-–—]|to)\s*"# + figure + "|" + figure
        + #"\s+votes?\s+to\s+"# + figure + ")"

    public static var macros: [String: String] { ["score": pattern] }

    public static let dependsOnContext = false

    /// Reads the two figures of a tally to `.number` holding both ends.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        let figures = text.split { !$0.isASCII || !$0.isNumber }.compactMap { Double($0) }
        guard figures.count == 2 else { return nil }
        return .number(NumberRange(low: min(figures[0], figures[1]), high: max(figures[0], figures[1]),
                                   isStatedRange: true))
    }
}
