import Foundation

/// A normalized, comparable value read from a claim's surface text ("about 1,300", "Aug. 15", "11-year").
///
/// Every value is an interval or a partial structure, never a bare string, so that comparison can be
/// interval-aware ("about 1,300" agrees with 1,312) and partial-aware ("August 15" agrees with "Aug. 15, 2025").
public enum Value: Equatable, Sendable {
    /// A plain number or a count of things.
    case number(NumberRange)
    /// A percentage, in percent (13.1% is 13.1); `points` marks "percentage points" and basis points.
    case percent(NumberRange, points: Bool)
    /// An amount of money; `currency` is an ISO 4217 code when the text names one ("USD", "EUR"), else nil.
    case money(NumberRange, currency: String?)
    /// A position in a sequence: "third", "21st".
    case ordinal(Int)
    /// A calendar date, possibly partial: "2021", "in January", "August 15", "Wednesday".
    case date(DateValue)
    /// A length of time, in seconds. `qualifier` is set for sentences such as "life" or "suspended".
    case duration(NumberRange, qualifier: DurationQualifier?)
    /// A clock time, possibly ambiguous between a.m. and p.m., with its zone words.
    case time(TimeValue)
    /// A measured quantity converted to its dimension's base unit (see `QuantityUnit`): "5 km" is 5,000 "m",
    /// "2 pounds" 0.907 "kg", "30°F" -1.1 "°C".
    case quantity(NumberRange, unit: String)
    /// A stated span of days, first and last day included: "July 13-15", "from the 13th to the 15th of July".
    case dateRange(DateValue, DateValue)
}

/// How two values relate.
public enum Agreement: Equatable, Sendable {
    /// The values can both be true of the same thing: equal, overlapping intervals, or compatible partial dates.
    case agrees
    /// The values cannot both be true of the same thing.
    case disagrees
    /// The values do not speak about the same dimension (a date and a count, times in different zones, "2021" and
    /// "August 15").
    case incomparable
}

/// Why a duration is not an ordinary span of time; such durations are compared only with their own kind.
public enum DurationQualifier: String, Equatable, Sendable {
    case life
    case suspended
    /// Served at the same time as another sentence: it adds no time of its own.
    case concurrent
    case probation
}

/// A closed interval of real numbers; either end may be infinite ("more than 15" is 15 < x < ∞, kept as [15, ∞]
/// with `lowOpen`).
public struct NumberRange: Equatable, Sendable, CustomStringConvertible {
    public var low: Double
    public var high: Double
    /// The low end is excluded ("more than 15").
    public var lowOpen: Bool
    /// The high end is excluded ("fewer than 20").
    public var highOpen: Bool
    /// The text states both ends ("between 10 and 20", "$1.7 billion to $1.8 billion"): the range is a claim
    /// about each end, not an uncertain single figure.
    public var isStatedRange: Bool

    public init(low: Double, high: Double, lowOpen: Bool = false, highOpen: Bool = false, isStatedRange: Bool = false) {
        self.low = low
        self.high = high
        self.lowOpen = lowOpen
        self.highOpen = highOpen
        self.isStatedRange = isStatedRange
    }

    /// A single exact number.
    public init(exactly value: Double) {
        self.init(low: value, high: value)
    }

    /// True when the range holds exactly one number.
    public var isPoint: Bool { low == high && !lowOpen && !highOpen }

    /// True when some number lies in both ranges. Ends are compared with a relative tolerance so that values
    /// computed by different routes (42 months, 3.5 years) are equal.
    public func overlaps(_ other: NumberRange) -> Bool {
        let lowEnd = max(low, other.low)
        let highEnd = min(high, other.high)
        // Scale the tolerance by the finite ends only: "over 1,000" against "over 1,000" has ∞ at both tops.
        // (Written without arrays: the aligner asks this for every candidate of every claim.)
        let magnitude = max(lowEnd.isFinite ? abs(lowEnd) : 0, highEnd.isFinite ? abs(highEnd) : 0)
        let tolerance = 1e-9 * max(1, magnitude)
        if lowEnd < highEnd - tolerance { return true }
        if abs(lowEnd - highEnd) <= tolerance {
            // The ranges touch at one point: it must be included by both.
            let lowExcluded = (low == lowEnd && lowOpen) || (other.low == lowEnd && other.lowOpen)
            let highExcluded = (high == highEnd && highOpen) || (other.high == highEnd && other.highOpen)
            return !(lowExcluded || highExcluded)
        }
        return false
    }

