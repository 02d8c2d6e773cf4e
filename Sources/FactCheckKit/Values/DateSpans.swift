import Foundation

/// The dates `DateReader` reads beyond its macro: day ordinals in words ("the first of March"), weekday
/// abbreviations ("Fri, Jul 18", "Jul 18, Fri"), short numeric forms ("3/3/15", "2015-3-3", "31/10/1974", "2/15"),
/// and spans of days ("July 13-15", "from the 13th to the 15th of July", "Aug 8 - Aug 12", "23rd to 26th Oct").
///
/// No macro looks for the numeric forms without a year or the spans: in running text "2/15" is as often a score or
/// a fraction, and a span's ends are claims the `date` macro already finds one by one.
extension DateReader {
    /// Weekday abbreviations, read only beside a date ("Fri, Jul 18"): alone, "sun" and "sat" are words.
    static let weekdayAbbreviations: [String: Int] = [
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]

    /// A day of the month in words: "first", "fifteenth", "thirty-first", "twenty first": (end index, day).
    static func ordinalDay(_ tokens: TokenStream, _ index: Int) -> (Int, Int)? {
        guard let word = tokens.word(index) else { return nil }
        if let tens = NumberWords.tens[word], tens <= 30 {
            var unitIndex = index + 1
            if tokens.isSymbol(unitIndex, "-"), tokens.attached(unitIndex) { unitIndex += 1 }
            if let unit = tokens.word(unitIndex).flatMap({ OrdinalReader.words[$0] }), (1...9).contains(unit),
               tens + unit <= 31 {
                return (unitIndex + 1, tens + unit)
            }
        }
        guard let day = OrdinalReader.words[word], day <= 31 else { return nil }
        return (index + 1, day)
    }

    /// A weekday's full name or abbreviation (with its period) at `index`: (end index, weekday).
    private static func weekday(_ tokens: TokenStream, _ index: Int) -> (Int, Int)? {
        guard let word = tokens.word(index),
              let weekday = weekdayNames[word] ?? weekdayAbbreviations[word] else { return nil }
        return (tokens.isSymbol(index + 1, ".") ? index + 2 : index + 1, weekday)
    }

    /// A date written in one of the forms above, all of `tokens` from `index`.
    static func writtenDate(_ tokens: TokenStream, _ index: Int) -> DateValue? {
        // "Fri, Jul 18" and "Jul 18, Fri".
        if let (end, weekday) = weekday(tokens, index) {
            let start = tokens.isSymbol(end, ",") ? end + 1 : end
            if start > index + 1 || tokens.spaced(start), var date = plainDate(tokens, start, to: tokens.count) {
                date.weekday = weekday
                return date
            }
        }
        for comma in stride(from: tokens.count - 2, to: index, by: -1) where tokens.isSymbol(comma, ",") {
            if let (end, weekday) = weekday(tokens, comma + 1), end == tokens.count,
               var date = plainDate(tokens, index, to: comma) {
                date.weekday = weekday
                return date
            }
        }
        return plainDate(tokens, index, to: tokens.count)
    }

    /// A date without a weekday filling `index..<end`: the macro's forms or a numeric one.
    private static func plainDate(_ tokens: TokenStream, _ index: Int, to end: Int) -> DateValue? {
        for (parseEnd, date) in dayAndMonth(tokens, index) + figures(tokens, index) where parseEnd == end {
            return date
        }
        return nil
    }

