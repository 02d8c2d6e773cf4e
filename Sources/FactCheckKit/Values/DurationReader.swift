import Foundation

/// Reads lengths of time: "11 years", "eleven years", "an 11-year", "eleven-year", "a decade", "two decades",
/// "18 months", "18-month", "3 years and 6 months", "three and a half years", "a year and a half", "30-day",
/// "more than 11 years", "between 5 and 10 years".
///
/// Values are in seconds. Years, decades and months are first summed in months and converted once (a year is
/// 365.25 days, a month a twelfth of it), so "3 years and 6 months", "three and a half years" and "42 months" are
/// the same number. "life" and other qualified sentences are the rules' business.
public enum DurationReader: ValueReader {
    /// A unit of time: calendar units count in months, the others in seconds.
    struct Unit {
        var months: Double = 0
        var seconds: Double = 0
    }

    /// Seconds in a month: a twelfth of a 365.25-day year.
    static let secondsPerMonth = 365.25 * 86_400 / 12

    /// Unit words, singular first; the singular alone forms adjectives ("an 11-year sentence").
    static let units: [(singular: String, others: [String], unit: Unit)] = [
        ("year", ["years", "yr", "yrs"], Unit(months: 12)),
        ("month", ["months"], Unit(months: 1)),
        ("decade", ["decades"], Unit(months: 120)),
        ("century", ["centuries"], Unit(months: 1_200)),
        ("week", ["weeks"], Unit(seconds: 7 * 86_400)),
        ("day", ["days"], Unit(seconds: 86_400)),
        ("hour", ["hours", "hr", "hrs"], Unit(seconds: 3_600)),
        ("minute", ["minutes", "min", "mins"], Unit(seconds: 60)),
        // "second" alone is left to `SpokenDuration`: "a second term" is an ordinal.
        ("sec", ["seconds", "secs"], Unit(seconds: 1)),
    ]

    private static let unitsByWord: [String: Unit] = {
        var table: [String: Unit] = [:]
        for entry in units {
            table[entry.singular] = entry.unit
            for word in entry.others { table[word] = entry.unit }
        }
        return table
    }()

    private static let singularUnits: [String: Unit] =
        Dictionary(uniqueKeysWithValues: units.map { ($0.singular, $0.unit) })

    // MARK: Fragments

    private static let anyUnit: String = ValuePattern.alternation(unitsByWord.keys) + #"\b"#

    /// "an 11-year", "eleven-year", "18-month", "three-and-a-half-year", but not "11-year-old" (an age).
    private static let adjectivePattern: String =
        #"(?:\ban?\s+)?(?:"# + Amount.dashRangePattern() + "|" + Amount.pattern + ")(?:-and-a-half)?-"
        + ValuePattern.alternation(singularUnits.keys) + #"\b(?!-old\b)"#

    /// "11 years", "more than a decade", "half a year", "a year and a half".
    private static let firstPartPattern: String =
        "(?:" + NumberReader.pattern + "|(?:" + Hedge.pattern + #"\s+)?(?:\ban?|\bhalf\s+an?))\s+"# + anyUnit
        + #"(?:\s+and\s+a\s+half\b)?"#

    /// "6 months" after "3 years and".
    private static let restPartPattern: String = "(?:" + Amount.pattern + #"|\ban?)\s+"# + anyUnit

    /// The `duration` macro. Parts after the first repeat without a bound (a bounded repeat is copied into the
    /// compiled pattern); each must hold a unit word, so the repetition splits only one way.
    static let pattern: String =
        "(?:" + adjectivePattern + "|" + firstPartPattern + #"(?:,?\s+(?:and\s+)?"# + restPartPattern + ")*)"

    /// `duration`: a length of time in words or digits, with its hedge or range.
    public static var macros: [String: String] { ["duration": pattern] }