    /// The bound a denial states: "not more than 12.50" is at most 12.50, "not under 16" at least 16; nil for a
    /// range bounded on both sides or a point, whose denial bounds nothing.
    public var deniedBound: NumberRange? {
        if high.isInfinite, low.isFinite {
            return NumberRange(low: low >= 0 ? 0 : -.infinity, high: low, highOpen: !lowOpen)
        }
        if high.isFinite, low == 0 || low == -.infinity, high > 0 {
            return NumberRange(low: high, high: .infinity, lowOpen: !highOpen)
        }
        return nil
    }

    /// Scales both ends (1.3 "thousand" → 1,300).
    public func scaled(by factor: Double) -> NumberRange {
        NumberRange(low: low * factor, high: high * factor, lowOpen: lowOpen, highOpen: highOpen,
                    isStatedRange: isStatedRange)
    }

    public var description: String {
        if isPoint { return Self.format(low) }
        return "\(lowOpen ? "(" : "[")\(Self.format(low)), \(Self.format(high))\(highOpen ? ")" : "]")"
    }

    /// Formats a number the way a reader writes it: no trailing ".0", thousands separators for large values.
    public static func format(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == value.rounded(), abs(value) < 1e15 {
            let integer = Int64(value)
            let digits = String(abs(integer))
            guard abs(integer) >= 10_000 else { return String(integer) }
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            return (integer < 0 ? "-" : "") + grouped
        }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A calendar date whose fields may be missing: "2021" has only a year, "August 15" a month and a day,
/// "on Wednesday" only a weekday.
public struct DateValue: Hashable, Sendable, CustomStringConvertible {
    public var year: Int?
    /// 1 = January.
    public var month: Int?
    public var day: Int?
    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    public var weekday: Int?
    /// 1...4, for a reporting period ("the third quarter of 2021", "Q3 2021").
    public var quarter: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil, quarter: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.quarter = quarter
    }

    /// The calendar every date computation uses: Gregorian, in UTC, so a date never shifts with the machine's zone.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Weekday names, Monday first (`weekday` 1 is Monday).
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// True when no field is known.
    public var isEmpty: Bool { year == nil && month == nil && day == nil && weekday == nil && quarter == nil }

    /// The quarter a date falls in: the stated one, or the one its month gives.
    public var resolvedQuarter: Int? { quarter ?? month.map { ($0 - 1) / 3 + 1 } }

    /// The weekday of a full date (1 = Monday), or the stated weekday.
    public var resolvedWeekday: Int? {
        weekday ?? calendarWeekday
    }

    /// The weekday the calendar gives a full date (1 = Monday), whatever weekday the text states.
    public var calendarWeekday: Int? {
        guard let year, let month, let day else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        let calendar = Self.calendar
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day  // February 30 is no date
        else { return nil }
        let sundayFirst = calendar.component(.weekday, from: date)  // 1 = Sunday
        return sundayFirst == 1 ? 7 : sundayFirst - 1
    }

    /// A full date moved by a number of days; nil unless the date is complete.
    public func shifted(byDays days: Int) -> DateValue? {
        guard let year, let month, let day,
              let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let moved = Self.calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: moved)
        return DateValue(year: parts.year, month: parts.month, day: parts.day)
    }

    /// True when the text states a weekday that its own full date does not fall on ("Wednesday, Aug. 14, 2025").
    public var weekdayContradictsDate: Bool {
        guard let weekday, let actual = calendarWeekday else { return false }
        return weekday != actual
    }

    /// Whether the date states a year and nothing finer: an end of a span of years.
    var isYearOnly: Bool { year != nil && month == nil && day == nil && quarter == nil && weekday == nil }

