/// Reads reporting periods: "the third quarter of 2021", "fourth-quarter 2020", "Q3 2021", "Q4 FY2021",
/// "2021 Q3". A period needs its year: "the third quarter" alone is an ordinal claim about a quarter.
///
/// Earnings calls and the summaries of them name periods this way; read as one date (year and quarter), "the
/// third quarter of 2020" meets "the third quarter of 2021" as one value, not as an ordinal and a stray year.
public enum PeriodReader: ValueReader {
    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4,
                                          "1st": 1, "2nd": 2, "3rd": 3, "4th": 4]
    private static let year = "(?:19|20)[0-9]{2}"
    static let pattern: String =
        #"\b(?:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter(?:\s+of)?\s+"#
        + #"(?:fiscal\s+(?:year\s+)?|fy\s?)?"# + year
        + #"|q[1-4]\s*(?:of\s+)?(?:fiscal\s+(?:year\s+)?|fy\s?)?['’]?"# + year
        + #"|"# + year + #"\s+q[1-4])\b"#

    public static var macros: [String: String] { ["period": pattern] }

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    public static func read(_ text: String, context: ReadingContext) -> Value? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var quarter: Int?
        var year: Int?
        for word in words {
            if let ordinal = ordinals[word] {
                quarter = ordinal
            } else if word.count == 2, word.first == "q", let digit = Int(String(word.last!)), (1...4).contains(digit) {
                quarter = digit
            } else if word.hasPrefix("fy"), let value = Int(word.dropFirst(2)), (1900...2099).contains(value) {
                year = value
            } else if word.count == 4, let value = Int(word), (1900...2099).contains(value) {
                year = value
            }
        }
        guard let quarter, let year else { return nil }
        return .date(DateValue(year: year, quarter: quarter))
    }
}
