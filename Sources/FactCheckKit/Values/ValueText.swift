import Foundation

/// Prints a value the way a reporter would write it, in a form its reader reads back to the same value: the
/// round-trip property the readers are tested for ("a value printed and read back is the same value").
public enum ValueText {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]
    private static let weekdayNames = DateValue.weekdayNames
    private static let quantityWords = ["m": "m", "kg": "kg", "m2": "square metres", "l": "litres", "km/h": "km/h",
                                        "°C": "degrees Celsius"]

    /// The value as text, or nil for values no text form states exactly (an interval of seconds, a qualified
    /// sentence, money without a currency).
    public static func text(_ value: Value) -> String? {
        switch value {
        case let .number(range):
            return figure(range)
        case let .percent(range, points):
            return figure(range).map { points ? $0 + " percentage points" : $0 + "%" }
        case let .money(range, currency):
            guard let currency, range.isPoint else { return nil }
            return currency + " " + NumberRange.format(range.low)
        case let .ordinal(position):
            return position > 0 ? "\(position)\(OrdinalReader.suffix(of: position))" : nil
        case let .date(date):
            return self.date(date)
        case let .dateRange(first, last):
            guard let firstText = self.date(DateValue(year: nil, month: first.month, day: first.day)),
                  let lastText = self.date(last), first.year == last.year else { return nil }
            return firstText + " - " + lastText
        case let .duration(range, qualifier):
            guard qualifier == nil, range.isPoint else { return nil }
            return NumberRange.format(range.low) + " seconds"
        case let .time(time):
            return self.time(time)
        case let .quantity(range, unit):
            guard range.isPoint, let word = quantityWords[unit] else { return nil }
            return NumberRange.format(range.low) + " " + word
        }
    }

    /// A number or an interval in words a reader reads back: "1,300", "between 10 and 20", "more than 15".
    private static func figure(_ range: NumberRange) -> String? {
        let low = NumberRange.format(range.low)
        let high = NumberRange.format(range.high)
        switch (range.low.isFinite, range.high.isFinite) {
        case (true, true):
            if range.isPoint { return low }
            guard !range.lowOpen, !range.highOpen, range.isStatedRange else { return nil }
            return "between \(low) and \(high)"
        case (true, false):
            return (range.lowOpen ? "more than " : "at least ") + low
        default:
            return nil
        }
    }

    private static func date(_ date: DateValue) -> String? {
        var text = ""
        if let month = date.month {
            guard (1...12).contains(month) else { return nil }
            text = monthNames[month - 1]
            if let day = date.day { text += " \(day)" }
            if let year = date.year { text += date.day == nil ? " \(year)" : ", \(year)" }
        } else if let year = date.year {
            guard date.day == nil else { return nil }
            text = String(year)
        } else if date.day != nil {
            return nil
        }
        if let weekday = date.weekday {
            guard (1...7).contains(weekday) else { return nil }
            text = text.isEmpty ? weekdayNames[weekday - 1] : weekdayNames[weekday - 1] + ", " + text
        }
        return text.isEmpty ? nil : text
    }

    private static func time(_ time: TimeValue) -> String? {
        let clock: String
        switch time.minutes.count {
        case 1:
            // One reading: a.m. or p.m. for the hours a 12-hour clock shares, the 24-hour clock for the others.
            let minutes = time.minutes[0]
            let hour = minutes / 60
            switch hour {
            case 1...11: clock = String(format: "%d:%02d a.m.", hour, minutes % 60)
            case 12: clock = String(format: "12:%02d p.m.", minutes % 60)
            default: clock = String(format: "%02d:%02d", hour, minutes % 60)
            }
        case 2 where time.minutes[1] - time.minutes[0] == 720 && time.minutes[0] < 720:
            // Both readings of a 12-hour time: written without a.m. or p.m.
            let minutes = time.minutes[0]
            clock = String(format: "%d:%02d", minutes / 60 == 0 ? 12 : minutes / 60, minutes % 60)
        default:
            return nil
        }
        guard let zone = time.zone else { return clock }
        guard let words = TimeReader.zones.first(where: { $0.1 == zone })?.0 else { return nil }
        return clock + " " + words.joined(separator: " ")
    }
}