    /// The days from `first` to `last` as ordinals (year, month, day in decimal places), a year or a month standing
    /// for all its days; nil unless both state a year.
    static func days(from first: DateValue, through last: DateValue) -> ClosedRange<Int>? {
        guard let firstYear = first.year, let lastYear = last.year else { return nil }
        let start = firstYear * 10_000 + (first.month ?? 1) * 100 + (first.day ?? 1)
        let end = lastYear * 10_000 + (last.month ?? 12) * 100 + (last.day ?? 31)
        return start <= end ? start...end : nil
    }

    /// The fields both dates state agree, and they share at least one field.
    public func agreement(with other: DateValue) -> Agreement {
        var shared = 0
        for (mine, theirs) in [(year, other.year), (month, other.month), (day, other.day)] {
            guard let mine, let theirs else { continue }
            shared += 1
            if mine != theirs { return .disagrees }
        }
        // A day of the month without its month says nothing comparable.
        if day != nil, other.day != nil, (month == nil || other.month == nil) { return .incomparable }
        if let mine = resolvedWeekday, let theirs = other.resolvedWeekday {
            shared += 1
            if mine != theirs { return .disagrees }
        }
        if quarter != nil || other.quarter != nil, let mine = resolvedQuarter, let theirs = other.resolvedQuarter {
            shared += 1
            if mine != theirs { return .disagrees }
        }
        return shared > 0 ? .agrees : .incomparable
    }

    /// How a date meets a stated span of days: a day inside the span agrees ("July 14" and "July 13-15"), a day
    /// outside it disagrees, and a date too partial to place (a year, a weekday) says nothing about it.
    public func agreement(withSpanFrom first: DateValue, through last: DateValue) -> Agreement {
        guard let month, let day, let firstMonth = first.month, let firstDay = first.day,
              let lastMonth = last.month, let lastDay = last.day else { return .incomparable }
        if let year, let firstYear = first.year, let lastYear = last.year {
            let ordinal = year * 10_000 + month * 100 + day
            let inside = firstYear * 10_000 + firstMonth * 100 + firstDay <= ordinal
                && ordinal <= lastYear * 10_000 + lastMonth * 100 + lastDay
            return inside ? .agrees : .disagrees
        }
        // Without years, compare within the calendar year; a span over New Year wraps.
        let ordinal = month * 100 + day
        let start = firstMonth * 100 + firstDay
        let end = lastMonth * 100 + lastDay
        let inside = start <= end ? (start <= ordinal && ordinal <= end) : (ordinal >= start || ordinal <= end)
        return inside ? .agrees : .disagrees
    }

    public var description: String {
        var parts: [String] = []
        if let year { parts.append(String(format: "%04d", year)) }
        if let month { parts.append(String(format: "%02d", month)) }
        if let day { parts.append(String(format: "%02d", day)) }
        if let quarter, month == nil { parts.append("Q\(quarter)") }
        var text = parts.isEmpty ? "" : parts.joined(separator: "-")
        if let weekday, (1...7).contains(weekday) {
            let name = Self.weekdayNames[weekday - 1]
            text = text.isEmpty ? name : "\(name) \(text)"
        }
        return text
    }
}

/// A clock time. "at 6" may be 06:00 or 18:00, so a time holds every reading it allows.
public struct TimeValue: Equatable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, one per possible reading, sorted.
    public var minutes: [Int]
    /// The zone as written, normalized to lower case ("local", "moscow", "gmt", "et"); nil when none is given.
    public var zone: String?

    public init(minutes: [Int], zone: String? = nil) {
        self.minutes = minutes.sorted()
        self.zone = zone
    }

    public func agreement(with other: TimeValue) -> Agreement {
        if let zone, let otherZone = other.zone, zone != otherZone {
            // Two known zones meet in UTC; a time in an unknown one ("local") only meets its own zone.
            guard let mine = ZoneOffsets.minutesEastOfUTC(zone), let theirs = ZoneOffsets.minutesEastOfUTC(otherZone)
            else { return .incomparable }
            let inUTC = Set(minutes.flatMap { minute in mine.map { (minute - $0 + 2880) % 1440 } })
            let otherInUTC = Set(other.minutes.flatMap { minute in theirs.map { (minute - $0 + 2880) % 1440 } })
            return inUTC.isDisjoint(with: otherInUTC) ? .disagrees : .agrees
        }
        return minutes.contains(where: other.minutes.contains) ? .agrees : .disagrees
    }

    public var description: String {
        let readings = minutes.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) }.joined(separator: "|")
        return zone.map { "\(readings) \($0)" } ?? readings
    }
}

