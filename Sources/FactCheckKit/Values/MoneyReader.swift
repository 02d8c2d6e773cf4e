import Foundation

/// Reads amounts of money: "$0.13", "$3.1 billion", "$5bn", "£100m", "€1.2M", "US$40", "USD 40", "1,000 dollars",
/// "15 Euros", "40 cents", "about $5 million", "$10-20 million", "between $5 and $10 million".
///
/// The currency is an ISO 4217 code: "$" and "dollars" are read as US dollars, as a US newsroom means them.
/// Amounts follow the number rules: a decimal figure with a scale ("$3.1 billion") is rounded at its last digit
/// within 2%, so "$3 billion" and "$3.1 billion" disagree.
public enum MoneyReader: ValueReader {
    /// Currency symbols written before the figure.
    static let symbols: [String: String] = [
        "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₽": "RUB", "₹": "INR",
    ]
    /// Letters written against "$": "US$", "C$", "A$".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "c": "CAD", "a": "AUD", "au": "AUD", "hk": "HKD", "nz": "NZD", "s": "SGD",
    ]
    /// ISO codes, before or after the figure.
    static let codes: Set<String> = ["usd", "eur", "gbp", "jpy", "cny", "rub", "chf", "cad", "aud", "inr", "uah",
                                     "byn", "hkd", "nzd", "sgd"]
    /// Currency words after the figure: (words, code, factor to the main unit).
    static let currencyWords: [([String], String, Double)] = [
        (["dollars"], "USD", 1), (["dollar"], "USD", 1), (["us", "dollars"], "USD", 1), (["bucks"], "USD", 1),
        (["canadian", "dollars"], "CAD", 1), (["australian", "dollars"], "AUD", 1),
        (["euros"], "EUR", 1), (["euro"], "EUR", 1), (["pounds"], "GBP", 1), (["pound"], "GBP", 1),
        (["pounds", "sterling"], "GBP", 1), (["sterling"], "GBP", 1), (["yen"], "JPY", 1), (["yuan"], "CNY", 1),
        (["renminbi"], "CNY", 1), (["roubles"], "RUB", 1), (["rubles"], "RUB", 1), (["rouble"], "RUB", 1),
        (["ruble"], "RUB", 1), (["rupees"], "INR", 1), (["rupee"], "INR", 1), (["francs"], "CHF", 1),
        (["swiss", "francs"], "CHF", 1), (["hryvnias"], "UAH", 1), (["hryvnia"], "UAH", 1),
        (["cents"], "USD", 0.01), (["cent"], "USD", 0.01), (["pence"], "GBP", 0.01),
    ]

    // MARK: Fragments

    private static let symbolPattern: String =
        #"(?:\b"# + ValuePattern.alternation(dollarPrefixes.keys) + #"\$|(?<![\w\$])["#
        + symbols.keys.sorted().map(ValuePattern.escape).joined() + "])"
    private static let codePattern: String = #"\b"# + ValuePattern.alternation(codes) + #"\b"#
    private static let leadPattern: String = "(?:" + symbolPattern + #"\s*|"# + codePattern + #"\s+)"#
    private static let core: String =
        Amount.digitCorePattern(abbreviations: Amount.moneyScaleAbbreviations, spacedAbbreviations: true,
                                tokenizedThousands: true)
    private static let currencyPattern: String =
        "(?:" + codePattern + "|" + #"\b"# + ValuePattern.alternation(currencyWords.map(\.0)) + #"\b)"#

    /// The `money` macro.
    static let pattern: String = "(?:" + [
        #"\bbetween\s+"# + leadPattern + core + ValuePattern.digitEnd + #"\s+and\s+"# + leadPattern + "?" + core
            + ValuePattern.digitEnd,
        "(?:" + Hedge.pattern + #"\s+)?"# + leadPattern + core + #"(?:(?:\s*"# + ValuePattern.rangeDash
            + #"\s*|\s+to\s+)"# + leadPattern + "?" + core + ")?" + ValuePattern.digitEnd,
        NumberReader.pattern + #"\s+"# + currencyPattern,
    ].joined(separator: "|") + ")"

    /// `money`: an amount with its currency symbol, code or word, and its hedge or range.
    public static var macros: [String: String] { ["money": pattern] }

    /// How `pattern` begins: "between" or a hedge, a lead (a symbol, a code, a dollar prefix before its "$"), or a
    /// number.
    static let start: FragmentStart =
        NumberReader.start.union(Hedge.start).union(FragmentStart(
            words: Set(["between"]).union(codes), characters: Set(symbols.keys.flatMap(\.unicodeScalars))))
            .union(.lead(dollarPrefixes.keys, before: FragmentStart(characters: ["$"])))

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads money matched by `money` to `.money(range, currency:)`.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(joiningTokenizedThousands(TokenStream.trimmed(text))) else { return nil }
        for (end, range, currency) in parse(tokens, 0) where end == tokens.count {
            return .money(range, currency: currency)
        }
        return nil
    }

    /// "£70, 000" as "£70,000": tokenized copy sets a thousands group apart after its comma. Only a group of
    /// exactly three digits, after one to three, is joined; the pattern matched nothing else.
    static func joiningTokenizedThousands(_ text: String) -> String {
        guard text.contains(", ") else { return text }
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index]) }
        var joined = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == ",", index + 1 < scalars.count, scalars[index + 1] == " ", isDigit(index - 1),
               isDigit(index + 2), isDigit(index + 3), isDigit(index + 4), !isDigit(index + 5) {
                joined.append(",")
                index += 2
                continue
            }
            joined.append(scalars[index])
            index += 1
        }
        return String(joined)
    }

    // MARK: Parsers

    /// Parses `pattern` at `index`: (end index, amount, currency).
    static func parse(_ tokens: TokenStream, _ index: Int) -> [(Int, NumberRange, String?)] {
        var parses: [(Int, NumberRange, String?)] = []
        // between $5 and $10 million
        if tokens.isWord(index, "between"), tokens.spaced(index + 1) {
            for (leadEnd, currency) in lead(tokens, index + 1) {
                for (lowEnd, low) in amount(tokens, leadEnd)
                where tokens.isWord(lowEnd, "and") && tokens.spaced(lowEnd) && tokens.spaced(lowEnd + 1) {
                    for start in optionalLead(tokens, lowEnd + 1) {
                        for (highEnd, high) in amount(tokens, start) {
                            parses.append((highEnd, Amount.span(low, high), currency))
                        }
                    }
                }
            }
        }
        // [hedge] $5 million [- $10 million]
        let hedge = Hedge.parse(tokens, index)
        for (leadEnd, currency) in lead(tokens, hedge?.0 ?? index) {
            for (end, low) in amount(tokens, leadEnd) {
                var ranges: [(Int, NumberRange)] = []
                var highStarts: [Int] = []
                if tokens.isSymbol(end, "-") { highStarts += optionalLead(tokens, end + 1) }
                if tokens.isWord(end, "to"), tokens.spaced(end), tokens.spaced(end + 1) {
                    highStarts += optionalLead(tokens, end + 1)
                }
                for start in highStarts {
                    for (highEnd, high) in amount(tokens, start) { ranges.append((highEnd, Amount.span(low, high))) }
                }
                ranges.append((end, low.range))
                for (rangeEnd, range) in ranges {
                    parses.append((rangeEnd, hedge.map { $0.1.apply(to: range) } ?? range, currency))
                }
            }
        }
        // 1,000 dollars, about two million euros, 40 cents
        for (end, range) in NumberReader.range(tokens, index) where tokens.spaced(end) {
            for (currencyEnd, currency, factor) in currencyAfter(tokens, end) {
                let scaled = factor == 1 ? range : NumberRange(low: Amount.decimal(range.low * factor),
                                                               high: Amount.decimal(range.high * factor),
                                                               lowOpen: range.lowOpen, highOpen: range.highOpen,
                                                               isStatedRange: range.isStatedRange)
                parses.append((currencyEnd, scaled, currency))
            }
        }
        return parses
    }

    /// A figure after a currency symbol or code, with money's scale abbreviations ("$5b").
    private static func amount(_ tokens: TokenStream, _ index: Int) -> [(Int, Amount)] {
        Amount.digitCore(tokens, index, abbreviations: Amount.moneyScaleAbbreviations, spacedAbbreviations: true)
    }

    /// A currency symbol or code before a figure: (index of the figure, currency).
    private static func lead(_ tokens: TokenStream, _ index: Int) -> [(Int, String)] {
        guard let token = tokens[index] else { return [] }
        switch token.kind {
        case .symbol:
            return symbols[token.text].map { [(index + 1, $0)] } ?? []
        case .word:
            if let currency = dollarPrefixes[token.text], tokens.isSymbol(index + 1, "$"), tokens.attached(index + 1) {
                return [(index + 2, currency)]
            }
            if codes.contains(token.text), tokens.spaced(index + 1) { return [(index + 1, token.text.uppercased())] }
            return []
        case .digits:
            return []
        }
    }

    /// The start of a range's high end, which may repeat the currency ("$10 million to $20 million").
    private static func optionalLead(_ tokens: TokenStream, _ index: Int) -> [Int] {
        lead(tokens, index).map(\.0) + [index]
    }

    /// Currency codes or words after a figure: (end index, currency, factor to the main unit).
    private static func currencyAfter(_ tokens: TokenStream, _ index: Int) -> [(Int, String, Double)] {
        var found: [(Int, String, Double)] = []
        if let word = tokens.word(index), codes.contains(word) { found.append((index + 1, word.uppercased(), 1)) }
        for (words, currency, factor) in currencyWords {
            if let end = tokens.matchWords(words, at: index) { found.append((end, currency, factor)) }
        }
        return found
    }
}
