import Foundation

/// A part of the day stated beside a date: "the 15th of February in the morning", "on the morning of May 3",
/// "Friday night". `DateReader` reads the date and leaves the part aside (a claim's day is what a date rule
/// compares); `DateReader.dateAndDayPart(_:context:)` returns both for a caller that needs the hours.
public enum DayPart: String, Equatable, Sendable, CaseIterable {
    case morning
    case afternoon
    case evening
    case night

    /// The clock minutes the part covers, end excluded. Bounds follow Duckling's (morning until noon, afternoon
    /// noon to 19:00, evening and night 18:00 to midnight), so the corpus compares like with like.
    public var minutes: Range<Int> {
        switch self {
        case .morning: 0..<720
        case .afternoon: 720..<1140
        case .evening, .night: 1080..<1440
        }
    }

    /// The part named by one word ("morning", "mornings" is not a date's part).
    static func named(_ word: String?) -> DayPart? {
        word.flatMap { DayPart(rawValue: $0) }
    }
}

extension DateReader {
    /// A date with a part of the day around it: "February the 15th in the morning", "15 of February in the
    /// evening", "the morning of the 15th of February", "on the night of March 3", "Friday night".
    /// - Returns: the date and the part, or nil when the text is not a date with a part of the day.
    public static func dateAndDayPart(_ text: String, context: ReadingContext) -> (DateValue, DayPart)? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 16) else { return nil }
        return dayPart(tokens, context: context)
    }

    /// See `dateAndDayPart(_:context:)`; on tokens.
    static func dayPart(_ tokens: TokenStream, context: ReadingContext) -> (DateValue, DayPart)? {
        func date(_ from: Int, _ to: Int) -> DateValue? {
            let text = (from..<to).compactMap { tokens[$0] }.enumerated()
                .map { $0.offset > 0 && $0.element.spaced ? " " + $0.element.text : $0.element.text }.joined()
            guard case let .date(value)? = read(text, context: context) else { return nil }
            return value
        }
        let count = tokens.count
        // Part first: "[on] [the] morning of DATE".
        var start = tokens.isWord(0, "on") ? 1 : 0
        if tokens.isWord(start, "the") { start += 1 }
        if let part = DayPart.named(tokens.word(start)), tokens.isWord(start + 1, "of"), start + 2 < count,
           let value = date(start + 2, count) {
            return (value, part)
        }
        // Part last: "DATE in the morning", "DATE morning" (a weekday or a day: "Friday night").
        if count >= 2, let part = DayPart.named(tokens.word(count - 1)) {
            if count >= 4, tokens.isWord(count - 3, "in"), tokens.isWord(count - 2, "the"),
               let value = date(0, count - 3) {
                return (value, part)
            }
            if let value = date(0, count - 1) { return (value, part) }
        }
        return nil
    }
}
