import Foundation

/// Reads measured quantities: "5 km", "2,000 milligrams", "a kilogram", "3/4 cup", "about 40 miles",
/// "more than 2 cups", "between 100 and 1000 grams", "100-1000 g", "from 2 to 7 g", "30 mph", "-5°C",
/// "98.6 degrees Fahrenheit", "2,500 square kilometres".
///
/// Values are converted to their dimension's base unit (`QuantityUnit`), so "5 km" and "5,000 metres" are the same
/// value, and a length is never compared with a weight. A hedge before a stated range ("around 2-7 g") does not
/// widen it: the range is already the approximation.
public enum QuantityReader: ValueReader {
    // MARK: Fragments

    /// Unit words the macro looks for (`QuantityUnit.readOnly` are left out), with "pounds" only before "of"
    /// ("two pounds of meat"), since "100 pounds" is more often money, and "m" only before a dimension.
    private static let unitPattern: String = {
        let findable = QuantityUnit.words.filter { words, _ in
            !(words.count == 1 && QuantityUnit.readOnly.contains(words[0]))
        }
        return "(?:" + ValuePattern.alternation(findable.map(\.0)) + #"\b|pounds?(?=\s+of\b)|"#
            // "m" is metres, not millions, when a dimension follows ("69 m tall", "a 300m-long wall") or the same
            // length in feet or miles does, as encyclopedic copy gives it ("8,848.86 m (29,031.7 ft)").
            + #"m(?=[\s-]+(?:tall|long|high|wide|deep|away|across|below|above|in\s+(?:length|height|diameter|depth))\b"#
            + #"|\s?\(\s?[0-9][0-9,.]*\s?(?:ft|feet|foot|mi|miles|yd|yards|in|inches)\b)|"#
            + #"km/h|km²|km2|m²|°\s?[cf]\b|degrees?\s+(?:celsius|fahrenheit|centigrade)\b)"#
    }()

    /// The `quantity` macro: a number (with its hedge or range) and a unit. Lean on purpose: the number part is
    /// the `number` macro's, which is already large.
    static let pattern: String = "(?:" + NumberReader.pattern + #"\s*"# + unitPattern + ")"

    /// `quantity`: an amount with a unit of length, mass, area, volume, speed or temperature.
    public static var macros: [String: String] { ["quantity": pattern] }

