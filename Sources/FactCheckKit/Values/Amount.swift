import Foundation

/// One figure, in digits or words, before any hedge: "1,300", "1.3 thousand", "$3.2bn" without its symbol,
/// "sixteen", "a dozen", "three and a half".
struct Amount {
    /// The figure as written, scale applied.
    var value: Double
    /// The interval the figure stands for: a point, or for a rounded figure ("1.3 thousand") its rounding interval.
    var range: NumberRange
    /// The scale word or abbreviation's factor, when one was written ("million" → 1e6).
    var scale: Double?

    init(exactly value: Double, scale: Double? = nil) {
        self.value = value
        self.range = NumberRange(exactly: value)
        self.scale = scale
    }

    init(value: Double, range: NumberRange, scale: Double?) {
        self.value = value
        self.range = range
        self.scale = scale
    }

    /// Scale words that may follow a figure after whitespace.
    static let scaleWords = NumberWords.scales

    /// Scale abbreviations written against the figure ("3.2bn", "1.2M", "5k").
    static let scaleAbbreviations: [String: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12]

    /// Money also writes billions as "b" ("$5b"), which as a bare number is too often something else.
    static let moneyScaleAbbreviations: [String: Double] = scaleAbbreviations.merging(["b": 1e9]) { $1 }

    // MARK: Fragments

    /// A figure in digits with an optional scale: "1,300", "3.2bn", "1.3 thousand".
    /// - Parameter spacedAbbreviations: whether an abbreviation may stand one space apart ("£ 40 m", as tokenized
    ///   copy writes "£40m"); only after a currency, where "m" cannot be metres.
    /// - Parameter tokenizedThousands: whether thousands may be set apart after their comma ("£70, 000", as
    ///   tokenized copy writes "£70,000"); only after a currency, where "May 5, 300 people" cannot be meant.
    static func digitCorePattern(abbreviations: [String: Double] = scaleAbbreviations,
                                 spacedAbbreviations: Bool = false, tokenizedThousands: Bool = false) -> String {
        (tokenizedThousands ? #"(?:[0-9]{1,3}(?:, [0-9]{3})+(?![0-9])(?:\.[0-9]+)?|"# + ValuePattern.numeral + ")"
            : ValuePattern.numeral)
            + "(?:" + (spacedAbbreviations ? " ?" : "") + ValuePattern.alternation(abbreviations.keys)
            + #"\b|\s+"#
            + ValuePattern.alternation(scaleWords.keys) + #"\b)?"#
    }

    /// A signed figure in digits, bounded on both sides: "-5", "minus 5", "1.3 thousand".
    static func digitPattern(abbreviations: [String: Double] = scaleAbbreviations) -> String {
        "(?:" + ValuePattern.digitStart + #"[\-−]?|\bminus\s+)"# + digitCorePattern(abbreviations: abbreviations)
            + ValuePattern.digitEnd
    }

    /// A range of figures joined by a dash: "10-20", "1.2–1.5 million".
    static func dashRangePattern(abbreviations: [String: Double] = scaleAbbreviations) -> String {
        ValuePattern.digitStart + digitCorePattern(abbreviations: abbreviations) + #"\s*"# + ValuePattern.rangeDash
            + #"\s*"# + digitCorePattern(abbreviations: abbreviations) + ValuePattern.digitEnd
    }

    /// A decimal as it is said: "twelve point five", "twelve dot fifty" (the way a price is read out), "1 point 1".
    static let spokenDecimalPattern: String = {
        let digitWord = ValuePattern.alternation(NumberWords.units.filter { $0.value < 10 }.map(\.key))
        let twoDigitWords = ValuePattern.alternation(NumberWords.units.filter { $0.value >= 10 }.map(\.key)
                                                     + Array(NumberWords.tens.keys))
        let fraction = #"(?:[0-9]+\b|"# + twoDigitWords + #"(?:-"# + digitWord + #")?\b|"# + digitWord
            + #"\b(?:\s+"# + digitWord + #"\b)*)"#
        // The whole part is one to ninety-nine in words: a full word-number pattern here would make every rule
        // that reads figures too large for PCRE2.
        let whole = #"\b(?:"# + twoDigitWords + #"(?:-"# + digitWord + #")?|"# + digitWord + ")"
        return "(?:" + ValuePattern.digitStart + #"[0-9]+|"# + whole + #")\s+(?:point|dot)\s+"# + fraction
    }()

    /// Any single figure: digits or words, optionally followed by "and a half".
    static let pattern: String =
        "(?:(?:" + [spokenDecimalPattern, digitPattern(), NumberWords.wholePattern, NumberWords.couplePattern,
                    NumberWords.fractionPattern]
            .joined(separator: "|") + #")(?:\s+and\s+a\s+half\b)?)"#

