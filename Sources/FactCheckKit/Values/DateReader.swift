import Foundation

/// Reads calendar dates, full, partial and relative: "August 15", "Aug. 15, 2025", "15 August 2025",
/// "the 15th of August", "January 2021", "2021", "2025-08-15", "8/15/2025", "Wednesday, Aug. 13, 2025",
/// "mid-August", "yesterday", "last year", "last Tuesday", "three days ago"; and, as spans of days, seasons
/// ("summer 2021", "last winter") and decades ("the 1990s"), read in `DatePeriods.swift`.
///
/// A day number alone ("15") is never a date. Relative dates resolve against the document's date and read as nil
/// when it lacks the fields they need.
public enum DateReader: ValueReader {
    static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    /// Abbreviations, which may take a period ("Aug.", "Sept.").
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    /// ISO 8601 numbering: 1 = Monday. Abbreviations are left out: "sun", "sat" and "wed" are common words.
    static let weekdayNames: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    /// Words before a month or year that narrow it without changing it ("mid-August", "early 2021").
    static let periodPrefixes: Set<String> = ["mid", "early", "late"]

    // MARK: Fragments

    static let monthPattern: String =
        #"\b(?:"# + ValuePattern.alternation(monthNames.keys) + #"\b|"#
        + ValuePattern.alternation(monthAbbreviations.keys) + #"\b\.?)"#
    static let weekdayPattern: String = #"\b"# + ValuePattern.alternation(weekdayNames.keys) + #"\b"#
    private static let yearCore = "(?:19|20)[0-9]{2}"
    static let yearPattern: String = ValuePattern.digitStart + yearCore + ValuePattern.digitEnd
    private static let dayPattern: String =
        ValuePattern.digitStart + "(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?" + ValuePattern.digitEnd
    /// A year before 1900 after a month or a day ("12 May 1865", "October 1899"): encyclopedic copy dates things
    /// that far back, and after a month four digits are a year, unless a count's noun follows ("August 15, 1500
    /// people"). A bare year is read from 1900 only (`yearPattern`).
    private static let earlyYearPattern: String = ValuePattern.digitStart + "1[0-8][0-9]{2}" + ValuePattern.digitEnd
        + #"(?!\s+(?:people|men|women|children|staff|police|troops|soldiers|workers|residents|homes|houses)\b)"#
    private static let yearTailPattern: String = #"(?:,?\s+(?:"# + yearPattern + "|" + earlyYearPattern + "))?"
    static let periodPrefix: String =
        #"\b"# + ValuePattern.alternation(periodPrefixes) + #"(?:-|\s+)"#

    /// "August 15", "Aug. 15, 2025".
    private static let monthDay: String = monthPattern + #"\s+"# + dayPattern + yearTailPattern
    /// "15 August", "15 August 2025".
    private static let dayMonth: String = dayPattern + #"\s+"# + monthPattern + yearTailPattern
    /// "the 15th of August".
    private static let dayOfMonth: String = #"(?:\bthe\s+)?"# + dayPattern + #"\s+of\s+"# + monthPattern + yearTailPattern

    static let relativePattern: String =
        #"\b(?:yesterday|today|tomorrow|(?:last|next|this)\s+(?:year|month)|(?:last|next)\s+"#
        + ValuePattern.alternation(weekdayNames.keys) + #")\b"#

    /// The `date` macro.
    static let pattern: String = "(?:" + [
        weekdayPattern + #"(?:,?\s+(?:"# + monthDay + "|" + dayOfMonth + "|" + dayMonth + "))?",
        ValuePattern.digitStart + yearCore + "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])" + ValuePattern.digitEnd,
        ValuePattern.digitStart + "(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])/" + yearCore
            + ValuePattern.digitEnd,
        dayOfMonth, monthDay, dayMonth,
        // A month alone must be capitalized: "may", "march" and "august" are also a verb and an adjective.
        "(?:" + periodPrefix + ")?" + "(?-i:(?=[A-Z]))" + monthPattern + yearTailPattern,
        "(?:" + periodPrefix + "|" + ValuePattern.digitStart + ")" + yearCore + ValuePattern.digitEnd,
        // "late 1891": the prefix makes a year of a figure before 1900.
        periodPrefix + "1[0-8][0-9]{2}" + ValuePattern.digitEnd,
        seasonPattern, decadePattern, agoPattern,
        relativePattern,
    ].joined(separator: "|") + ")"