    /// How `pattern` begins: "a" or "an" before an adjective, an amount or a range (`adjectivePattern`); a number,
    /// a hedge, "a", "an" or "half" (`firstPartPattern`).
    static let start: FragmentStart =
        NumberReader.start.union(Amount.start).union(Hedge.start).union(FragmentStart(words: ["half"]))
            .union(.lead(["a", "an"], before: Amount.start.flattened.union(FragmentStart(words: Set(unitsByWord.keys)))))

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads a duration matched by `duration` to `.duration(seconds, qualifier: nil)`.
    /// Durations as they are said ("1 hour thirty", "2 more minutes", "2m"; see `SpokenDuration`) and the marks
    /// for minutes and seconds ("2'", "1\"") are read too, though the macro does not look for them.
    /// "Life", "a life sentence", "life in prison" and "2 years suspended", "a suspended 18-month sentence" read with
    /// their `DurationQualifier`, so that a suspended sentence is never compared with a custodial one.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        let trimmed = TokenStream.trimmed(text)
        guard let tokens = TokenStream(trimmed) else { return nil }
        if let qualified = qualified(tokens, context: context) { return qualified }
        for (end, range) in parse(tokens, 0) where end == tokens.count {
            return .duration(range, qualifier: nil)
        }
        if let seconds = SpokenDuration.read(tokens) { return .duration(NumberRange(exactly: seconds), qualifier: nil) }
        // "2'" and "1\"": trimming took the mark away, so look at the text as given.
        let marked = text.trimmingCharacters(in: .whitespaces)
        if let mark = marked.last, mark == "'" || mark == "\"", tokens.count == 1, let digits = tokens.digits(0),
           let (value, _) = Amount.numeral(digits), marked.dropLast() == trimmed {
            return .duration(NumberRange(exactly: value * (mark == "'" ? 60 : 1)), qualifier: nil)
        }
        return nil
    }

    /// Words that make a life sentence (never "life" alone, a common noun): "life in prison", "life imprisonment", "a life sentence".
    private static let lifeForms: [[String]] = [
        ["life", "in", "prison"], ["life", "in", "jail"], ["life", "imprisonment"], ["life", "sentence"],
        ["life", "behind", "bars"], ["a", "life", "sentence"], ["life", "term"], ["a", "life", "term"],
    ]

    /// A life sentence, or a length with "suspended" or "concurrent" before or after it; nil for anything else.
    private static func qualified(_ tokens: TokenStream, context: ReadingContext) -> Value? {
        for words in lifeForms where tokens.matchWords(words, at: 0) == tokens.count {
            // A life sentence has no length to compare: every life sentence agrees with every other.
            return .duration(NumberRange(low: 0, high: .infinity), qualifier: .life)
        }
        let words = (0..<tokens.count).map { tokens.word($0) }
        let qualifiers: [String: DurationQualifier] = ["suspended": .suspended, "concurrent": .concurrent]
        var rest: Range<Int>?
        var qualifier: DurationQualifier?
        if let last = words.last.flatMap({ $0 }), let found = qualifiers[last], tokens.count > 1 {
            (rest, qualifier) = (0..<(tokens.count - 1), found)
        }
        if let first = words.first.flatMap({ $0 }), let found = qualifiers[first], tokens.count > 1 {
            (rest, qualifier) = (1..<tokens.count, found)
        }
        if tokens.count > 2, words[0] == "a" || words[0] == "an", let second = words[1], let found = qualifiers[second] {
            (rest, qualifier) = (2..<tokens.count, found)
        }
        guard let rest, let qualifier else { return nil }
        let text = rest.compactMap { tokens[$0] }.enumerated()
            .map { $0.offset > 0 && $0.element.spaced ? " " + $0.element.text : $0.element.text }.joined()
        guard case let .duration(range, nil)? = read(text, context: context) else { return nil }
        return .duration(range, qualifier: qualifier)
    }

    /// The unit a word names ("years", "hr"), if it is one of the macro's units.
    static func unit(named word: String) -> Unit? { unitsByWord[word] }

    // MARK: Parsers

    /// A running total: months and seconds kept apart until the end, for exact sums.
    private struct Span {
        var months: NumberRange
        var seconds: NumberRange

        init(_ count: NumberRange, _ unit: Unit) {
            // A unit counts in months or in seconds, never both; the other total stays a plain zero (scaling an
            // unbounded count by zero would give NaN).
            months = unit.months == 0 ? NumberRange(exactly: 0) : count.scaled(by: unit.months)
            seconds = unit.seconds == 0 ? NumberRange(exactly: 0) : count.scaled(by: unit.seconds)
        }

        func adding(_ other: Span) -> Span {
            var sum = self
            sum.months = NumberRange(low: months.low + other.months.low, high: months.high + other.months.high,
                                     lowOpen: months.lowOpen, highOpen: months.highOpen)
            sum.seconds = NumberRange(low: seconds.low + other.seconds.low, high: seconds.high + other.seconds.high)
            return sum
        }

        var total: NumberRange {
            NumberRange(low: months.low * DurationReader.secondsPerMonth + seconds.low,
                        high: months.high * DurationReader.secondsPerMonth + seconds.high,
                        lowOpen: months.lowOpen || seconds.lowOpen, highOpen: months.highOpen || seconds.highOpen)
        }
    }

    /// Parses `pattern` at `index`: every reading, as (end index, seconds).
    static func parse(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange)] {
        var parses = adjective(tokens, index).map { ($0.0, $0.1.total) }
        for (firstEnd, first) in firstPart(tokens, index) {
            var frontier = [(firstEnd, first)]
            parses.append((firstEnd, first.total))
            // Each part consumes tokens, so this ends within the stream's token limit.
            while !frontier.isEmpty {
                var next: [(Int, Span)] = []
                for (position, total) in frontier {
                    for start in restStarts(tokens, position) {
                        for (end, part) in restPart(tokens, start) { next.append((end, total.adding(part))) }
                    }
                }
                parses += next.map { ($0.0, $0.1.total) }
                frontier = next
            }
        }
        return parses
    }

    /// Parses `adjectivePattern`.
    private static func adjective(_ tokens: TokenStream, _ index: Int) -> [(Int, Span)] {
        var starts = [index]
        if tokens.isWord(index, "a") || tokens.isWord(index, "an"), tokens.spaced(index + 1) {
            starts.append(index + 1)
        }
        var parses: [(Int, Span)] = []
        for start in starts {
            let counts = Amount.dashRange(tokens, start) + Amount.parse(tokens, start).map { ($0.0, $0.1.range) }
            for (end, count) in counts {
                var unitIndex = end
                var count = count
                if let halfEnd = hyphenated(tokens, ["and", "a", "half"], at: end) {
                    unitIndex = halfEnd
                    count = NumberRange(low: count.low + 0.5, high: count.high + 0.5)
                }
                guard tokens.isSymbol(unitIndex, "-"), tokens.attached(unitIndex), tokens.attached(unitIndex + 1),
                      let unit = tokens.word(unitIndex + 1).flatMap({ singularUnits[$0] }) else { continue }
                parses.append((unitIndex + 2, Span(count, unit)))
            }
        }
        return parses
    }

    /// Words joined by attached hyphens ("-and-a-half") at `index`; returns the index after them.
    private static func hyphenated(_ tokens: TokenStream, _ words: [String], at index: Int) -> Int? {
        var position = index
        for word in words {
            guard tokens.isSymbol(position, "-"), tokens.attached(position), tokens.attached(position + 1),
                  tokens.isWord(position + 1, word) else { return nil }
            position += 2
        }
        return position
    }

    /// Parses `firstPartPattern`.
    private static func firstPart(_ tokens: TokenStream, _ index: Int) -> [(Int, Span)] {
        var counts = NumberReader.range(tokens, index)
        let hedge = Hedge.parse(tokens, index)
        let start = hedge?.0 ?? index
        var articles: [(Int, NumberRange)] = []
        if tokens.isWord(start, "a") || tokens.isWord(start, "an") {
            articles.append((start + 1, NumberRange(exactly: 1)))
        }
        if tokens.isWord(start, "half"), tokens.isWord(start + 1, "a") || tokens.isWord(start + 1, "an"),
           tokens.spaced(start + 1) {
            articles.append((start + 2, NumberRange(exactly: 0.5)))
        }
        counts += articles.map { end, count in (end, hedge.map { $0.1.apply(to: count) } ?? count) }
        var parses: [(Int, Span)] = []
        for (end, count) in counts where tokens.spaced(end) {
            guard let unit = tokens.word(end).flatMap({ unitsByWord[$0] }) else { continue }
            if let halfEnd = tokens.matchWords(["and", "a", "half"], at: end + 1), tokens.spaced(end + 1) {
                parses.append((halfEnd, Span(NumberRange(low: count.low + 0.5, high: count.high + 0.5,
                                                         lowOpen: count.lowOpen, highOpen: count.highOpen), unit)))
            }
            parses.append((end + 1, Span(count, unit)))
        }
        return parses
    }

    /// Parses `restPartPattern`.
    private static func restPart(_ tokens: TokenStream, _ index: Int) -> [(Int, Span)] {
        var counts = Amount.parse(tokens, index).map { ($0.0, $0.1.range) }
        if tokens.isWord(index, "a") || tokens.isWord(index, "an") {
            counts.append((index + 1, NumberRange(exactly: 1)))
        }
        var parses: [(Int, Span)] = []
        for (end, count) in counts where tokens.spaced(end) {
            guard let unit = tokens.word(end).flatMap({ unitsByWord[$0] }) else { continue }
            parses.append((end + 1, Span(count, unit)))
        }
        return parses
    }

    /// `,?\s+(?:and\s+)?` after `position`.
    private static func restStarts(_ tokens: TokenStream, _ position: Int) -> [Int] {
        var starts: [Int] = []
        if tokens.spaced(position) { starts.append(position) }
        if tokens.isSymbol(position, ","), tokens.attached(position), tokens.spaced(position + 1) {
            starts.append(position + 1)
        }
        for start in starts where tokens.isWord(start, "and") && tokens.spaced(start + 1) {
            starts.append(start + 1)
        }
        return starts
    }
}
