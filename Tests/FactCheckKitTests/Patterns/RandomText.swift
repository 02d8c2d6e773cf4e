/// Seeded random text for comparing scans: words that begin values (in every case), digits glued to letters and
/// underscores, punctuation, and characters of two, three and four bytes, among them the two that PCRE2 matches
/// caselessly for an ASCII letter (KELVIN SIGN for k, LONG S for s).
enum RandomText {
    static let pieces = [
        "a", "A", "an", "about", "ABOUT", "Between", "one", "One", "twenty", "seven", "seventy", "sixteen", "six",
        "some", "several", "thousands", "the", "The", "this", "last", "next", "August", "aug", "Sept", "monday",
        "in", "no", "up", "upwards", "over", "more", "less", "half", "dozen", "minus", "usd", "US", "eur", "hkd",
        "5", "17", "2025", "1,300", "3.5", "5bn", "a5", "x7", "_one", "one_", "_", "__", "seven7", "7seven",
        "\u{212A}", "\u{17F}ix", "\u{17F}even", "o\u{212A}", "thou\u{17F}and\u{17F}", "SI\u{212A}",
        "é", "café", "naïve", "€", "£", "¥", "₹", "₽", "−", "–", "—", "’", "'", "’90s", "'90s", "😀", "日本",
        "$", "-", "+", "%", ".", ",", ";", ":", "/", "(", ")", "[", "]", "^", "\\", "u.s.", "o'clock", "per cent",
        "x", "q", "zz", "k", "s", "K", "S",
        // What follows the words that begin a value only before certain others ("a dozen", "at least").
        "at", "as", "least", "hundred", "Few", "couple", "quarter", "estimated", "many", "than", "to", "year",
        "days", "spring", "mid", "Monday", "c", "hk",
    ]
    static let separators = ["", " ", " ", " ", "  ", "\n", "-", ".", ",", "\u{A0}", "\t", "\u{0B}", "\r\n"]

    /// `count` texts of up to `maximumPieces` pieces each, the same for the same seed.
    static func texts(count: Int, maximumPieces: Int = 60, seed: UInt64) -> [String] {
        var generator = ValueMacrosTests.SplitMix(state: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...maximumPieces, using: &generator) {
                text += separators.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!
            }
            return text
        }
    }
}
