import Foundation

/// A word that turns a figure into an interval: "about 1,300", "more than 15", "up to 20", "nearly 20".
enum Hedge: Equatable {
    /// about, around, roughly, approximately, some, close to, an estimated: what the figure's rounding allows
    /// (see `roundingInterval`).
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

    /// The figures that round to `value` at the place its last non-zero digit shows: "about 240" is 235 to 245
    /// (tens), "about 1,300" 1,250 to 1,350 (hundreds), so two hedged figures agree only when one could round to
    /// the other ("about 260" is not "about 240"), and never more than a tenth either way ("about 5,000" is 4,500
    /// to 5,500). A figure with no round place ("about 37") allows one either way; a decimal, half its last
    /// digit. A figure with a scale ("about 1.3 million") comes as its rounding interval already, and is kept.
    static func roundingInterval(of value: Double) -> NumberRange {
        guard value.isFinite, value != 0 else { return NumberRange(exactly: value) }
        let place = lastPlace(of: value)
        var halfUnit = place == 1 && value == value.rounded() ? 1 : place / 2
        // Never wider than a tenth either way: "about 1,000" is 900 to 1,100, "about a year" 0.9 to 1.1 years.
        halfUnit = min(halfUnit, abs(value) / 10)
        return NumberRange(low: Amount.decimal(value - halfUnit), high: Amount.decimal(value + halfUnit))
    }

    /// The place of a figure's last non-zero digit: 10 for 240, 1 for 37, 0.1 for 2.5, 0.01 for 8,848.86.
    static func lastPlace(of value: Double) -> Double {
        if value == value.rounded(), abs(value) < 1e15 {
            var unit = 1.0
            while (value / (unit * 10)).rounded() == value / (unit * 10) { unit *= 10 }
            return unit
        }
        // 2.5 / 0.1 is 25.000000000000004 in binary: a multiple within a billionth counts.
        func isMultiple(of unit: Double) -> Bool { abs((value / unit).rounded() - value / unit) < 1e-9 }
        var unit = 0.1
        while unit > 1e-6, !isMultiple(of: unit) { unit /= 10 }
        return unit
    }

    /// The interval a hedged figure stands for; `range` is the figure's own interval (a point, or a rounded
    /// figure's interval).
    func apply(to range: NumberRange) -> NumberRange {
        let low = range.low
        let high = range.high
        switch self {
        case .about:
            // "an estimated 15 to 22 million" is still the stated range "15 to 22 million", ends and all.
            return range.isPoint ? Self.roundingInterval(of: low) : range
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