    /// How `pattern` begins: a weekday, a month (full or abbreviated), "mid", "early" or "late", a season, a number
    /// word before "ago", "yesterday", "today" or "tomorrow"; a digit, or the apostrophe of "'90s"; "the" before a
    /// day, a decade or a season, "last", "this" or "next" before what they place, "a" or "an" before an "ago" unit.
    static let start = FragmentStart(
        words: Set(weekdayNames.keys).union(monthNames.keys).union(monthAbbreviations.keys).union(periodPrefixes)
            .union(seasons.keys).union(agoCounts.keys.filter { $0 != "a" && $0 != "an" })
            .union(["yesterday", "today", "tomorrow"]),
        digitsBeginningWords: true, charactersBeforeDigits: ["'", "\u{2019}"]
    )
    // "the" before a day, a decade or a season (`dayOfMonth`, `decadePattern`, `seasonPattern`).
    .union(.lead(["the"], before: FragmentStart(words: Set(seasons.keys).union(periodPrefixes),
                                                digitsBeginningWords: true, charactersBeforeDigits: ["'", "\u{2019}"])))
    // "last year", "next Tuesday", "this winter" (`relativePattern`, `seasonPattern`).
    .union(.lead(["last", "this", "next"],
                 before: FragmentStart(words: Set(["year", "month"]).union(weekdayNames.keys).union(seasons.keys))))
    // "a year ago" (`agoPattern`).
    .union(.lead(["a", "an"], before: FragmentStart(words: Set(agoUnits + agoUnits.map { $0 + "s" }))))

    /// `date`: any full, partial or relative date; `month`: a month name ("August", "Aug.", "Sept.");
    /// `weekday`: "Wednesday"; `year`: 1900-2099 in four digits.
    public static var macros: [String: String] {
        ["date": pattern, "month": monthPattern, "weekday": weekdayPattern, "year": yearPattern]
    }

