import Foundation

/// Reads numbers and counts: "1,300", "sixteen", "1.3 thousand", "a dozen", "about 1,300", "more than 15",
/// "between 10 and 20", "10-20", "several", "hundreds of".
///
/// Hedged, bounded and vague figures read as intervals (see `Hedge`); plain figures in digits or words are exact
/// points; a decimal figure with a scale ("1.3 thousand") is rounded at its last digit, within 2% of its value.
public enum NumberReader: ValueReader {
    /// Fixed phrases and the numbers they stand for: vague quantities as intervals, one-word multiples exactly.
    static let vague: [([String], NumberRange)] = [
        (["a", "few"], NumberRange(low: 2, high: 5)),
        (["several"], NumberRange(low: 3, high: 9)),
        (["dozens"], NumberRange(low: 24, high: 99)),
        (["tens", "of", "thousands"], NumberRange(low: 20_000, high: 99_999)),
        (["hundreds", "of", "thousands"], NumberRange(low: 200_000, high: 999_999)),
        (["hundreds"], NumberRange(low: 200, high: 999)),
        (["thousands"], NumberRange(low: 2_000, high: 9_999)),
        (["millions"], NumberRange(low: 2e6, high: 999_999_999)),
        (["billions"], NumberRange(low: 2e9, high: 999_999_999_999)),
        // Multiples said in one word are exact, not vague, but read through the same fixed-phrase table.
        (["twice"], NumberRange(exactly: 2)),
        (["thrice"], NumberRange(exactly: 3)),
    ]

    /// "a few", "several", "dozens of", "hundreds of thousands of".
    static let vaguePattern: String = #"\b"# + ValuePattern.alternation(vague.map(\.0)) + #"(?:\s+of)?\b"#

    /// A number with its optional hedge or range; the `number` macro.
    ///
    /// A range's second figure is written after the first ("10", then optionally " to 20") rather than the range as
    /// an optional prefix before a figure: so PCRE2 reads the figure once wherever a number may begin, where the
    /// prefix form read every figure not followed by "to" twice (a third of the matching time of each rule that
    /// opens with a number). Where the first figure reads two ways at one place ("one" or "one half"), each reading
    /// is tried with and without a range before the next.
    static let pattern: String = {
        let hedge = "(?:" + Hedge.pattern + #"\s+)?"#
        return "(?:" + [
            #"\bbetween\s+"# + Amount.pattern + #"\s+and\s+"# + Amount.pattern,
            hedge + Amount.pattern + #"(?:\s+to\s+"# + Amount.pattern + ")?",
            hedge + Amount.dashRangePattern(),
            vaguePattern,
        ].joined(separator: "|") + ")"
    }()

    /// A whole number in digits only; the `integer` macro.
    static let integerPattern: String =
        ValuePattern.digitStart + "(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)" + ValuePattern.digitEnd

    /// `number`: any number with its hedge, range or vagueness ("about 1,300", "between 10 and 20", "a dozen",
    /// "1.3 thousand", "-5"); `integer`: digits only ("1,300", "16").
    public static var macros: [String: String] { ["number": pattern, "integer": integerPattern] }

    /// How `pattern` begins: "between", a hedge, an amount (alone, or a range's first), or a vague phrase.
    static let start = Amount.start.union(Hedge.start).union(FragmentStart(words: ["between"]))
        .union(.phrases(vague.map(\.0)))

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads a number matched by `number` or `integer` to `.number(range)`.
    ///
    /// Beyond what the macro matches, a reader also takes a figure restated in brackets ("forty-five (45)", as
    /// contracts and some agencies write), a trailing "of" ("a dozen of") and a bare "few".
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(text)) else { return nil }
        if let range = whole(tokens, from: 0, to: tokens.count) { return .number(range) }
        // "forty-five (45)": both figures must read, and to the same value.
        if let open = (0..<tokens.count).first(where: { tokens.isSymbol($0, "(") }), open > 0,
           // The closing bracket is usually trimmed away with the rest of the capture's surroundings.
           case let close = (open..<tokens.count).first(where: { tokens.isSymbol($0, ")") }) ?? tokens.count,
           close >= tokens.count - 1, let outer = whole(tokens, from: 0, to: open), let inner = whole(tokens, from: open + 1, to: close),
           outer == inner {
            return .number(outer)
        }
        return nil
    }

    /// The reading of tokens `start..<end` as one number, if they hold exactly one.
    private static func whole(_ tokens: TokenStream, from start: Int, to end: Int) -> NumberRange? {
        guard start < end else { return nil }
        for (parseEnd, range) in self.range(tokens, start) {
            if parseEnd == end { return range }
            if parseEnd == end - 1, tokens.isWord(parseEnd, "of"), tokens.spaced(parseEnd) { return range }
        }
        if end == start + 1, tokens.isWord(start, "few") { return vague[0].1 }
        return nil
    }

    /// Parses `pattern` at `index`: every reading, as (end index, interval).
    static func range(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange)] {
        var parses: [(Int, NumberRange)] = []
        if tokens.isWord(index, "between"), tokens.spaced(index + 1) {
            for (lowEnd, low) in Amount.parse(tokens, index + 1)
            where tokens.isWord(lowEnd, "and") && tokens.spaced(lowEnd) && tokens.spaced(lowEnd + 1) {
                for (highEnd, high) in Amount.parse(tokens, lowEnd + 1) {
                    parses.append((highEnd, Amount.span(low, high)))
                }
            }
        }
        let hedge = Hedge.parse(tokens, index)
        let start = hedge?.0 ?? index
        var unhedged = Amount.dashRange(tokens, start)
        for (end, amount) in Amount.parse(tokens, start) {
            if tokens.isWord(end, "to"), tokens.spaced(end), tokens.spaced(end + 1) {
                for (highEnd, high) in Amount.parse(tokens, end + 1) {
                    unhedged.append((highEnd, Amount.span(amount, high)))
                }
            }
            unhedged.append((end, amount.range))
        }
        parses += unhedged.map { end, range in (end, hedge.map { $0.1.apply(to: range) } ?? range) }
        return parses + vagueRanges(tokens, index)
    }

    /// Parses `vaguePattern` at `index`.
    static func vagueRanges(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange)] {
        var parses: [(Int, NumberRange)] = []
        for (words, range) in vague {
            guard let end = tokens.matchWords(words, at: index) else { continue }
            if tokens.isWord(end, "of"), tokens.spaced(end) { parses.append((end + 1, range)) }
            parses.append((end, range))
        }
        return parses
    }
}