    /// How `pattern` and `dashRangePattern` begin: a digit or a sign (`digitPattern`, `dashRangePattern`, digits
    /// of `spokenDecimalPattern`), "minus", a number word (`spokenDecimalPattern`, `NumberWords.wholePattern`),
    /// "dozen" or "half" (`wholePattern`), the first word of a fraction; or "a" before a multiplier or a scale
    /// (`wholePattern`), "couple" (`couplePattern`) or the second word of a fraction ("a half").
    static let start = FragmentStart(
        words: Set(NumberWords.units.keys).union(NumberWords.tens.keys)
            .union(["minus", "dozen", "half"]).union(NumberWords.fractions.map { $0.0[0] }.filter { $0 != "a" }),
        digitsBeginningWords: true, charactersBeforeDigits: ["-", "\u{2212}"]
    ).union(.lead(["a"], before: FragmentStart(
        words: Set(NumberWords.multipliers.keys).union(NumberWords.scales.keys).union(["couple"])
            .union(NumberWords.fractions.filter { $0.0[0] == "a" }.map { $0.0[1] }))))

    // MARK: Parsers

    /// Reads a digit token's figure: its value and the number of decimals; nil for malformed grouping ("1,30").
    static func numeral(_ text: String) -> (value: Double, decimals: Int)? {
        if text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }) {
            return numeral(digits: text.utf8)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first, !integer.isEmpty else { return nil }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let decimals = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !decimals.isEmpty, !decimals.contains(",") else { return nil }
        let plain = groups.joined() + (decimals.isEmpty ? "" : "." + decimals)
        guard let value = Double(plain) else { return nil }
        return (value, decimals.count)
    }

    /// `numeral` of a text of ASCII digits, commas and periods (every digit token), read on its bytes: splitting
    /// and joining the text's parts costs many times more than the reading.
    private static func numeral(digits text: String.UTF8View) -> (value: Double, decimals: Int)? {
        var mantissa: UInt64 = 0  // its digits as one integer, while there are few enough to be exact
        var digitCount = 0
        var decimals = 0
        var sawPoint = false
        var groupCount = 1
        var groupLength = 0  // digits of the integer part since its last comma
        for byte in text {
            switch byte {
            case UInt8(ascii: "."):
                guard !sawPoint, groupLength > 0, groupCount == 1 || groupLength == 3 else { return nil }
                sawPoint = true
            case UInt8(ascii: ","):
                // Groups of three after a first of one to three: "1,300"; none after the point.
                guard !sawPoint, groupCount == 1 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                groupCount += 1
                groupLength = 0
            default:
                if sawPoint { decimals += 1 } else { groupLength += 1 }
                digitCount += 1
                if digitCount <= 15 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
            }
        }
        guard sawPoint ? decimals > 0 : groupLength > 0 && (groupCount == 1 || groupLength == 3) else { return nil }
        // Up to fifteen digits, the digits and the power of ten are exact doubles, so their quotient is the
        // correctly rounded value, as parsing the text gives it.
        if digitCount <= 15 { return (Double(mantissa) / exactPowersOfTen[decimals], decimals) }
        let plain = text.filter { $0 != UInt8(ascii: ",") }  // the figure without its group commas
        guard let value = Double(String(decoding: plain, as: UTF8.self)) else { return nil }
        return (value, decimals)
    }

    /// 10⁰ through 10¹⁵, each an exact double.
    private static let exactPowersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                                     1e13, 1e14, 1e15]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Parses `digitCorePattern` at `index`.
    static func digitCore(_ tokens: TokenStream, _ index: Int,
                          abbreviations: [String: Double] = scaleAbbreviations,
                          spacedAbbreviations: Bool = false) -> [(Int, Amount)] {
        guard let text = tokens.digits(index), let (value, decimals) = numeral(text) else { return [] }
        var parses: [(Int, Amount)] = []
        if let word = tokens.word(index + 1) {
            let factor = tokens.attached(index + 1) || spacedAbbreviations && abbreviations[word] != nil
                ? abbreviations[word]
                : scaleWords[word] ?? NumberWords.spokenScales[word] ?? NumberWords.spokenMultipliers[word]
                    ?? (word == "dozen" ? 12 : nil)
            if let factor { parses.append((index + 2, scaled(value, decimals: decimals, by: factor))) }
        }
        parses.append((index + 1, Amount(exactly: value)))
        return parses
    }

    /// A figure with a scale: a decimal figure is rounded at its last digit, but its interval is kept within 2% of
    /// the value, so "1.3 thousand" covers 1,312 while "3 billion" and "3.1 billion" stay apart.
    static func scaled(_ value: Double, decimals: Int, by factor: Double) -> Amount {
        let scaledValue = decimal(value * factor)
        guard decimals > 0 else { return Amount(exactly: scaledValue, scale: factor) }
        let halfUnit = decimal(0.5 * factor / pow(10, Double(decimals)))
        let width = min(halfUnit, decimal(0.02 * abs(scaledValue)))
        return Amount(value: scaledValue, range: NumberRange(low: decimal(scaledValue - width),
                                                             high: decimal(scaledValue + width)), scale: factor)
    }

    /// Rounds away binary noise at the 15th significant digit, so that 1.3 × 1,000 is 1,300 and not
    /// 1,299.9999999999998 (in reports, and in exact comparisons).
    static func decimal(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        // A value whose shortest decimal form has at most 15 significant digits prints to 15 digits as that form,
        // which reads back as the value: only the others need the formatter, which costs far more.
        if significantDigits(of: value) <= 15 { return value }
        return Double(String(format: "%.15g", value)) ?? value
    }

    /// The number of significant digits of the shortest decimal form of a finite value (`description`:
    /// "1300.0" has 2, "26.000000000000004" has 17, "1.5e-07" has 2).
    private static func significantDigits(of value: Double) -> Int {
        var digits = 0
        var trailingZeros = 0
        for byte in value.description.utf8 {
            if byte == UInt8(ascii: "e") { break }
            // Leading zeros, the sign and the point are not significant digits.
            guard isDigit(byte), digits > 0 || byte != UInt8(ascii: "0") else { continue }
            digits += 1
            trailingZeros = byte == UInt8(ascii: "0") ? trailingZeros + 1 : 0
        }
        return digits - trailingZeros
    }

    /// Parses `digitPattern` at `index`.
    static func digits(_ tokens: TokenStream, _ index: Int,
                       abbreviations: [String: Double] = scaleAbbreviations) -> [(Int, Amount)] {
        var sign = 1.0
        var start = index
        if tokens.isSymbol(index, "-"), tokens.attached(index + 1) {
            sign = -1
            start = index + 1
        } else if tokens.isWord(index, "minus"), tokens.spaced(index + 1) {
            sign = -1
            start = index + 1
        }
        return digitCore(tokens, start, abbreviations: abbreviations).map { end, amount in
            guard sign < 0 else { return (end, amount) }
            let range = NumberRange(low: -amount.range.high, high: -amount.range.low)
            return (end, Amount(value: -amount.value, range: range, scale: amount.scale))
        }
    }

    /// Parses `dashRangePattern` at `index`.
    static func dashRange(_ tokens: TokenStream, _ index: Int,
                          abbreviations: [String: Double] = scaleAbbreviations) -> [(Int, NumberRange)] {
        var parses: [(Int, NumberRange)] = []
        for (end, low) in digitCore(tokens, index, abbreviations: abbreviations) where tokens.isSymbol(end, "-") {
            for (highEnd, high) in digitCore(tokens, end + 1, abbreviations: abbreviations) {
                parses.append((highEnd, span(low, high)))
            }
        }
        return parses
    }

    /// Parses `pattern` at `index`, and the forms a reader accepts beyond it (`spoken`).
    static func parse(_ tokens: TokenStream, _ index: Int) -> [(Int, Amount)] {
        var parses = digits(tokens, index)
        for (end, value) in NumberWords.whole(tokens, index) + NumberWords.couple(tokens, index)
             + NumberWords.fraction(tokens, index) {
            parses.append((end, Amount(exactly: value, scale: wordScale(tokens, index, end))))
        }
        parses += spoken(tokens, index)
        var withHalves: [(Int, Amount)] = []
        for (end, amount) in parses {
            if let halfEnd = tokens.matchWords(["and", "a", "half"], at: end), tokens.spaced(end) {
                var half = amount
                half.value += 0.5
                half.range = NumberRange(low: amount.range.low + 0.5, high: amount.range.high + 0.5)
                withHalves.append((halfEnd, half))
            }
        }
        return withHalves + parses
    }

    /// Figures a reader accepts though no macro looks for them, because in running text they are more often
    /// something else or too rare to be worth a larger pattern: fractions in digits ("1/5", "3/4": usually a date
    /// or a score), a leading decimal point (".75"), decimals spoken with "point" ("two point two million",
    /// "point 77"), negatives in words ("minus three million", "negative 504") or with a spaced sign ("- 1,200"),
    /// and the spoken units of `NumberWords.spokenUnits`.
    static func spoken(_ tokens: TokenStream, _ index: Int) -> [(Int, Amount)] {
        var parses: [(Int, Amount)] = []
        if let word = tokens.word(index), word == "minus" || word == "negative", tokens.spaced(index + 1) {
            for (end, amount) in parse(tokens, index + 1) where !(tokens.isWord(index + 1, "minus")) {
                parses.append((end, Amount(value: -amount.value,
                                           range: NumberRange(low: -amount.range.high, high: -amount.range.low),
                                           scale: amount.scale)))
            }
        }
        if index == 0, tokens.isSymbol(index, "-"), tokens.spaced(index + 1), tokens.digits(index + 1) != nil {
            for (end, amount) in digitCore(tokens, index + 1) {
                parses.append((end, Amount(value: -amount.value,
                                           range: NumberRange(low: -amount.range.high, high: -amount.range.low),
                                           scale: amount.scale)))
            }
        }
        if let word = tokens.word(index), let value = NumberWords.spokenUnits[word] {
            parses.append((index + 1, Amount(exactly: value)))
        }
        // "1/5", "3/4": plain digit runs either side of an attached slash.
        if let numerator = tokens.digits(index), numerator.allSatisfy(\.isNumber), tokens.isSymbol(index + 1, "/"),
           tokens.attached(index + 1), tokens.attached(index + 2), let denominator = tokens.digits(index + 2),
           denominator.allSatisfy(\.isNumber), let top = Double(numerator), let bottom = Double(denominator), bottom > 0 {
            parses.append((index + 3, Amount(exactly: decimal(top / bottom))))
        }
        // ".75", "-.0012G" (with SI's giga, which as "5G" is too often a network to look for).
        let negative = tokens.isSymbol(index, "-") && tokens.attached(index + 1)
        let point = negative ? index + 1 : index
        if tokens.isSymbol(point, "."), tokens.attached(point + 1), let fraction = tokens.digits(point + 1),
           fraction.allSatisfy(\.isNumber) {
            let rewritten = tokens.replacing(point + 1, with: "0." + fraction)
            for (end, amount) in digitCore(rewritten, point + 1, abbreviations: scaleAbbreviations.merging(["g": 1e9]) { $1 }) {
                parses.append((end, negative ? Amount(value: -amount.value, range: NumberRange(
                    low: -amount.range.high, high: -amount.range.low), scale: amount.scale) : amount))
            }
        }
        // "1 point 1", "two point two million", "point 77", and a price read out: "twelve dot fifty" (12.50).
        var integerParts: [(Int, Double)] = [(index, 0)]
        if let digits = tokens.digits(index), digits.allSatisfy(\.isNumber), let value = Double(digits) {
            integerParts.append((index + 1, value))
        }
        integerParts += NumberWords.whole(tokens, index)
        for (pointIndex, integer) in integerParts where tokens.isWord(pointIndex, "point") || tokens.isWord(pointIndex, "dot") {
            guard pointIndex == index || tokens.spaced(pointIndex), tokens.spaced(pointIndex + 1) else { continue }
            var fractionDigits = ""
            var end = pointIndex + 1
            if let digits = tokens.digits(end), digits.allSatisfy(\.isNumber) {
                fractionDigits = digits
                end += 1
            } else if let word = tokens.word(end), let twoDigits = NumberWords.units[word] ?? NumberWords.tens[word],
                      twoDigits >= 10 {
                // "dot fifty" is fifty hundredths, "dot fifty-five" fifty-five.
                var cents = twoDigits
                if twoDigits % 10 == 0, twoDigits >= 20, tokens.isSymbol(end + 1, "-"), let unit = tokens.word(end + 2),
                   let digit = NumberWords.units[unit], digit < 10 {
                    cents += digit
                    end += 2
                }
                fractionDigits = String(cents)
                end += 1
            } else {
                while let word = tokens.word(end), let digit = NumberWords.units[word], digit < 10,
                      end == pointIndex + 1 || tokens.spaced(end) {
                    fractionDigits += String(digit)
                    end += 1
                }
            }
            guard !fractionDigits.isEmpty, let value = Double(String(Int(integer)) + "." + fractionDigits) else {
                continue
            }
            if tokens.spaced(end), let word = tokens.word(end), let factor = NumberWords.scale(of: word) {
                parses.append((end + 1, scaled(value, decimals: fractionDigits.count, by: factor)))
            }
            parses.append((end, Amount(exactly: value)))
        }
        return parses
    }

    /// The scale a word number ends with ("two million" → 1e6), so that "between two and three million" can
    /// carry it to its low end.
    private static func wordScale(_ tokens: TokenStream, _ start: Int, _ end: Int) -> Double? {
        guard end - start >= 2, let last = tokens.word(end - 1) else { return nil }
        return scaleWords[last]
    }

    /// The range from `low` to `high`. A low end written without a scale takes the high end's ("10-20 million",
    /// "between 2 and 3 billion") unless that would put it above the high end ("between 500 and 2 million").
    static func span(_ low: Amount, _ high: Amount) -> NumberRange {
        var lowRange = low.range
        if low.scale == nil, let factor = high.scale, factor > 1, low.value * factor <= high.value {
            lowRange = lowRange.scaled(by: factor)
        }
        return NumberRange(low: min(lowRange.low, high.range.low), high: max(lowRange.high, high.range.high),
                           isStatedRange: true)
    }
}
