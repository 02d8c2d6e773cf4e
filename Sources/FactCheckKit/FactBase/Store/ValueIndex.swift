/// How a store indexes a fact's value so that a claim's candidates can be found without reading every fact:
/// a class of mutually comparable kinds, and an interval on one axis that every value the fact can agree with
/// overlaps. Both err on the side of including: the aligner compares the candidates exactly.
enum ValueIndex {
    /// Numbers, money and percentages meet one another (a catch-all figure meets "$3.1 billion").
    static let figureClass = 1
    /// Dates, date ranges and ordinals ("the fifth quarter" meets "the third quarter of 2021").
    static let calendarClass = 2
    static let durationClass = 3
    static let timeClass = 4
    static let quantityClass = 5

    /// Outside every value's interval; R*Tree stores 32-bit floats, so the ends stay finite.
    static let unbounded = 1e38

    static func valueClass(of value: Value) -> Int {
        switch value {
        case .number, .money, .percent: figureClass
        case .date, .dateRange, .ordinal: calendarClass
        case .duration: durationClass
        case .time: timeClass
        case .quantity: quantityClass
        }
    }

    /// The interval a value covers: the range of a figure, the days of a date as yyyymmdd (a month without a day
    /// covers the whole month); everything for what has no single axis (ordinals, times, dates without a year).
    static func interval(of value: Value) -> (low: Double, high: Double) {
        switch value {
        case let .number(range), let .money(range, _), let .percent(range, _), let .duration(range, _),
             let .quantity(range, _):
            return (clamped(range.low), clamped(range.high))
        case let .date(date):
            return (dayNumber(date, end: false), dayNumber(date, end: true))
        case let .dateRange(first, last):
            return (dayNumber(first, end: false), dayNumber(last, end: true))
        case .ordinal, .time:
            return (-unbounded, unbounded)
        }
    }

    private static func clamped(_ value: Double) -> Double {
        value.isNaN ? 0 : min(max(value, -unbounded), unbounded)
    }

    /// yyyymmdd of the first (or last) day a partial date can mean.
    private static func dayNumber(_ date: DateValue, end: Bool) -> Double {
        guard let year = date.year else { return end ? unbounded : -unbounded }
        var months = 1...12
        if let month = date.month {
            months = month...month
        } else if let quarter = date.quarter {
            months = (quarter * 3 - 2)...(quarter * 3)
        }
        // A day means something only within a known month.
        let days = date.month != nil ? (date.day.map { $0...$0 } ?? 1...31) : 1...31
        let month = end ? months.upperBound : months.lowerBound
        let day = end ? days.upperBound : days.lowerBound
        return Double(year * 10_000 + month * 100 + day)
    }
}
