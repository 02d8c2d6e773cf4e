import Foundation

/// Duckling's English test corpora (facebook/duckling, `Duckling/*/EN/Corpus.hs`), run through factcheck's value
/// readers: how many of the forms a mature normalizer reads do ours read to the same value?
///
/// Each corpus file holds one JSON object a line: `text`, `dimension`, `expected_value`, and for negative examples
/// `negative: true` (a text that must not parse). Dimensions map to readers: `numeral` → `NumberReader`,
/// `ordinal` → `OrdinalReader`, `duration` → `DurationReader`, `quantity` → `QuantityReader`, `time` →
/// `DateReader` and `TimeReader`, with Duckling's reference time (Tuesday 2013-02-12) as the document date.
///
/// Comparison follows factcheck's own semantics, not Duckling's output format:
/// - A number read as an interval (vague words such as "a few", rounded figures such as "1.2M") passes when the
///   interval is bounded and contains Duckling's figure.
/// - Durations compare in seconds; Duckling's months, quarters and years use the reader's month (a twelfth of
///   365.25 days).
/// - Quantities compare in base units after conversion; a hedge on a stated range is not compared. Duckling's
///   `product` ("two pounds of meat") is what a rule's key captures, not part of the value: the trailing
///   "of <product>" is cut before reading.
/// - Dates are partial-aware: "Fri, Jul 18" (no year) passes against Duckling's 2014-07-18 because every field
///   it states (month, day, weekday) agrees; a date must state the fields Duckling's grain needs (day, month or
///   year). Date and time together ("4/25 at 4:00pm") are read as a date and a clock time either side of
///   "at", "on" or a comma.
/// - Time examples are split in two dimensions: `time` holds those whose text states a month and day (Duckling's
///   `text_has_month_day`: "times with an explicit date"), `time-other` the rest (holidays, weeks, quarters,
///   years), which factcheck mostly does not read.
public struct DucklingCorpus: Sendable {
    /// Duckling's reference time, 2013-02-12T04:30:00-02:00, as a document date.
    public static let referenceDate = DateValue(year: 2013, month: 2, day: 12)

    /// One corpus line.
    public struct Example: Sendable {
        /// The text to read.
        public var text: String
        /// The dimension it is scored under: "numeral", "ordinal", "duration", "quantity", "time" or "time-other".
        public var dimension: String
        /// The text must not read as a value.
        public var isNegative: Bool
        /// The line's `expected_value`, as parsed JSON.
        var expected: JSONValue
    }

    /// The result for one dimension.
    public struct Outcome: Sendable, Equatable {
        public var dimension: String
        /// Texts read to Duckling's value (negative examples: not read).
        public var passed: [String]
        /// Texts read wrongly or not at all (negative examples: read).
        public var failed: [String]
        /// Of the passing texts, how many the dimension's macro also matches as a whole, that is, how many a rule
        /// would find in running text; nil when the macro was not checked.
        public var macroMatched: Int?

        public var total: Int { passed.count + failed.count }
        /// The share of examples that pass.
        public var rate: Double { total == 0 ? 0 : Double(passed.count) / Double(total) }

        /// "numeral: 0.981 (103/105)".
        public var summary: String {
            String(format: "%@: %.3f (%d/%d)", dimension, rate, passed.count, total)
        }
    }

    /// The dimensions in the order they are reported.
    public static let dimensions = ["numeral", "ordinal", "duration", "quantity", "time", "time-other"]

    public var examples: [Example]

    public init(examples: [Example]) {
        self.examples = examples
    }

