/// Whether a claim states its value, denies it, or only supposes it.
///
/// "16 prisoners were released" states; "the 12-year sentence was not imposed" denies; "1,300 detainees may be
/// freed" supposes. A denial says nothing about what did happen, so it is compared only with denials; a
/// supposition is weaker evidence for a statement than another statement is (see `Aligner`).
public enum Assertion: String, Sendable, Equatable {
    case stated
    case negated
    case hypothetical

    /// Words that make a clause a supposition rather than a statement. Forecasts ("expects", "will") are not
    /// among them: newsrooms and companies report guidance and schedules as claims to be checked.
    static let hypotheticalCues: Set<String> = [
        "may", "might", "could", "would", "if", "unless", "possibly", "potentially", "perhaps", "whether",
    ]

    /// Words that deny a clause.
    static let negationCues: Set<String> = ["not", "never", "neither", "nor"]

    /// Words after a negation that make it part of a bound or a contrast, not a denial: "not until 11 a.m.",
    /// "not more than 16", "not only 16".
    static let boundingWords: Set<String> = [
        "until", "till", "before", "after", "more", "less", "fewer", "over", "under", "only", "just", "least", "quite",
        "even", "merely", "yet",
    ]

    /// The verbs whose contraction with "n't" is split at a typographic apostrophe ("didn’t" → "didn", "t").
    static let contractedVerbs: Set<String> = [
        "didn", "doesn", "don", "wasn", "weren", "isn", "aren", "hasn", "haven", "hadn", "won", "wouldn", "couldn",
        "shouldn", "can", "mustn",
    ]

    /// The assertion of the claim whose clause holds `clause` (token indexes of the sentence), its value's tokens
    /// excluded: the first cue found decides, a supposition before a denial ("may not").
    static func of(clause: [Int], tokens: [Terms.Token], excluding isValue: (Int) -> Bool) -> Assertion {
        var negated = false
        for index in clause where !isValue(index) {
            let word = tokens[index].text.lowercased()
            if hypotheticalCues.contains(word) { return .hypothetical }
            guard isNegation(word, at: index, in: tokens) else { continue }
            let next = clause.first { $0 > index && !(tokens[$0].text.lowercased() == "t") }
            if let next, boundingWords.contains(tokens[next].text.lowercased()) { continue }
            // "did not land until 11:00 a.m." says when it landed.
            if clause.contains(where: { $0 > index && ["until", "till"].contains(tokens[$0].text.lowercased()) }) { continue }
            negated = true
        }
        return negated ? .negated : .stated
    }

    private static func isNegation(_ word: String, at index: Int, in tokens: [Terms.Token]) -> Bool {
        if negationCues.contains(word) || word.hasSuffix("n't") { return true }
        // "didn’t": the tokenizer keeps only the ASCII apostrophe inside a word.
        return word == "t" && index > 0 && contractedVerbs.contains(tokens[index - 1].text.lowercased())
            && tokens[index].range.lowerBound > tokens[index - 1].range.upperBound
    }
}
