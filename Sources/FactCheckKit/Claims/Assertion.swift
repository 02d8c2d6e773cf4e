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

    /// What a word of a sentence says about the assertion of its clause.
    enum Cue {
        case none
        /// A word of `hypotheticalCues`.
        case hypothetical
        /// A denial: a word of `negationCues`, a contraction with "n't", or the "t" of one split at a typographic
        /// apostrophe.
        case negation
    }

    /// The cue of each word of a sentence: worked out once per sentence, then read for each claim's clause.
    static func cues(of words: SentenceWords) -> [Cue] {
        words.lowered.indices.map { index in
            if words.classes[index].contains(.hypotheticalCue) { return .hypothetical }
            if words.classes[index].contains(.negationCue) { return .negation }
            return isContractedNegation(words.lowered[index], at: index, in: words) ? .negation : .none
        }
    }

    /// The assertion of the claim whose clause is `clause` (a run of token indexes of the sentence), the tokens of
    /// values excluded (`isValue`): the first cue found decides, a supposition before a denial ("may not").
    /// - Parameter cues: `cues(of: words)`.
    static func of(clause: Range<Int>, in words: SentenceWords, cues: [Cue], isValue: [Bool]) -> Assertion {
        let lowered = words.lowered
        var negated = false
        for index in clause where !isValue[index] {
            switch cues[index] {
            case .none: continue
            case .hypothetical: return .hypothetical
            case .negation: break
            }
            let next = clause.first { $0 > index && lowered[$0] != "t" }
            if let next, boundingWords.contains(lowered[next]) { continue }
            // "did not land until 11:00 a.m." says when it landed.
            if clause.contains(where: { $0 > index && (lowered[$0] == "until" || lowered[$0] == "till") }) { continue }
            negated = true
        }
        return negated ? .negated : .stated
    }

    /// A contraction with "n't", or the "t" of one split at a typographic apostrophe.
    private static func isContractedNegation(_ word: String, at index: Int, in words: SentenceWords) -> Bool {
        if words.classes[index].contains(.contractedNegation) { return true }
        // "didn’t": the tokenizer keeps only the ASCII apostrophe inside a word.
        return word == "t" && index > 0 && contractedVerbs.contains(words.lowered[index - 1])
            && words.tokens[index].range.lowerBound > words.tokens[index - 1].range.upperBound
    }
}
