/// The year a document's bare quarters belong to: an earnings report that says "third quarter 2020" and then
/// "Third quarter adjusted earnings were $0.34" means the third quarter of 2020 both times. Without it a bare
/// "third quarter" confirms a draft's "third quarter of 2021", since a quarter without a year agrees with any.
///
/// The year is the one the document's own dated quarters name most often, strictly: a report that compares the
/// quarter with the same quarter of the year before names its own year more often; a tie leaves bare quarters
/// as they are. "The third quarter of last year" is the year before; a bare quarter that other words give a year
/// the report's cannot tell ("of next year", "of fiscal 2021") is left alone.
enum ReportingYear {
    /// The year the dated quarters name most often; nil when none do or two years tie.
    static func year(ofQuarters periods: [DateValue]) -> Int? {
        var counts: [Int: Int] = [:]
        for period in periods where period.quarter != nil {
            if let year = period.year { counts[year, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let first = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].value == first.value { return nil }
        return first.key
    }

    /// Phrases after a bare quarter that put it in the year before the report's: an earnings report compares
    /// "the third quarter of last year".
    static let yearBeforePhrases: [[String]] = [
        ["of", "last", "year"], ["last", "year"], ["a", "year", "ago"], ["a", "year", "earlier"],
        ["of", "the", "previous", "year"], ["of", "the", "prior", "year"], ["of", "the", "year", "before"],
        ["the", "year", "before"], ["of", "prior", "year"],
    ]

    /// The year a bare quarter is in, relative to the report's (0 or -1), from the words that follow it; nil
    /// when they give it another year the report's cannot tell ("of next year", "of fiscal 2021").
    static func yearOffset(after following: String) -> Int? {
        let words = following.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(4).map(String.init)
        if yearBeforePhrases.contains(where: { words.starts(with: $0) }) { return -1 }
        guard let first = words.first else { return 0 }
        return ["of", "in", "next", "this"].contains(first) || first.allSatisfy(\.isNumber) ? nil : 0
    }
}