    /// Loads every `*.jsonl` file of a folder, in name order.
    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !names.isEmpty else { throw CorpusError.empty(directory.path) }
        examples = try names.flatMap { try Self.load(directory.appendingPathComponent($0)) }
    }

    /// Loads one corpus file.
    public static func load(_ file: URL) throws -> [Example] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var examples: [Example] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String, var dimension = object["dimension"] as? String else {
                throw CorpusError.malformed(file: file.lastPathComponent, line: index + 1)
            }
            if dimension == "time" {
                dimension = (object["text_has_month_day"] as? Bool) == true ? "time" : "time-other"
            }
            examples.append(Example(text: text, dimension: dimension, isNegative: (object["negative"] as? Bool) == true,
                                    expected: JSONValue(object["expected_value"])))
        }
        return examples
    }

    /// Errors loading a corpus.
    public enum CorpusError: Error, CustomStringConvertible {
        case empty(String)
        case malformed(file: String, line: Int)

        public var description: String {
            switch self {
            case let .empty(path): "no .jsonl corpus files in \(path)"
            case let .malformed(file, line): "\(file):\(line): not a corpus line (text, dimension, expected_value)"
            }
        }
    }

    /// Scores every example, per dimension, in `dimensions` order. `macroMatches`, when given, tells whether the
    /// dimension's macro matches a text as a whole (the caller compiles the fragments with the rule engine).
    public func evaluate(macroMatches: ((String, String) -> Bool)? = nil) -> [Outcome] {
        var outcomes: [String: Outcome] = [:]
        for example in examples {
            var outcome = outcomes[example.dimension]
                ?? Outcome(dimension: example.dimension, passed: [], failed: [], macroMatched: macroMatches.map { _ in 0 })
            if Self.passes(example) {
                outcome.passed.append(example.text)
                if let macroMatches, !example.isNegative, let macro = Self.macro(for: example.dimension),
                   macroMatches(macro, Self.readingText(example)) {
                    outcome.macroMatched? += 1
                }
            } else {
                outcome.failed.append(example.text)
            }
            outcomes[example.dimension] = outcome
        }
        let known = Self.dimensions.compactMap { outcomes[$0] }
        let others = outcomes.keys.filter { !Self.dimensions.contains($0) }.sorted().compactMap { outcomes[$0] }
        return known + others
    }

    /// Tells whether a macro's fragment, compiled by the rule engine (PCRE2, caseless, anchored at both ends),
    /// matches all of a text; for `evaluate(macroMatches:)`.
    public static func ruleEngineMacroMatcher() -> @Sendable (String, String) -> Bool {
        var compiled: [String: Pattern] = [:]
        for (name, fragment) in ValueMacros.fragments {
            compiled[name] = try? Pattern("^(?:" + fragment + ")$")
        }
        let patterns = compiled
        return { macro, text in
            guard let pattern = patterns[macro], let matches = try? pattern.matches(in: Array(text.utf8)) else {
                return false
            }
            return !matches.isEmpty
        }
    }

    /// The value macro that finds a dimension's values in running text.
    public static func macro(for dimension: String) -> String? {
        switch dimension {
        case "numeral": "number"
        case "ordinal": "ordinal"
        case "duration": "duration"
        case "quantity": "quantity"
        case "time", "time-other": "date"
        default: nil
        }
    }

    /// The context every example is read in.
    static let context = ReadingContext(documentDate: referenceDate)

    /// True when the example's text reads to Duckling's value (or, for a negative example, does not read).
    public static func passes(_ example: Example) -> Bool {
        let text = example.text
        switch example.dimension {
        case "numeral":
            guard case let .number(range)? = NumberReader.read(text, context: context),
                  let expected = example.expected.number else { return false }
            return contains(range, expected)
        case "ordinal":
            guard case let .ordinal(position)? = OrdinalReader.read(text, context: context),
                  let expected = example.expected.number else { return false }
            return Double(position) == expected
        case "duration":
            let value = DurationReader.read(text, context: context)
            if example.isNegative { return value == nil }
            guard case let .duration(range, nil)? = value, let expected = expectedSeconds(example.expected) else {
                return false
            }
            // Duckling counts a month as 30 days and a year as 365 in its seconds; factcheck's month is a twelfth
            // of 365.25 days. Spans of a month or more are compared within that 2% convention gap.
            if expected >= 28 * 86_400, range.isPoint {
                return abs(range.low - expected) <= 0.02 * expected
            }
            return contains(range, expected)
        case "quantity":
            return quantityPasses(text, example.expected)
        case "time", "time-other":
            return timePasses(text, example.expected)
        default:
            return false
        }
    }

    // MARK: Numbers and durations

    /// A bounded interval that holds `expected`, up to floating-point noise.
    static func contains(_ range: NumberRange, _ expected: Double) -> Bool {
        guard range.low.isFinite, range.high.isFinite else { return false }
        return range.overlaps(NumberRange(exactly: expected))
    }

    /// Duckling's duration in seconds; months, quarters and years, which Duckling leaves without seconds, in the
    /// reader's months.
    static func expectedSeconds(_ expected: JSONValue) -> Double? {
        if let seconds = expected["seconds"]?.number { return seconds }
        guard let value = expected["value"]?.number, let unit = expected["unit"]?.string else { return nil }
        let months = ["month": 1.0, "quarter": 3, "year": 12][unit]
        return months.map { value * $0 * DurationReader.secondsPerMonth }
    }

    // MARK: Quantities

    /// The text as read: a quantity's "of <product>" cut off.
    static func readingText(_ example: Example) -> String {
        example.dimension == "quantity" ? withoutProduct(example.text, example.expected) : example.text
    }

    private static func withoutProduct(_ text: String, _ expected: JSONValue) -> String {
        guard let product = expected["product"]?.string,
              let range = text.range(of: " of " + product, options: [.caseInsensitive, .backwards]),
              range.upperBound == text.endIndex else { return text }
        return String(text[..<range.lowerBound])
    }

    static func quantityPasses(_ text: String, _ expected: JSONValue) -> Bool {
        guard let unitName = expected["unit"]?.string, let unit = QuantityUnit.unit(named: unitName) else {
            return false
        }
        let reading = withoutProduct(text, expected)
        guard case let .quantity(range, base)? = QuantityReader.read(reading, context: context), base == unit.base
        else { return false }
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }
        if let value = expected["value"]?.number {
            return contains(range, unit.toBase(value))
        }
        let from = expected["from"]?.number.map(unit.toBase)
        let to = expected["to"]?.number.map(unit.toBase)
        // An open end: "at least two cups" has no upper bound, "less than six pounds" none below (or zero).
        let lowMatches = from.map { close(range.low, $0) } ?? (range.low <= 0)
        let highMatches = to.map { close(range.high, $0) } ?? range.high.isInfinite
        return lowMatches && highMatches
    }

    // MARK: Dates and times

    /// A Duckling time stamp, "2013-02-18T19:30:00" (a leading "-" for years BC).
    struct Stamp: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var minutes: Int

        init?(_ text: String?) {
            guard var text else { return nil }
            var sign = 1
            if text.hasPrefix("-") {
                sign = -1
                text.removeFirst()
            }
            let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
            guard parts.count >= 5 else { return nil }
            year = sign * parts[0]
            month = parts[1]
            day = parts[2]
            minutes = parts[3] * 60 + parts[4]
        }

        var date: DateValue { DateValue(year: year, month: month, day: day) }

        /// The day before (Duckling's interval ends are exclusive).
        var previousDay: Stamp {
            var copy = self
            if let moved = date.shifted(byDays: -1) {
                copy.year = moved.year ?? year
                copy.month = moved.month ?? month
                copy.day = moved.day ?? day
            }
            return copy
        }
    }

    static func timePasses(_ text: String, _ expected: JSONValue) -> Bool {
        guard let grain = expected["grain"]?.string else { return false }
        if expected["type"]?.string == "interval", grain == "hour" || grain == "minute" {
            guard let from = Stamp(expected["from"]?.string), let to = Stamp(expected["to"]?.string) else {
                return false
            }
            return partOfDayPasses(text, from, to) || clockSpanPasses(text, from, to)
        }
        if expected["type"]?.string == "interval" {
            guard grain == "day", let from = Stamp(expected["from"]?.string), let to = Stamp(expected["to"]?.string),
                  case let .dateRange(first, last)? = DateReader.read(text, context: context) else { return false }
            return dateMatches(first, from, grain: "day") && dateMatches(last, to.previousDay, grain: "day")
        }
        guard let stamp = Stamp(expected["value"]?.string) else { return false }
        if grain == "minute" || grain == "hour" {
            guard let (date, time) = dateAndTime(text) else { return false }
            return dateMatches(date, stamp, grain: "day") && time.minutes.contains(stamp.minutes)
        }
        guard case let .date(date)? = DateReader.read(text, context: context) else { return false }
        return dateMatches(date, stamp, grain: grain)
    }

    /// A date with a part of the day: the day is Duckling's and the part covers Duckling's hours exactly.
    static func partOfDayPasses(_ text: String, _ from: Stamp, _ to: Stamp) -> Bool {
        guard let (date, part) = DateReader.dateAndDayPart(text, context: context),
              dateMatches(date, from, grain: "day") else { return false }
        // Duckling's interval ends are exclusive; an end at midnight belongs to the next day.
        let end = to.date == from.date ? to.minutes : 1440
        return part.minutes == from.minutes..<end
    }

    /// A clock-time span, alone (on the reference day) or with a day ("9h30 - 11h00 on Thursday"): each end holds
    /// Duckling's minute (its end is exclusive, a minute past the stated one). Zones are not converted, so a span
    /// with zone words, which Duckling moves into the reference time's offset, does not pass.
    static func clockSpanPasses(_ text: String, _ from: Stamp, _ to: Stamp) -> Bool {
        var spanText = text
        var day = referenceDate
        if let on = text.range(of: " on ", options: [.caseInsensitive, .backwards]) {
            spanText = String(text[..<on.lowerBound])
            // Without the reference date, so that a weekday alone stays a weekday: Duckling reads it forwards,
            // factcheck backwards from a document's date.
            guard case let .date(date)? = DateReader.read(String(text[on.upperBound...]), context: ReadingContext()) else {
                return false
            }
            day = date
        }
        guard let (start, end) = TimeReader.span(spanText, context: context), start.zone == nil,
              start.minutes.contains(from.minutes), end.minutes.contains(to.minutes - 1) else { return false }
        if day == referenceDate { return from.date == referenceDate }
        if day.month != nil { return dateMatches(day, from, grain: "day") }
        // A weekday alone is the next such day after the reference date, as Duckling resolves it.
        guard let weekday = day.weekday, from.date.resolvedWeekday == weekday,
              let days = daysAfterReference(from.date) else { return false }
        return (1...7).contains(days)
    }

    /// Days from the reference date to a full date.
    static func daysAfterReference(_ date: DateValue) -> Int? {
        let calendar = DateValue.calendar
        guard let year = date.year, let month = date.month, let day = date.day,
              let start = calendar.date(from: DateComponents(year: 2013, month: 2, day: 12)),
              let end = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        return calendar.dateComponents([.day], from: start, to: end).day
    }

    /// Every field the date states agrees with the stamp, and it states the fields the grain needs.
    static func dateMatches(_ date: DateValue, _ stamp: Stamp, grain: String) -> Bool {
        let needed: (year: Bool, month: Bool, day: Bool)
        switch grain {
        case "year": needed = (true, false, false)
        case "month": needed = (false, true, false)
        case "day": needed = (false, true, true)
        default: return false
        }
        if needed.year, date.year == nil { return false }
        if needed.month, date.month == nil { return false }
        if needed.day, date.day == nil { return false }
        // A coarser grain must not be read as a finer date ("2014" is not January 1).
        if !needed.day, date.day != nil { return false }
        if !needed.month, date.month != nil { return false }
        var target = stamp.date
        if date.year == nil { target.year = nil }
        if date.month == nil { target.month = nil }
        if date.day == nil { target.day = nil }
        if date.year == nil, let weekday = date.weekday {
            // A weekday without a year is checked against the stamp's own year.
            guard stamp.date.resolvedWeekday == weekday else { return false }
            var withoutWeekday = date
            withoutWeekday.weekday = nil
            return withoutWeekday == target
        }
        return date.agreement(with: stamp.date) == .agrees && DateValue(year: date.year, month: date.month,
                                                                         day: date.day) == target
    }

    /// A date and a clock time in one text: "4/25 at 4:00pm", "at 7:30 PM on Fri, Sep 20",
    /// "Fri, Jul 18, 2014 07:00 PM".
    static func dateAndTime(_ text: String) -> (DateValue, TimeValue)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { return nil }
        func date(_ part: ArraySlice<String>) -> DateValue? {
            guard case let .date(value)? = DateReader.read(part.joined(separator: " "), context: context) else {
                return nil
            }
            return value
        }
        func time(_ part: ArraySlice<String>) -> TimeValue? {
            var part = part
            if part.first?.lowercased() == "at" { part = part.dropFirst() }
            guard case let .time(value)? = TimeReader.read(part.joined(separator: " "), context: context) else {
                return nil
            }
            return value
        }
        for split in 1..<words.count {
            let left = words[..<split]
            var right = words[split...]
            let connector = right.first?.lowercased()
            if connector == "at" || connector == "on" { right = right.dropFirst() }
            guard !right.isEmpty else { continue }
            if let date = date(left), let time = time(right) { return (date, time) }
            if let time = time(left), let date = date(right) { return (date, time) }
        }
        return nil
    }
}

/// A parsed JSON value, reduced to what the corpus needs.
struct JSONValue: @unchecked Sendable {
    let raw: Any?

    init(_ raw: Any?) {
        self.raw = raw is NSNull ? nil : raw
    }

    var number: Double? {
        // JSONSerialization reads JSON booleans as NSNumber too; the corpus has none where numbers are expected.
        (raw as? NSNumber)?.doubleValue
    }

    var string: String? { raw as? String }

    subscript(key: String) -> JSONValue? {
        guard let object = raw as? [String: Any], let value = object[key], !(value is NSNull) else { return nil }
        return JSONValue(value)
    }
}