    /// Reads a date matched by `date`, `month`, `weekday` or `year` to `.date(...)`. A leading "on" or "in",
    /// which rules usually keep outside the macro, is tolerated.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 16) else { return nil }
        let start = (tokens.isWord(0, "on") || tokens.isWord(0, "in")) && tokens.spaced(1) ? 1 : 0
        for (end, date) in parse(tokens, start, context: context) where end == tokens.count {
            return .date(date)
        }
        if let date = writtenDate(tokens, start) { return .date(date) }
        if let (first, last) = period(tokens, start, context: context) { return .dateRange(first, last) }
        if let (first, last) = span(tokens, start) { return .dateRange(first, last) }
        if let (first, last) = yearSpan(tokens, start) { return .dateRange(first, last) }
        // "the morning of February 15": the day is the claim; the part of the day is read by `dateAndDayPart`.
        if let (date, _) = dayPart(tokens, context: context) { return .date(date) }
        return nil
    }

    // MARK: Parsers

    /// Parses `pattern` at `index`: every reading, as (end index, date). Relative dates that the context cannot
    /// resolve yield no reading.
    static func parse(_ tokens: TokenStream, _ index: Int, context: ReadingContext) -> [(Int, DateValue)] {
        var parses: [(Int, DateValue)] = []
        if let weekday = tokens.word(index).flatMap({ weekdayNames[$0] }) {
            // In a dated document, "on Friday" is the latest Friday on or before its date: news reports the past.
            parses.append((index + 1, pastWeekday(weekday, context: context) ?? DateValue(weekday: weekday)))
            var starts: [Int] = []
            if tokens.spaced(index + 1) { starts.append(index + 1) }
            if tokens.isSymbol(index + 1, ","), tokens.attached(index + 1), tokens.spaced(index + 2) {
                starts.append(index + 2)
            }
            for start in starts {
                for (end, var date) in dayAndMonth(tokens, start) {
                    date.weekday = weekday
                    parses.append((end, date))
                }
            }
        }
        parses += numeric(tokens, index)
        parses += dayAndMonth(tokens, index)
        var monthStart = index
        if let prefix = tokens.word(index), periodPrefixes.contains(prefix) {
            if tokens.isSymbol(index + 1, "-"), tokens.attached(index + 1), tokens.attached(index + 2) {
                monthStart = index + 2
            } else if tokens.spaced(index + 1) {
                monthStart = index + 1
            }
        }
        for (end, month) in month(tokens, monthStart) {
            for (tailEnd, year) in yearTail(tokens, end) {
                parses.append((tailEnd, DateValue(year: year, month: month)))
            }
        }
        if let year = year(tokens, monthStart) { parses.append((monthStart + 1, DateValue(year: year))) }
        if let (end, date) = relative(tokens, index, context: context) { parses.append((end, date)) }
        if let (end, date) = ago(tokens, index, context: context) { parses.append((end, date)) }
        return parses
    }

    /// "the 15th of August", "August 15", "15 August", each with an optional year.
    static func dayAndMonth(_ tokens: TokenStream, _ index: Int) -> [(Int, DateValue)] {
        var parses: [(Int, DateValue)] = []
        let dayStart = tokens.isWord(index, "the") && tokens.spaced(index + 1) ? index + 1 : index
        if let (dayEnd, day) = day(tokens, dayStart) {
            if tokens.isWord(dayEnd, "of"), tokens.spaced(dayEnd), tokens.spaced(dayEnd + 1) {
                for (end, month) in month(tokens, dayEnd + 1) {
                    for (tailEnd, year) in yearTail(tokens, end) {
                        parses.append((tailEnd, DateValue(year: year, month: month, day: day)))
                    }
                }
            }
            if dayStart == index, tokens.spaced(dayEnd) {
                for (end, month) in month(tokens, dayEnd) {
                    for (tailEnd, year) in yearTail(tokens, end) {
                        parses.append((tailEnd, DateValue(year: year, month: month, day: day)))
                    }
                    // "14th April 15", "14 April '15": with the day already stated before the month, two digits
                    // after it can only be the year (read, not looked for).
                    if let (yearEnd, year) = twoDigitYear(tokens, end) {
                        parses.append((yearEnd, DateValue(year: year, month: month, day: day)))
                    }
                }
            }
        }
        for (end, month) in month(tokens, index) where tokens.spaced(end) {
            // "February the 15th".
            let dayStart = tokens.isWord(end, "the") && tokens.spaced(end + 1) && tokens.digits(end + 1) != nil
                ? end + 1 : end
            guard let (dayEnd, day) = day(tokens, dayStart) else { continue }
            for (tailEnd, year) in yearTail(tokens, dayEnd) {
                parses.append((tailEnd, DateValue(year: year, month: month, day: day)))
            }
        }
        return parses
    }

    /// "2025-08-15" and "8/15/2025" (month first, as US newsrooms write it).
    private static func numeric(_ tokens: TokenStream, _ index: Int) -> [(Int, DateValue)] {
        guard let first = tokens.digits(index), let separator = tokens[index + 1]?.text,
              separator == "-" || separator == "/",
              tokens.attached(index + 1), tokens.attached(index + 2), tokens.isSymbol(index + 3, separator),
              tokens.attached(index + 3), tokens.attached(index + 4),
              let second = tokens.digits(index + 2), let third = tokens.digits(index + 4) else { return [] }
        if separator == "-", let year = year(tokens, index), second.count == 2, third.count == 2,
           let month = Int(second), (1...12).contains(month), let day = Int(third), (1...31).contains(day) {
            return [(index + 5, DateValue(year: year, month: month, day: day))]
        }
        if separator == "/", first.count <= 2, let month = Int(first), (1...12).contains(month),
           let day = dayNumber(second), let year = year(tokens, index + 4) {
            return [(index + 5, DateValue(year: year, month: month, day: day))]
        }
        return []
    }

    /// A month name at `index`, with its abbreviation's period when there is one: (end index, month).
    static func month(_ tokens: TokenStream, _ index: Int) -> [(Int, Int)] {
        guard let word = tokens.word(index) else { return [] }
        if let month = monthNames[word] { return [(index + 1, month)] }
        guard let month = monthAbbreviations[word] else { return [] }
        if tokens.isSymbol(index + 1, "."), tokens.attached(index + 1) {
            return [(index + 2, month), (index + 1, month)]
        }
        return [(index + 1, month)]
    }

    /// A day of the month with its optional suffix ("15", "15th", "01").
    static func day(_ tokens: TokenStream, _ index: Int) -> (Int, Int)? {
        if let (end, day) = ordinalDay(tokens, index) { return (end, day) }
        guard let digits = tokens.digits(index), let day = dayNumber(digits) else { return nil }
        if tokens.attached(index + 1), tokens[index + 1]?.kind == .word {
            guard let suffix = tokens.word(index + 1), ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
            return (index + 2, day)
        }
        return (index + 1, day)
    }

    /// "1" to "31", with a leading zero only before a single digit.
    static func dayNumber(_ digits: String) -> Int? {
        guard (1...2).contains(digits.count), let day = Int(digits), (1...31).contains(day) else { return nil }
        if digits.count == 2, digits.first == "0", day == 0 { return nil }
        return day
    }

    /// A four-digit year from 1000 to 2099. The macros match years before 1900 only where a rule frames them
    /// ("in 1163", Rules/dates.yml): a bare "1500" is more often a count.
    static func year(_ tokens: TokenStream, _ index: Int) -> Int? {
        guard let digits = tokens.digits(index), digits.count == 4, let year = Int(digits),
              (1000...2099).contains(year) else { return nil }
        return year
    }

    /// Two digits after `index`, optionally after a comma and with an apostrophe ("15", "'15"), as a year: below
    /// 50 in this century, else in the last one. (end index, year).
    static func twoDigitYear(_ tokens: TokenStream, _ index: Int) -> (Int, Int)? {
        var position = index
        if tokens.isSymbol(position, ","), tokens.attached(position) { position += 1 }
        guard tokens.spaced(position) else { return nil }
        if tokens.isSymbol(position, "'") || tokens.isSymbol(position, "’") {
            guard tokens.attached(position + 1) else { return nil }
            position += 1
        }
        guard let digits = tokens.digits(position), digits.count == 2, digits.allSatisfy(\.isNumber),
              let number = Int(digits) else { return nil }
        return (position + 1, (number < 50 ? 2000 : 1900) + number)
    }

    /// `(?:,?\s+YEAR)?` after `index`: (end index, year or nil).
    static func yearTail(_ tokens: TokenStream, _ index: Int) -> [(Int, Int?)] {
        var parses: [(Int, Int?)] = []
        if tokens.isSymbol(index, ","), tokens.attached(index), tokens.spaced(index + 1),
           let year = year(tokens, index + 1) {
            parses.append((index + 2, year))
        }
        if tokens.spaced(index), let year = year(tokens, index) { parses.append((index + 1, year)) }
        parses.append((index, nil))
        return parses
    }

    // MARK: Relative dates

    /// "yesterday", "last year", "next month", "last Tuesday", resolved against the document's date.
    private static func relative(_ tokens: TokenStream, _ index: Int,
                                 context: ReadingContext) -> (Int, DateValue)? {
        guard let word = tokens.word(index) else { return nil }
        let anchor = context.documentDate
        switch word {
        case "yesterday", "today", "tomorrow":
            let offset = ["yesterday": -1, "today": 0, "tomorrow": 1][word]!
            return anchor?.shifted(byDays: offset).map { (index + 1, $0) }
        case "last", "next", "this":
            guard tokens.spaced(index + 1), let unit = tokens.word(index + 1) else { return nil }
            let direction = ["last": -1, "next": 1, "this": 0][word]!
            switch unit {
            case "year":
                guard let year = anchor?.year else { return nil }
                return (index + 2, DateValue(year: year + direction))
            case "month":
                guard let year = anchor?.year, let month = anchor?.month else { return nil }
                let total = year * 12 + (month - 1) + direction
                return (index + 2, DateValue(year: total / 12, month: total % 12 + 1))
            default:
                guard direction != 0, let weekday = weekdayNames[unit], let anchor,
                      let anchorWeekday = anchor.resolvedWeekday else { return nil }
                // The nearest such weekday strictly before (or after) the document's date.
                var days = (weekday - anchorWeekday) * direction
                if days <= 0 { days += 7 }
                return anchor.shifted(byDays: days * direction).map { (index + 2, $0) }
            }
        default:
            return nil
        }
    }
}
