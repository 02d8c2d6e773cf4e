import Foundation

/// Reads ordinals: "first" ... "twentieth", "thirty-first", "hundredth", "1st", "2nd", "21st", "111th".
public enum OrdinalReader: ValueReader {
    static let words: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
        "ninetieth": 90, "hundredth": 100,
    ]

    private static var unitWords: [String] { words.filter { (1...9).contains($0.value) }.map(\.key) }

    /// The `ordinal` macro. Digit ordinals must carry the right suffix ("21st", not "21th"); up to seven digits.
    static let pattern: String =
        #"(?:\b"# + ValuePattern.alternation(NumberWords.tens.keys) + #"(?:-|\s+)"#
        + ValuePattern.alternation(unitWords) + #"\b|\b"# + ValuePattern.alternation(words.keys) + #"\b|"#
        + ValuePattern.digitStart + #"(?:[0-9]{0,5}1[0-9]th|(?:[0-9]{0,5}[02-9])?(?:1st|2nd|3rd|[04-9]th))\b)"#

    /// `ordinal`: "third", "thirty-first", "21st".
    public static var macros: [String: String] { ["ordinal": pattern] }

    /// How `pattern` begins: a tens word ("thirty-first"), an ordinal word, or a digit that begins a word.
    static let start = FragmentStart(words: Set(NumberWords.tens.keys).union(words.keys), digitsBeginningWords: true)

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads an ordinal matched by `ordinal` to `.ordinal(n)`.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 4) else { return nil }
        if tokens.count == 2, let digits = tokens.digits(0), digits.count <= 7, digits.allSatisfy(\.isASCII),
           let number = Int(digits), let suffix = tokens.word(1), tokens.attached(1),
           suffix == self.suffix(of: number) {
            return .ordinal(number)
        }
        if tokens.count == 1, let number = tokens.word(0).flatMap({ words[$0] }) { return .ordinal(number) }
        // "twentyfifth": a tens word run into its unit, as some transcripts write it.
        if tokens.count == 1, let word = tokens.word(0) {
            for (tens, ten) in NumberWords.tens where word.hasPrefix(tens) {
                if let unit = words[String(word.dropFirst(tens.count))], (1...9).contains(unit) {
                    return .ordinal(ten + unit)
                }
            }
        }
        // "thirty-first" or "thirty first".
        guard let ten = tokens.word(0).flatMap({ NumberWords.tens[$0] }) else { return nil }
        var unitIndex = 1
        if tokens.count == 3, tokens.isSymbol(1, "-"), tokens.attached(1), tokens.attached(2) {
            unitIndex = 2
        } else if !(tokens.count == 2 && tokens.spaced(1)) {
            return nil
        }
        guard let unit = tokens.word(unitIndex).flatMap({ words[$0] }), (1...9).contains(unit) else { return nil }
        return .ordinal(ten + unit)
    }

    /// The suffix English writes after a number: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
    static func suffix(of number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