extension Value {
    /// Compares two values of the same dimension.
    public func agreement(with other: Value) -> Agreement {
        switch (self, other) {
        case let (.number(a), .number(b)):
            return a.overlaps(b) ? .agrees : .disagrees
        case let (.percent(a, aPoints), .percent(b, bPoints)):
            guard aPoints == bPoints else { return .incomparable }
            return a.overlaps(b) ? .agrees : .disagrees
        case let (.money(a, aCurrency), .money(b, bCurrency)):
            if let aCurrency, let bCurrency, aCurrency != bCurrency { return .incomparable }
            return a.overlaps(b) ? .agrees : .disagrees
        case let (.ordinal(a), .ordinal(b)):
            return a == b ? .agrees : .disagrees
        case let (.date(a), .date(b)):
            return a.agreement(with: b)
        case let (.duration(a, aQualifier), .duration(b, bQualifier)):
            guard aQualifier == bQualifier else { return .incomparable }
            if aQualifier == .life { return .agrees }
            return a.overlaps(b) ? .agrees : .disagrees
        case let (.time(a), .time(b)):
            return a.agreement(with: b)
        case let (.quantity(a, aUnit), .quantity(b, bUnit)):
            // Quantities are stored in base units, so one base unit means one dimension, already converted.
            guard aUnit == bUnit else { return .incomparable }
            return a.overlaps(b) ? .agrees : .disagrees
        case let (.dateRange(aFirst, aLast), .dateRange(bFirst, bLast)):
            // A span of years against a span of days (a decade, a season): the coarser statement holds when it
            // takes in the other ("the mid-1660s" of "1665–1667"), and the finer one is not confirmed by it.
            if (aFirst.isYearOnly && aLast.isYearOnly) != (bFirst.isYearOnly && bLast.isYearOnly),
               let a = DateValue.days(from: aFirst, through: aLast), let b = DateValue.days(from: bFirst, through: bLast) {
                if !a.overlaps(b) { return .disagrees }
                return a.lowerBound <= b.lowerBound && b.upperBound <= a.upperBound ? .agrees : .incomparable
            }
            let first = aFirst.agreement(with: bFirst)
            let last = aLast.agreement(with: bLast)
            if first == .disagrees || last == .disagrees { return .disagrees }
            return first == .agrees && last == .agrees ? .agrees : .incomparable
        case let (.date(day), .dateRange(first, last)), let (.dateRange(first, last), .date(day)):
            return day.agreement(withSpanFrom: first, through: last)
        default:
            return .incomparable
        }
    }

    /// The name of the value's dimension, as used in JSON (`"type"`).
    public var typeName: String {
        switch self {
        case .number: "number"
        case .percent: "percent"
        case .money: "money"
        case .ordinal: "ordinal"
        case .date: "date"
        case .duration: "duration"
        case .time: "time"
        case .quantity: "quantity"
        case .dateRange: "dateRange"
        }
    }
}

extension Value {
    /// What a denial of this value states, when it is a one-sided bound: "won't be more than twelve dot fifty
    /// Euros" is at most €12.50. nil for any other value.
    public var deniedBound: Value? {
        switch self {
        case let .number(range): range.deniedBound.map { .number($0) }
        case let .percent(range, points): range.deniedBound.map { .percent($0, points: points) }
        case let .money(range, currency): range.deniedBound.map { .money($0, currency: currency) }
        case let .quantity(range, unit): range.deniedBound.map { .quantity($0, unit: unit) }
        case let .duration(range, qualifier) where qualifier == nil: range.deniedBound.map { .duration($0, qualifier: nil) }
        default: nil
        }
    }
}
