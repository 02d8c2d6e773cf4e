import Foundation

/// Numbers written in words: "sixteen", "twenty-one", "one thousand three hundred", "a dozen", "a hundred",
/// "two million", "half", "two-thirds", "a couple of".
///
/// Each form exists twice, as a PCRE2 fragment for the macros and as a token parser for the readers; both are
/// built from the tables below so they name the same words. Parsers return every place the fragment could stop,
/// as (end index, value) pairs, longest first, because a fragment may backtrack into a shorter reading
/// ("between one thousand and five thousand" must not read "one thousand and five" as one number).
enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    /// Words that multiply what precedes them inside a group ("twelve hundred", "two dozen").
    static let multipliers: [String: Double] = ["hundred": 100, "dozen": 12]
    /// Words that close a group ("two million, four hundred thousand").
    /// Scale words, with the wire services' abbreviations ("5 mln", "3 bln", as Reuters and Interfax write them).
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                                           "mln": 1e6, "bln": 1e9, "trln": 1e12]

    /// Scale words a reader accepts but the macros do not look for: Indian numbering ("12 lakh", "3 crore", as
    /// South Asian newsrooms write), plural scales ("three billions", "three thousand millions") and their
    /// abbreviations, which are too short or too ambiguous to find in running text ("cr", "kr").
    static let spokenScales: [String: Double] = [
        "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "lkh": 1e5, "lkhs": 1e5,
        "crore": 1e7, "crores": 1e7, "cr": 1e7, "koti": 1e7, "krore": 1e7, "krores": 1e7, "kr": 1e7,
        "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
    ]
    /// Multipliers a reader accepts after a number only ("two hundred dozens"): alone, "dozens" is vague.
    static let spokenMultipliers: [String: Double] = ["dozens": 12]

    /// Number words that stand alone, read but not looked for: "naught" and "nil" are rare in news and "single" is
    /// far more often an adjective ("a single shot").
    static let spokenUnits: [String: Double] = ["naught": 0, "nought": 0, "nil": 0, "single": 1]

    static func scale(of word: String) -> Double? { scales[word] ?? spokenScales[word] }
    static func multiplier(of word: String) -> Double? { multipliers[word] ?? spokenMultipliers[word] }

    /// Fractions read as numbers: "two-thirds", "a quarter", "half". "a third" is left out: it is far more often
    /// the ordinal ("a third term").
    static let fractions: [([String], Double)] = [
        (["one", "third"], 1.0 / 3), (["two", "thirds"], 2.0 / 3), (["one", "quarter"], 0.25),
        (["three", "quarters"], 0.75), (["three", "fourths"], 0.75), (["one", "half"], 0.5),
        (["a", "half"], 0.5), (["a", "quarter"], 0.25), (["half"], 0.5),
    ]

    // MARK: Fragments

    private static let scaleNames: String = ValuePattern.alternation(scales.keys)

    /// Any whole number in words: "sixteen", "twenty-one", "one thousand three hundred", "one hundred and five",
    /// "a hundred", "twelve hundred", "two million, four hundred thousand", "a dozen", "two dozen",
    /// "half a dozen", "dozen".
    ///
    /// The fragment is a flat sequence of number words rather than a nested grammar: PCRE2 copies the body of a
    /// bounded repeat, and a nested grammar grew past PCRE2's 64 KB code limit. The joints keep the sequence from
    /// swallowing lists ("one, two"): a comma only after thousand/million/..., "and" only after hundred/thousand/...,
    /// a bare space only after a tens word or a multiplier or scale, or before one. Every word is a fixed string and
    /// every joint starts with a non-letter, so the repetition splits only one way and backtracks linearly.
    static let wholePattern: String = {
        let first = "(?:" + ValuePattern.alternation(Array(units.keys) + Array(tens.keys) + ["dozen"])
            + #"|half\s+a(?=\s+dozen\b)|a(?=\s+(?:hundred|dozen|"# + scaleNames + #")\b))"#
        // "twenty - five" is how transcripts write "twenty-five".
        let joint = #"(?:-|(?<=ty)\s-\s|(?<=hundred|thousand|million|billion|trillion),?\s+and\s+"#
            + #"|(?<=thousand|million|billion|trillion),\s+"#
            + #"|(?<=ty|hundred|dozen|thousand|million|billion|trillion)\s+"#
            + #"|\s+(?=(?:hundred|dozen|"# + scaleNames + #")\b))"#
        let word = ValuePattern.alternation(Array(units.keys) + Array(tens.keys) + Array(multipliers.keys)
                                            + Array(scales.keys))
        return #"\b"# + continuationGuard + first + #"\b(?:"# + joint + word + #"\b)*"#
    }()

    /// Keeps a word number from starting in the middle of a longer one ("one" in "twenty-one", "one" in
    /// "a hundred one hundred"): the number that starts earlier already covers it, and without the guard a long
    /// run of number words followed by no unit would be rescanned from each of its words (quadratic time).
    /// "and" joints are left out so that "between one hundred and five hundred" still reads.
    private static let continuationGuard: String = {
        var branches = [#"[a-z]-"#, #"ty\s-\s"#]
        for word in ["ty", "hundred", "dozen"] + scales.keys.sorted() { branches.append(word + #"\s"#) }
        for word in scales.keys.sorted() { branches.append(word + #",\s"#) }
        return "(?<!" + branches.joined(separator: "|") + ")"
    }()

    /// "a couple", "a couple of".
    static let couplePattern = #"\ba\s+couple(?:\s+of)?\b"#

    /// "two-thirds", "two thirds", "a half", "half".
    static let fractionPattern: String = {
        let forms = fractions.map { entry in
            entry.0.map(ValuePattern.escape).joined(separator: entry.0.first == "a" ? #"\s+"# : #"(?:-|\s+)"#)
        }
        return #"\b(?:"# + forms.sorted { $0.count > $1.count }.joined(separator: "|") + #")\b"#
    }()

    // MARK: Parsers

    /// Parses `wholePattern` at `index`.
    static func whole(_ tokens: TokenStream, _ index: Int) -> [(Int, Double)] {
        guard let first = tokens.word(index) else { return [] }
        var reading = Reading()
        var position = index + 1
        var previous = first
        var parses: [(Int, Double)] = []
        if first == "a" || first == "half" {
            // "a" only before hundred/dozen/thousand/..., "half a" only before dozen; neither ends a number.
            var next = index + 1
            if first == "half" {
                guard tokens.isWord(next, "a"), tokens.spaced(next) else { return [] }
                next += 1
            }
            guard tokens.spaced(next), let word = tokens.word(next),
                  first == "a" ? (multipliers[word] != nil || scales[word] != nil) : word == "dozen" else {
                return []
            }
            reading.current = first == "a" ? 1 : 0.5
            guard reading.add(word) else { return [] }
            position = next + 1
            previous = word
            parses.append((position, reading.value))
        } else {
            guard first == "dozen" || units[first] != nil || tens[first] != nil, reading.add(first) else { return [] }
            parses.append((position, reading.value))
            // "one twenty two", as numbers are spoken (flights, prices): a digit word then a tens word is hundreds.
            if let unit = units[first], (1...9).contains(unit), tokens.spaced(position),
               let next = tokens.word(position).flatMap({ tens[$0] }) {
                reading.current = Double(unit * 100 + next)
                position += 1
                previous = tokens.word(position - 1)!
                parses = [(position, reading.value)]
            }
        }
        while let (wordIndex, word) = nextWord(tokens, after: position, previous: previous), reading.add(word) {
            position = wordIndex + 1
            previous = word
            parses.append((position, reading.value))
        }
        return parses.reversed()
    }

    /// The number word after the joint at `position`, if the joint allows one there (see `wholePattern`).
    private static func nextWord(_ tokens: TokenStream, after position: Int, previous: String) -> (Int, String)? {
        let afterScale = scale(of: previous) != nil
        let afterHundredOrScale = afterScale || previous == "hundred"
        var candidates: [Int] = []
        if tokens.isSymbol(position, "-"), tokens.attached(position), tokens.attached(position + 1) {
            candidates.append(position + 1)
        }
        if previous.hasSuffix("ty"), tokens.isSymbol(position, "-"), tokens.spaced(position), tokens.spaced(position + 1) {
            candidates.append(position + 1)
        }
        if tokens.isSymbol(position, ","), tokens.attached(position), tokens.spaced(position + 1) {
            if afterHundredOrScale, tokens.isWord(position + 1, "and"), tokens.spaced(position + 2) {
                candidates.append(position + 2)
            }
            if afterScale { candidates.append(position + 1) }
        }
        if tokens.spaced(position) {
            if afterHundredOrScale, tokens.isWord(position, "and"), tokens.spaced(position + 1) {
                candidates.append(position + 1)
            }
            if previous.hasSuffix("ty") || afterScale || multiplier(of: previous) != nil {
                candidates.append(position)
            } else if let word = tokens.word(position), multiplier(of: word) != nil || scale(of: word) != nil {
                candidates.append(position)
            }
        }
        for candidate in candidates {
            if let word = tokens.word(candidate), isNumberWord(word) { return (candidate, word) }
        }
        return nil
    }

    private static func isNumberWord(_ word: String) -> Bool {
        units[word] != nil || tens[word] != nil || multiplier(of: word) != nil || scale(of: word) != nil
    }

    /// The running value of a number in words: "two million four hundred thousand" is 2 × 10⁶ + 400 × 10³.
    private struct Reading {
        var total = 0.0
        var current = 0.0
        /// The last scale word's factor, while no other word has followed it.
        var openScale: Double?

        var value: Double { total + current }

        /// Adds one number word; false when it is not one.
        mutating func add(_ word: String) -> Bool {
            defer { if NumberWords.scale(of: word) == nil { openScale = nil } }
            if let unit = NumberWords.units[word] ?? NumberWords.tens[word] {
                current += Double(unit)
            } else if let factor = NumberWords.multiplier(of: word) {
                current = (current == 0 ? 1 : current) * factor
            } else if let scale = NumberWords.scale(of: word) {
                if current == 0, let openScale, openScale < scale {
                    // "three thousand millions": a larger scale right after a smaller one multiplies it.
                    total *= scale
                } else {
                    total += (current == 0 ? 1 : current) * scale
                }
                current = 0
                openScale = scale
            } else {
                return false
            }
            return true
        }
    }

    /// Parses `couplePattern` at `index`.
    static func couple(_ tokens: TokenStream, _ index: Int) -> [(Int, Double)] {
        guard let end = tokens.matchWords(["a", "couple"], at: index) ?? tokens.matchWords(["a", "pair"], at: index)
        else { return [] }
        var parses = [(end, 2.0)]
        if tokens.isWord(end, "of"), tokens.spaced(end) { parses.insert((end + 1, 2.0), at: 0) }
        return parses
    }

    /// Parses `fractionPattern` at `index`.
    static func fraction(_ tokens: TokenStream, _ index: Int) -> [(Int, Double)] {
        var parses: [(Int, Double)] = []
        for (words, value) in fractions {
            if let end = tokens.matchWords(words, at: index) {
                parses.append((end, value))
            } else if words.count == 2, words[0] != "a", tokens.isWord(index, words[0]),
                      tokens.isSymbol(index + 1, "-"), tokens.attached(index + 1), tokens.attached(index + 2),
                      tokens.isWord(index + 2, words[1]) {
                parses.append((index + 3, value))
            }
        }
        return parses
    }
}
