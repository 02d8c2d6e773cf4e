/// Whether a figure is the base a change is measured from ("up 17% from $0.29 in the third quarter of 2019",
/// "compared with 1,250 a year earlier") rather than what the sentence reports. The commonest real error takes a
/// number the source states about something else, and a comparison's base is the nearest such number: a draft
/// that reports the quarter of 2019 as the quarter that "saw a decrease" restates the source's words in another
/// role. The aligner lets a figure be confirmed only by a fact in the same role.
enum ComparisonBase {
    /// Words that introduce the base by themselves.
    static let markers: Set<String> = ["compared", "versus", "vs"]
    /// "from" introduces a base only after a word of change (within `changeReach` words): "down from", "rose 5%
    /// from", not "released from prison in 2019".
    static let changeWords: Set<String> = [
        "up", "down", "rose", "risen", "rising", "fell", "fallen", "falling", "increased", "increase", "increases",
        "decreased", "decrease", "decreases", "grew", "grown", "growth", "declined", "decline", "dropped", "drop",
        "climbed", "jumped", "slipped", "gained", "improved", "higher", "lower", "compared", "change", "changed",
    ]
    /// How far before "from" the word of change may stand ("decreased 22.4% from": two words; "rose to $2.09
    /// billion from": four; "rose by 5.2 percent from": four).
    static let changeReach = 5
    /// Words that may stand between the base's introduction and the figure: articles, prepositions, and the
    /// words of a period ("from $0.29 in the third quarter of last year", "compared to $0.16 last quarter and").
    static let passable: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "in", "of", "for", "to", "with", "and", "same", "last",
        "prior", "previous", "period", "quarter", "year", "month", "week", "levels", "level",
    ]
    /// The most words looked at before the figure.
    static let reach = 10

    /// Whether the figure whose first token is `first` is a comparison's base. Looks at most `reach` +
    /// `changeReach` words back, whatever the sentence's length.
    /// - Parameters:
    ///   - word: the sentence's token at an index, lower-cased.
    ///   - isValue: whether each token lies inside a claim's value.
    static func isBase(at first: Int, word: (Int) -> String, isValue: [Bool]) -> Bool {
        var index = first - 1
        while index >= 0, first - index <= reach {
            let current = word(index)
            if markers.contains(current) { return true }
            if current == "from" {
                return (max(0, index - changeReach)..<index).contains { changeWords.contains(word($0)) }
            }
            guard isValue[index] || passable.contains(current) else { return false }
            index -= 1
        }
        return false
    }
}
