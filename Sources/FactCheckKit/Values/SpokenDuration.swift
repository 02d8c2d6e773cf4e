import Foundation

/// Durations as they are said rather than printed, which `DurationReader` reads when its own grammar (the
/// `duration` macro's) does not: "1 hour thirty", "2 hours and 10", "one and three quarters of an hour",
/// "five and half min", "2 more minutes", "1/2h", "3 quarters", "15.5 mins", "2m".
///
/// No macro looks for these forms: in running text "2m" is two million and "three quarters" a fraction. They are
/// read when a rule's frame has already captured them.
enum SpokenDuration {
    /// Unit words beyond `DurationReader.units`: abbreviations and the financial quarter.
    static let extraUnits: [String: DurationReader.Unit] = [
        "second": DurationReader.Unit(seconds: 1), "seconds": DurationReader.Unit(seconds: 1),
        "sec": DurationReader.Unit(seconds: 1), "secs": DurationReader.Unit(seconds: 1),
        "min": DurationReader.Unit(seconds: 60), "mins": DurationReader.Unit(seconds: 60),
        "m": DurationReader.Unit(seconds: 60), "h": DurationReader.Unit(seconds: 3_600),
        "quarter": DurationReader.Unit(months: 3), "quarters": DurationReader.Unit(months: 3),
    ]

    /// Words between a count and its unit that do not change the length ("2 more minutes").
    private static let modifiers: Set<String> = ["more", "additional", "extra", "less", "fewer", "further"]

    /// Reads all of `tokens` as a spoken duration: seconds, or nil.
    static func read(_ tokens: TokenStream) -> Double? {
        var memo: [Int: (months: Double, seconds: Double)?] = [:]
        guard let first = parts(tokens, 0, previousSeconds: nil, memo: &memo) else { return nil }
        return first.months * DurationReader.secondsPerMonth + first.seconds
    }

    /// Reads parts from `index` to the end: (months, seconds), or nil when the rest is not a duration.
    /// `previousSeconds` is the unit of the part before, for a bare trailing figure ("1 hour thirty").
    private static func parts(_ tokens: TokenStream, _ index: Int, previousSeconds: Double?,
                              memo: inout [Int: (months: Double, seconds: Double)?]) -> (months: Double, seconds: Double)? {
        if index == tokens.count { return index == 0 ? nil : (0, 0) }
        let key = index * 8 + (previousSeconds.map { $0 == 3_600 ? 1 : $0 == 60 ? 2 : 3 } ?? 0)
        if let known = memo[key] { return known }
        var result: (months: Double, seconds: Double)?
        var start = index
        if index > 0 {
            if tokens.isSymbol(start, ",") { start += 1 }
            if tokens.isWord(start, "and") { start += 1 }
        }
        for (countEnd, count) in counts(tokens, start) {
            // A bare figure after hours or minutes: "1 hour thirty" is 90 minutes.
            if countEnd == tokens.count, index > 0, let previousSeconds, previousSeconds == 3_600 || previousSeconds == 60 {
                result = (0, count * previousSeconds / 60)
                break
            }
            var unitIndex = countEnd
            if let word = tokens.word(unitIndex), modifiers.contains(word) { unitIndex += 1 }
            if tokens.isWord(unitIndex, "of") { unitIndex += 1 }
            if tokens.isWord(unitIndex, "an") || tokens.isWord(unitIndex, "a"), unitIndex > countEnd { unitIndex += 1 }
            guard let word = tokens.word(unitIndex),
                  let unit = DurationReader.unit(named: word) ?? extraUnits[word] else { continue }
            // "a second" is far more often the ordinal ("a second term") than one second.
            if word == "second", tokens.isWord(start, "a") { continue }
            var amount = count
            var end = unitIndex + 1
            // "an hour and a half", "one hour and half".
            if tokens.isWord(end, "and"), let (halfEnd, half) = fraction(tokens, end + 1), halfEnd == tokens.count {
                amount += half
                end = halfEnd
            }
            guard let rest = parts(tokens, end, previousSeconds: unit.months == 0 ? unit.seconds : nil, memo: &memo)
            else { continue }
            result = (rest.months + amount * unit.months, rest.seconds + amount * unit.seconds)
            break
        }
        memo[key] = result
        return result
    }

    /// The counts a part may start with: any figure, "a"/"an", "half", and a figure with a fraction joined by
    /// "and" ("one and three quarters", "five and half").
    private static func counts(_ tokens: TokenStream, _ index: Int) -> [(Int, Double)] {
        var parses: [(Int, Double)] = []
        if tokens.isWord(index, "a") || tokens.isWord(index, "an") { parses.append((index + 1, 1)) }
        if tokens.isWord(index, "half") {
            let after = tokens.isWord(index + 1, "a") || tokens.isWord(index + 1, "an") ? index + 2 : index + 1
            parses.append((after, 0.5))
        }
        for (end, amount) in Amount.parse(tokens, index) {
            if tokens.isWord(end, "and"), let (fractionEnd, fraction) = fraction(tokens, end + 1) {
                parses.append((fractionEnd, amount.value + fraction))
            }
            parses.append((end, amount.value))
        }
        return parses.sorted { $0.0 > $1.0 }
    }

    /// "half", "a half", "an half", "a quarter", "one quarter", "two quarters", "three quarters".
    private static func fraction(_ tokens: TokenStream, _ index: Int) -> (Int, Double)? {
        var position = index
        var multiple = 1.0
        if let word = tokens.word(position) {
            if word == "a" || word == "an" || word == "one" {
                position += 1
            } else if let count = ["two": 2.0, "three": 3.0][word] {
                multiple = count
                position += 1
            }
        }
        switch tokens.word(position) {
        case "half": return multiple == 1 ? (position + 1, 0.5) : nil
        case "quarter", "quarters": return (position + 1, 0.25 * multiple)
        default: return nil
        }
    }
}
