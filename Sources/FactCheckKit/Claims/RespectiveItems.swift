/// The item a figure of a "respectively" list is about: in "sales and profit rose 7% and 12% respectively" the
/// first figure is about sales and the second about profit, though both words stand as near to each. Without the
/// pairing a draft that swaps the two figures restates the source's words around either of them.
enum RespectiveItems {
    /// How many tokens before the figures the list of items may end ("Acme and Zenith, the two firms, hired").
    static let itemReach = 12

    /// For the figure whose tokens run from `first` through `last`: the token of the item it is about and the
    /// tokens of the list's other items; nil unless the figure is one of a list of figures that "respectively"
    /// closes and a list of as many single-word items stands before it ("A and B", "A, B and C").
    /// - Parameters:
    ///   - word: the sentence's token at an index, lower-cased.
    ///   - isValue: whether each token lies inside a claim's value.
    static func items(forValueFrom first: Int, through last: Int, word: (Int) -> String,
                      isValue: [Bool]) -> (own: Int, others: [Int])? {
        let count = isValue.count
        func isSeparator(_ index: Int) -> Bool { index >= 0 && index < count && (word(index) == "," || word(index) == "and") }
        // The runs of value tokens joined by separators around this figure: its place among them.
        func runStart(endingAt end: Int) -> Int {
            var start = end
            while start > 0, isValue[start - 1] { start -= 1 }
            return start
        }
        var runsBefore = 0
        var chainStart = first
        var index = first - 1
        while index >= 0 {
            var gap = index
            while isSeparator(gap) { gap -= 1 }
            guard gap < index, gap >= 0, isValue[gap] else { break }
            chainStart = runStart(endingAt: gap)
            runsBefore += 1
            index = chainStart - 1
        }
        var runsAfter = 0
        index = last + 1
        while index < count {
            var gap = index
            while gap < count, isSeparator(gap) { gap += 1 }
            guard gap > index, gap < count, isValue[gap] else { break }
            var end = gap
            while end + 1 < count, isValue[end + 1] { end += 1 }
            runsAfter += 1
            index = end + 1
        }
        // The figures' unit may stand before "respectively" ("10, 12 and 15 points, respectively").
        var closing = index
        while closing < count, closing - index < 2, !isSeparator(closing), word(closing) != "respectively" { closing += 1 }
        if closing < count, word(closing) == "," { closing += 1 }
        let figures = runsBefore + 1 + runsAfter
        guard figures >= 2, closing < count, word(closing) == "respectively" else { return nil }
        // The items: the nearest "and" before the figures with a word on either side, then ", word" pairs
        // before it until there are as many items as figures.
        var joint = chainStart - 1
        while joint > 0, chainStart - joint <= itemReach, word(joint) != "and" { joint -= 1 }
        guard joint > 0, chainStart - joint <= itemReach, joint + 1 < chainStart,
              !isValue[joint - 1], !isValue[joint + 1], !isSeparator(joint - 1), !isSeparator(joint + 1) else { return nil }
        var items = [joint - 1, joint + 1]
        var comma = joint - 2
        while items.count < figures, comma > 0, word(comma) == ",", !isValue[comma - 1], !isSeparator(comma - 1) {
            items.insert(comma - 1, at: 0)
            comma -= 2
        }
        guard items.count == figures else { return nil }
        var others = items
        let own = others.remove(at: runsBefore)
        return (own, others)
    }
}