    /// Dates in figures: "2015-3-3", "3/3/15", "10-31-74", "31/10/1974", "2/15", "15 / 2". Month first, as US
    /// newsrooms write, unless the first figure cannot be a month; a two-digit year below 50 is in this century.
    static func figures(_ tokens: TokenStream, _ index: Int) -> [(Int, DateValue)] {
        var fields: [String] = []
        var position = index
        var separator: String?
        while let digits = tokens.digits(position), digits.allSatisfy(\.isNumber), fields.count < 3 {
            fields.append(digits)
            position += 1
            guard let symbol = tokens[position], symbol.kind == .symbol, symbol.text == "/" || symbol.text == "-",
                  separator == nil || separator == symbol.text, tokens.digits(position + 1) != nil,
                  fields.count < 3 else { break }
            separator = symbol.text
            position += 1
        }
        guard fields.count >= 2 else { return [] }
        let numbers = fields.compactMap { Int($0) }
        var date: DateValue?
        if fields.count == 3, fields[0].count == 4 {
            date = validated(year: numbers[0], month: numbers[1], day: numbers[2])
        } else if fields.count == 3, fields[2].count == 4 || fields[2].count == 2 {
            let year = fields[2].count == 4 ? numbers[2] : (numbers[2] < 50 ? 2000 : 1900) + numbers[2]
            date = validated(year: year, month: numbers[0], day: numbers[1])
                ?? validated(year: year, month: numbers[1], day: numbers[0])
        } else if fields.count == 2, fields.allSatisfy({ $0.count <= 2 }) {
            date = validated(year: nil, month: numbers[0], day: numbers[1])
                ?? validated(year: nil, month: numbers[1], day: numbers[0])
        } else if fields.count == 2, fields[0].count == 4, separator == "-" || separator == "/" {
            // "2014-10", "2014/10": a month.
            if (1900...2099).contains(numbers[0]), (1...12).contains(numbers[1]) {
                date = DateValue(year: numbers[0], month: numbers[1])
            }
        }
        return date.map { [(position, $0)] } ?? []
    }

    private static func validated(year: Int?, month: Int, day: Int) -> DateValue? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if let year, !(1000...2999).contains(year) { return nil }
        return DateValue(year: year, month: month, day: day)
    }

    // MARK: Spans

    /// Words that join a span's ends.
    private static let spanJoints: Set<String> = ["-", "to", "thru", "through", "till", "until"]

    /// Parses a span of years, the whole text: "1867–1934", "1916 -- 1996" (tokenized copy), "1914-1918". A life,
    /// a term or a war: its years meet only another span's (`DateValue.agreement(withSpanFrom:through:)` leaves a
    /// single year incomparable with it), since a year inside a life is any event of it.
    static func yearSpan(_ tokens: TokenStream, _ index: Int) -> (DateValue, DateValue)? {
        guard let first = year(tokens, index) else { return nil }
        var next = index + 1
        if tokens.isSymbol(next, "-"), tokens.isSymbol(next + 1, "-") {
            next += 2
        } else if let joint = tokens[next], ["-", "–", "—"].contains(joint.text) {
            next += 1
        } else {
            return nil
        }
        guard next + 1 == tokens.count, let last = year(tokens, next), first < last else { return nil }
        return (DateValue(year: first), DateValue(year: last))
    }

    /// A span of days filling the tokens from `index`: (first day, last day).
    static func span(_ tokens: TokenStream, _ index: Int) -> (DateValue, DateValue)? {
        var start = index
        if tokens.isWord(start, "from") || tokens.isWord(start, "between") { start += 1 }
        // Left end: a full day ("July 13", "18th Dec") or a bare day ("13th", "the 13") that takes the right end's
        // month.
        var lefts: [(Int, DateValue)] = dayAndMonth(tokens, start).filter { $0.1.day != nil }
        let dayStart = tokens.isWord(start, "the") ? start + 1 : start
        if let (end, day) = day(tokens, dayStart) { lefts.append((end, DateValue(day: day))) }
        for (leftEnd, left) in lefts {
            guard let joint = tokens[leftEnd], spanJoints.contains(joint.text) || joint.text == "and" else { continue }
            var rightStart = leftEnd + 1
            if tokens.isWord(rightStart, "the") { rightStart += 1 }
            // Right end: a full day, or a bare day that takes the left end's month.
            for (rightEnd, right) in dayAndMonth(tokens, rightStart) where rightEnd == tokens.count && right.day != nil {
                var first = left
                if first.month == nil { first.month = right.month }
                if first.year == nil { first.year = right.year }
                return (first, right)
            }
            if left.month != nil, let (rightEnd, day) = day(tokens, rightStart) {
                for (end, year) in yearTail(tokens, rightEnd) where end == tokens.count {
                    var first = left
                    if first.year == nil { first.year = year }
                    return (first, DateValue(year: first.year, month: first.month, day: day))
                }
            }
        }
        return nil
    }
}
