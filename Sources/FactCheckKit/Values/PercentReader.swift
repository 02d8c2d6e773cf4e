import Foundation

/// Reads percentages and percentage points: "13.1%", "13.1 percent", "13.1 per cent", "thirteen percent",
/// "about 13%", "10-20%", "between 10 and 20 percent", "2 percentage points", "70 basis points" (0.7 points).
public enum PercentReader: ValueReader {
    // MARK: Fragments

    private static let sign = #"(?:\s*%|\s+(?:percent|per\s+cent|pct)\b)"#
    private static let points = #"\s+(?:percentage\s+points?|basis\s+points?|bps?)\b"#

    /// The `percent` macro. As in `NumberReader.pattern`, a range's second figure follows its first, so that a
    /// figure is read once wherever a percentage begins.
    static let pattern: String = {
        let amount = Amount.pattern
        let hedge = "(?:" + Hedge.pattern + #"\s+)?"#
        return "(?:" + [
            #"\bbetween\s+"# + amount + sign + #"?\s+and\s+"# + amount + "(?:" + sign + "|" + points + ")",
            hedge + amount + "(?:" + sign + #"?\s+to\s+"# + amount + ")?(?:" + sign + "|" + points + ")",
            hedge + "(?:" + Amount.dashRangePattern() + sign + "|" + ValuePattern.digitStart + ValuePattern.numeral
                + #"\s*%\s*"# + ValuePattern.rangeDash + #"\s*"# + ValuePattern.numeral + sign + "|"
                + ValuePattern.digitStart + ValuePattern.numeral + #"\s*bps?\b)"#,
        ].joined(separator: "|") + ")"
    }()

    /// `percent`: a percentage or a change in percentage points, with its hedge or range.
    public static var macros: [String: String] { ["percent": pattern] }

    /// How `pattern` begins: "between", a hedge, an amount or a figure in digits.
    static let start: FragmentStart =
        Amount.start.union(Hedge.start).union(FragmentStart(words: ["between"])).union(.digits)

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads a percentage matched by `percent` to `.percent(range, points:)`; basis points are read as hundredths
    /// of a percentage point.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(text)) else { return nil }
        for (end, range, isPoints) in parse(tokens, 0) where end == tokens.count {
            return .percent(range, points: isPoints)
        }
        return nil
    }

    // MARK: Parsers

    /// Parses `pattern` at `index`: (end index, value in percent, is a change in points).
    static func parse(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange, Bool)] {
        // Figures and ranges of figures, each to be followed by "%" or by "points".
        var figures: [(Int, NumberRange)] = []
        if tokens.isWord(index, "between"), tokens.spaced(index + 1) {
            for (lowEnd, low) in Amount.parse(tokens, index + 1) {
                for andIndex in [lowEnd] + signs(tokens, lowEnd)
                where tokens.isWord(andIndex, "and") && tokens.spaced(andIndex) && tokens.spaced(andIndex + 1) {
                    for (highEnd, high) in Amount.parse(tokens, andIndex + 1) {
                        figures.append((highEnd, Amount.span(low, high)))
                    }
                }
            }
        }
        let hedge = Hedge.parse(tokens, index)
        let start = hedge?.0 ?? index
        var hedgedFigures: [(Int, NumberRange)] = []
        for (lowEnd, low) in Amount.parse(tokens, start) {
            for toIndex in [lowEnd] + signs(tokens, lowEnd)
            where tokens.isWord(toIndex, "to") && tokens.spaced(toIndex) && tokens.spaced(toIndex + 1) {
                for (highEnd, high) in Amount.parse(tokens, toIndex + 1) {
                    hedgedFigures.append((highEnd, Amount.span(low, high)))
                }
            }
            hedgedFigures.append((lowEnd, low.range))
        }
        figures += hedgedFigures.map { ($0.0, hedged(hedge, $0.1)) }

        var parses: [(Int, NumberRange, Bool)] = []
        for (end, range) in figures {
            for signEnd in signs(tokens, end) { parses.append((signEnd, range, false)) }
            for (pointsEnd, divisor) in pointWords(tokens, end, attachedAllowed: false) {
                // Divided, not multiplied by 1/100, so that 70 basis points are exactly 0.7.
                let points = NumberRange(low: range.low / divisor, high: range.high / divisor,
                                         lowOpen: range.lowOpen, highOpen: range.highOpen,
                                         isStatedRange: range.isStatedRange)
                parses.append((pointsEnd, points, true))
            }
        }
        // "10-20%", "10%-20%"
        var dashRanges = Amount.dashRange(tokens, start)
        if let lowText = tokens.digits(start), let low = Amount.numeral(lowText), tokens.isSymbol(start + 1, "%"),
           tokens.isSymbol(start + 2, "-"), let highText = tokens.digits(start + 3),
           let high = Amount.numeral(highText) {
            dashRanges.append((start + 4, Amount.span(Amount(exactly: low.value), Amount(exactly: high.value))))
        }
        for (end, range) in dashRanges {
            for signEnd in signs(tokens, end) { parses.append((signEnd, hedged(hedge, range), false)) }
        }
        // "70bp"
        if let text = tokens.digits(start), let value = Amount.numeral(text) {
            for (pointsEnd, divisor) in pointWords(tokens, start + 1, attachedAllowed: true) where divisor == 100 {
                parses.append((pointsEnd, hedged(hedge, NumberRange(exactly: value.value / divisor)), true))
            }
        }
        return parses
    }

    private static func hedged(_ hedge: (Int, Hedge)?, _ range: NumberRange) -> NumberRange {
        hedge.map { $0.1.apply(to: range) } ?? range
    }

    /// "%", "percent", "per cent", "pct" at `index`: the indexes after each.
    private static func signs(_ tokens: TokenStream, _ index: Int) -> [Int] {
        if tokens.isSymbol(index, "%") { return [index + 1] }
        guard tokens.spaced(index) else { return [] }
        if tokens.isWord(index, "percent") || tokens.isWord(index, "pct") { return [index + 1] }
        if let end = tokens.matchWords(["per", "cent"], at: index) { return [end] }
        return []
    }

    /// "percentage points", "basis points", "bp" at `index`: (end index, divisor to percentage points).
    private static func pointWords(_ tokens: TokenStream, _ index: Int, attachedAllowed: Bool) -> [(Int, Double)] {
        guard tokens.spaced(index) || (attachedAllowed && tokens.attached(index)) else { return [] }
        if let word = tokens.word(index), word == "bp" || word == "bps" { return [(index + 1, 100)] }
        guard tokens.spaced(index) else { return [] }
        for (first, divisor) in [("percentage", 1.0), ("basis", 100.0)] {
            if tokens.isWord(index, first), tokens.spaced(index + 1),
               tokens.isWord(index + 1, "point") || tokens.isWord(index + 1, "points") {
                return [(index + 2, divisor)]
            }
        }
        return []
    }
}