    /// How `pattern` begins: with the number.
    static let start: FragmentStart = NumberReader.start

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads a quantity matched by `quantity` to `.quantity(range, unit:)`, in base units.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 32) else { return nil }
        for (end, range, unit) in parse(tokens, 0) where end == tokens.count {
            return .quantity(range, unit: unit)
        }
        return nil
    }

    /// A measurement stands for what its last significant digit allows, within 2% and without its ends: a length
    /// given in two units is rounded in one of them ("330 metres (1,083 ft)", "2,500 km2 (970 sq mi)"), and a
    /// summary rounds "8,848.86 m" to "8,849 metres". Open ends keep neighbours apart: "330 m" (325 to 335) is not
    /// "320 m" (315 to 325), "86 miles" (85.5 to 86.5) is not "85 miles", "30 cm" (29.4 to 30.6) is not "32 cm".
    static func measured(_ figure: NumberRange) -> NumberRange {
        guard figure.isPoint, figure.low.isFinite, figure.low != 0 else { return figure }
        let halfUnit = min(Hedge.lastPlace(of: figure.low) / 2, abs(figure.low) * 0.02)
        return NumberRange(low: Amount.decimal(figure.low - halfUnit), high: Amount.decimal(figure.low + halfUnit),
                           lowOpen: true, highOpen: true)
    }

    // MARK: Parsers

    /// Parses a quantity at `index`: (end index, range in base units, base unit).
    static func parse(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange, String)] {
        var parses: [(Int, NumberRange, String)] = []
        let hedge = leadingHedge(tokens, index)
        let start = hedge?.0 ?? index
        // "between 100 and 1000 grams", "from 2 to 7 g", "100-1000 g", "2 g - 7 g": a stated range.
        var rangeStart = start
        var joints: Set<String> = ["-", "to", "through"]
        if tokens.isWord(start, "between"), tokens.spaced(start + 1) {
            rangeStart = start + 1
            joints = ["and"]
        } else if tokens.isWord(start, "from"), tokens.spaced(start + 1) {
            rangeStart = start + 1
            joints = ["-", "to"]
        }
        for (lowEnd, low) in figures(tokens, rangeStart) {
            var jointIndexes = [lowEnd]
            var lowUnit: (Int, QuantityUnit)?
            if let (unitEnd, unit) = unit(tokens, lowEnd) {
                lowUnit = (unitEnd, unit)
                jointIndexes.append(unitEnd)
            }
            for jointIndex in jointIndexes {
                guard let joint = tokens[jointIndex], joints.contains(joint.text) else { continue }
                var highStart = jointIndex + 1
                // "2 - ~7 grams", "and about 7.0 g": a hedge on one end of a stated range is not compared.
                if let (afterHedge, _) = leadingHedge(tokens, highStart) { highStart = afterHedge }
                for (highEnd, high) in figures(tokens, highStart) {
                    guard let (end, unit) = unit(tokens, highEnd) else { continue }
                    if let lowUnit, jointIndex == lowUnit.0, lowUnit.1.base != unit.base { continue }
                    let lowInUnit = jointIndex == lowEnd ? unit : lowUnit!.1
                    let range = NumberRange(low: lowInUnit.toBase(low.low), high: unit.toBase(high.high),
                                            isStatedRange: true)
                    parses.append((end, ordered(range), unit.base))
                }
            }
        }
        // "about 40 miles", "more than 2 cups".
        for (end, count) in figures(tokens, start) {
            guard let (unitEnd, unit) = unit(tokens, end) else { continue }
            let hedged = hedge.map { $0.1.apply(to: count) } ?? Self.measured(count)
            var range = NumberRange(low: unit.toBase(hedged.low), high: unit.toBase(hedged.high),
                                    lowOpen: hedged.lowOpen, highOpen: hedged.highOpen,
                                    isStatedRange: hedged.isStatedRange)
            // Bounds below ("less than 6 pounds") start at zero, which converts to zero for every unit but
            // temperature, where below-zero readings are real.
            if unit.base == "°C", hedge?.1 == .fewerThan || hedge?.1 == .upTo { range.low = -.infinity }
            parses.append((unitEnd, ordered(range), unit.base))
        }
        return parses
    }

    /// Swaps the ends of a range that conversion turned around (never for these units, but cheap to keep true).
    private static func ordered(_ range: NumberRange) -> NumberRange {
        guard range.low > range.high else { return range }
        var swapped = range
        swap(&swapped.low, &swapped.high)
        return swapped
    }

    /// A hedge at `index`, including "~" and "exceeding".
    private static func leadingHedge(_ tokens: TokenStream, _ index: Int) -> (Int, Hedge)? {
        if tokens.isSymbol(index, "~") { return (index + 1, .about) }
        return Hedge.parse(tokens, index)
    }

    /// The figures a quantity may start with: any number ("2", "two", "1,000", "3/4", ".75", "a couple of"),
    /// a vague one ("hundreds of"), and the article ("a kilogram"), as (end index, interval).
    private static func figures(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange)] {
        var parses = Amount.parse(tokens, index).map { ($0.0, $0.1.range) } + NumberReader.vagueRanges(tokens, index)
        if tokens.isWord(index, "a") || tokens.isWord(index, "an"), tokens.spaced(index + 1) {
            parses.append((index + 1, NumberRange(exactly: 1)))
        }
        return parses
    }

    /// A unit at `index`, spaced from the figure or attached to it ("500g", "2oz"): (end index, unit).
    static func unit(_ tokens: TokenStream, _ index: Int) -> (Int, QuantityUnit)? {
        guard tokens[index] != nil else { return nil }
        // Symbols: "°C", "° F", "km/h", "km²".
        if tokens.isSymbol(index, "°") {
            let letter = tokens.spaced(index + 1) ? nil : tokens.word(index + 1)
            let spacedLetter = tokens.word(index + 1)
            switch letter ?? spacedLetter {
            case "c": return (index + 2, QuantityUnit.unit(named: "celsius")!)
            case "f": return (index + 2, QuantityUnit.unit(named: "fahrenheit")!)
            default: return nil
            }
        }
        if tokens.isWord(index, "km"), tokens.isSymbol(index + 1, "/"), tokens.attached(index + 1),
           tokens.isWord(index + 2, "h"), tokens.attached(index + 2) {
            return (index + 3, QuantityUnit.unit(named: "kph")!)
        }
        if let word = tokens.word(index), word == "km" || word == "m", tokens.attached(index + 1),
           tokens.isSymbol(index + 1, "²") || tokens.digits(index + 1) == "2" {
            return (index + 2, QuantityUnit.unit(named: word == "km" ? "sq km" : "sq m")!)
        }
        // "k.g.", "k.gs": letters with periods.
        if tokens.isWord(index, "k"), tokens.isSymbol(index + 1, "."), tokens.attached(index + 1),
           let grams = tokens.word(index + 2), grams == "g" || grams == "gs", tokens.attached(index + 2) {
            let end = tokens.isSymbol(index + 3, ".") && tokens.attached(index + 3) ? index + 4 : index + 3
            return (end, QuantityUnit.unit(named: "kg")!)
        }
        for (words, unit) in QuantityUnit.words {
            guard let end = tokens.matchWords(words, at: index) else { continue }
            // "2 g." : an abbreviation's period.
            if words.count == 1, words[0].count <= 3, tokens.isSymbol(end, "."), tokens.attached(end),
               end + 1 == tokens.count {
                return (end + 1, unit)
            }
            return (end, unit)
        }
        return nil
    }
}
