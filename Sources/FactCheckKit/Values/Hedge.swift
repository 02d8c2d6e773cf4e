import Foundation

/// A word that turns a figure into an interval: "about 1,300", "more than 15", "up to 20", "nearly 20".
enum Hedge: Equatable {
    /// about, around, roughly, approximately, some, close to, an estimated: [0.9x, 1.1x].
    case about
    /// nearly, almost: [0.9x, x].
    case nearly
    /// more than, over, above, upwards of, exceeding: (x, ∞).
    case moreThan
    /// at least, no fewer than, no less than: [x, ∞).
    case atLeast
    /// fewer than, less than, under, below: [0, x).
    case fewerThan
    /// up to, as many as, at most, no more than: [0, x].
    case upTo
    /// exactly, precisely: the figure itself.
    case exactly

    /// Every hedge phrase, as words.
    static let phrases: [([String], Hedge)] = [
        (["about"], .about), (["around"], .about), (["roughly"], .about), (["approximately"], .about),
        (["some"], .about), (["close", "to"], .about), (["an", "estimated"], .about), (["nearly"], .nearly),
        (["almost"], .nearly), (["more", "than"], .moreThan), (["over"], .moreThan), (["above"], .moreThan),
        (["upwards", "of"], .moreThan), (["in", "excess", "of"], .moreThan),
        (["exceeding"], .moreThan), (["at", "least"], .atLeast),
        (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast), (["fewer", "than"], .fewerThan),
        (["less", "than"], .fewerThan), (["under"], .fewerThan), (["below"], .fewerThan), (["up", "to"], .upTo),
        (["as", "many", "as"], .upTo), (["as", "much", "as"], .upTo), (["at", "most"], .upTo),
        (["no", "more", "than"], .upTo), (["exactly"], .exactly), (["precisely"], .exactly),
    ]

    /// The hedge words, without the whitespace that must follow them.
    static let pattern: String = #"\b"# + ValuePattern.alternation(phrases.map(\.0)) + #"\b"#

    /// How `pattern` begins: a phrase's first word, before its second when it has one ("at" before "least").
    static let start = FragmentStart.phrases(phrases.map(\.0))

    /// `phrases` by their first word, each list in the order of `phrases`: every number is read for a hedge, and
    /// most begin with none.
    private static let phrasesByFirstWord: [String: [([String], Hedge)]] = Dictionary(grouping: phrases) { $0.0[0] }

    /// Parses a hedge at `index`; returns the index after it (the amount must follow after whitespace).
    static func parse(_ tokens: TokenStream, _ index: Int) -> (Int, Hedge)? {
        guard let first = tokens.word(index), let candidates = phrasesByFirstWord[first] else { return nil }
        for (words, hedge) in candidates {
            if let end = tokens.matchWords(words, at: index), tokens.spaced(end) { return (end, hedge) }
        }
        return nil
    }

    /// The interval a hedged figure stands for; `range` is the figure's own interval (a point, or a rounded
    /// figure's interval).
    func apply(to range: NumberRange) -> NumberRange {
        let low = range.low
        let high = range.high
        switch self {
        case .about:
            return NumberRange(low: Amount.decimal(Swift.min(low * 0.9, low * 1.1)),
                               high: Amount.decimal(Swift.max(high * 0.9, high * 1.1)))
        case .nearly:
            return NumberRange(low: Amount.decimal(Swift.min(low * 0.9, low)), high: high)
        case .moreThan:
            return NumberRange(low: low, high: .infinity, lowOpen: true)
        case .atLeast:
            return NumberRange(low: low, high: .infinity)
        case .fewerThan:
            return NumberRange(low: high > 0 ? 0 : -.infinity, high: high, highOpen: true)
        case .upTo:
            return NumberRange(low: high > 0 ? 0 : -.infinity, high: high)
        case .exactly:
            return range
        }
    }
}
