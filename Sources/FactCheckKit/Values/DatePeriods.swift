import Foundation

/// The dates `DateReader` reads as periods or counts back from the document's date: seasons ("summer 2021", "in
/// the spring of 2020", "last winter"), decades ("the 1990s", "the '90s", "the early 2010s") and "N units ago"
/// ("three days ago", "two weeks ago", "a year ago").
///
/// Seasons and decades are `dateRange`s of whole days, so a full date inside one agrees with it and a full date
/// outside it disagrees. Seasons are the northern hemisphere's meteorological ones: spring March–May, summer
/// June–August, autumn (or fall) September–November, winter December–February. A winter is named by the year of its
/// January and February, as meteorologists label it: "winter 2021" is December 2020 to February 2021.
extension DateReader {
    /// Season → (first month, last month). Winter's first month falls in the previous year.
    static let seasons: [String: (Int, Int)] = [
        "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    ]
    /// "a"/"an" and the unit words one to twelve: the counts "N units ago" is usually written with. Larger counts are
    /// written in digits.
    static let agoCounts: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// The units "N units ago" is written with.
    static let agoUnits = ["day", "week", "month", "year"]

    // MARK: Fragments

    private static let seasonWord = ValuePattern.alternation(seasons.keys)

    /// "summer 2021", "the spring of 2020", "last winter". A season word alone is never a date: "spring" and "fall"
    /// are also a verb and a noun, so a year or "last/this/next" must go with it.
    static let seasonPattern: String =
        #"(?:\b(?:the\s+)?"# + seasonWord + #"(?:\s+of)?\s+"# + yearPattern
        + #"|\b(?:last|this|next)\s+"# + seasonWord + #"\b)"#

    /// "the 1990s", "1990s", "the '90s", "the early 2010s", "mid-1990s", "the 1890s" (but not "the 1800s", which is
    /// as often the century).
    static let decadePattern: String =
        #"(?:\bthe\s+)?(?:(?:"# + periodPrefix + "|" + ValuePattern.digitStart + #")(?:19|20)[0-9]0|(?:"#
        + periodPrefix + "|" + ValuePattern.digitStart + #")1[0-8][1-9]0|(?:"#
        + periodPrefix + #")?(?<!\w)['’][0-9]0)s\b"#

    /// "three days ago", "2 weeks ago", "a year ago".
    static let agoPattern: String =
        #"(?:\b"# + ValuePattern.alternation(agoCounts.keys) + "|" + ValuePattern.digitStart + "[0-9]{1,2})"
        + #"\s+"# + ValuePattern.alternation(agoUnits) + #"s?\s+ago\b"#

    // MARK: Parsers

    /// A season or decade filling the tokens from `index`: (first day, last day).
    static func period(_ tokens: TokenStream, _ index: Int, context: ReadingContext) -> (DateValue, DateValue)? {
        season(tokens, index, context: context) ?? decade(tokens, index)
    }

    /// "summer 2021", "the summer of 2021", "last/this/next summer" (against the document's year and month).
    private static func season(_ tokens: TokenStream, _ index: Int,
                               context: ReadingContext) -> (DateValue, DateValue)? {
        if let word = tokens.word(index), ["last", "this", "next"].contains(word), tokens.spaced(index + 1),
           index + 2 == tokens.count, let name = tokens.word(index + 1), let months = seasons[name],
           let year = context.documentDate?.year, let month = context.documentDate?.month {
            return relativeSeason(months, direction: ["last": -1, "this": 0, "next": 1][word]!, year: year,
                                  month: month)
        }
        var position = tokens.isWord(index, "the") && tokens.spaced(index + 1) ? index + 1 : index
        guard let name = tokens.word(position), let months = seasons[name] else { return nil }
        position += 1
        if tokens.isWord(position, "of"), tokens.spaced(position) { position += 1 }
        guard tokens.spaced(position), position + 1 == tokens.count, let year = year(tokens, position) else {
            return nil
        }
        return seasonRange(months, endingIn: year)
    }

    /// The season whose last month falls in `year`.
    private static func seasonRange(_ months: (Int, Int), endingIn year: Int) -> (DateValue, DateValue) {
        let firstYear = months.0 > months.1 ? year - 1 : year
        return (DateValue(year: firstYear, month: months.0, day: 1),
                DateValue(year: year, month: months.1, day: lastDay(year: year, month: months.1)))
    }

    /// "last summer" is the latest summer that ended before the document's month, "next summer" the first that
    /// starts after it, "this summer" the one that ends in the document's season year (a winter document's own
    /// winter; otherwise the one in the document's year, or starting in its December).
    private static func relativeSeason(_ months: (Int, Int), direction: Int, year: Int,
                                       month: Int) -> (DateValue, DateValue) {
        let now = year * 12 + month - 1
        // The season ending in `end` starts (months.1 - months.0) mod 12 months earlier.
        let length = (months.1 - months.0 + 12) % 12
        // Candidate end years around the document's year, as month indexes.
        let ends = (year - 1...year + 2).map { ($0, $0 * 12 + months.1 - 1) }
        switch direction {
        case -1:
            let end = ends.last { $0.1 < now }!.0
            return seasonRange(months, endingIn: end)
        case 1:
            let end = ends.first { $0.1 - length > now }!.0
            return seasonRange(months, endingIn: end)
        default:
            let end = ends.first { $0.1 >= now }!.0
            return seasonRange(months, endingIn: end)
        }
    }

    /// "the 1990s", "1990s", "the '90s" (two digits below 50 in this century), with "early", "mid" or "late",
    /// which narrow the decade without changing it.
    private static func decade(_ tokens: TokenStream, _ index: Int) -> (DateValue, DateValue)? {
        var position = tokens.isWord(index, "the") && tokens.spaced(index + 1) ? index + 1 : index
        if let prefix = tokens.word(position), periodPrefixes.contains(prefix) {
            if tokens.isSymbol(position + 1, "-"), tokens.attached(position + 1), tokens.attached(position + 2) {
                position += 2
            } else if tokens.spaced(position + 1) {
                position += 1
            } else {
                return nil
            }
        }
        var start: Int
        if tokens.isSymbol(position, "'") || tokens.isSymbol(position, "’") {
            guard tokens.attached(position + 1), let digits = tokens.digits(position + 1), digits.count == 2,
                  let number = Int(digits), number % 10 == 0 else { return nil }
            start = (number < 50 ? 2000 : 1900) + number
            position += 2
        } else {
            guard let digits = tokens.digits(position), digits.count == 4, let number = Int(digits),
                  (1010...2099).contains(number), number % 10 == 0, number >= 1900 || number % 100 != 0 else { return nil }
            start = number
            position += 1
        }
        guard tokens.isWord(position, "s"), tokens.attached(position), position + 1 == tokens.count else { return nil }
        return (DateValue(year: start, month: 1, day: 1), DateValue(year: start + 9, month: 12, day: 31))
    }

    /// "three days ago", "two weeks ago" (full dates, from a full document date), "a month ago" (a month), "a year
    /// ago" (a year): as precise as the phrase and the document's date allow. (end index, date).
    static func ago(_ tokens: TokenStream, _ index: Int, context: ReadingContext) -> (Int, DateValue)? {
        let count: Int
        if let word = tokens.word(index), let number = agoCounts[word] {
            count = number
        } else if let digits = tokens.digits(index), digits.count <= 2, let number = Int(digits) {
            count = number
        } else {
            return nil
        }
        guard tokens.spaced(index + 1), var unit = tokens.word(index + 1), tokens.isWord(index + 2, "ago"),
              tokens.spaced(index + 2), let anchor = context.documentDate else { return nil }
        if unit.hasSuffix("s") { unit.removeLast() }
        switch unit {
        case "day", "week":
            return anchor.shifted(byDays: -count * (unit == "week" ? 7 : 1)).map { (index + 3, $0) }
        case "month":
            guard let year = anchor.year, let month = anchor.month else { return nil }
            let total = year * 12 + (month - 1) - count
            return (index + 3, DateValue(year: total / 12, month: total % 12 + 1))
        case "year":
            guard let year = anchor.year else { return nil }
            return (index + 3, DateValue(year: year - count))
        default:
            return nil
        }
    }

    /// A bare weekday in a dated document: the latest such day on or before the document's date (news reports the
    /// past), keeping the weekday. Nil without a full document date.
    ///
    /// Duckling reads a weekday alone forwards (the next Thursday); its harness therefore reads weekdays without
    /// the document date (`DucklingCorpus.clockSpanPasses`).
    static func pastWeekday(_ weekday: Int, context: ReadingContext) -> DateValue? {
        guard let anchor = context.documentDate, let anchorWeekday = anchor.resolvedWeekday,
              anchor.day != nil else { return nil }
        let days = (anchorWeekday - weekday + 7) % 7
        guard var date = anchor.shifted(byDays: -days) else { return nil }
        date.weekday = weekday
        return date
    }

    /// The last day of a month, leap years included.
    static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
