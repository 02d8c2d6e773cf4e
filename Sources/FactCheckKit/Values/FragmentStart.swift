/// How every match of a value fragment begins: with one of a few whole words ("about", "sixteen", "between"), with
/// one of a few characters (a digit, a minus sign, a currency symbol), or with a common word that begins a value
/// only before certain others ("a" before "dozen", "at" before "least", "the" before a day).
///
/// `ValueMacros` writes it as a lookahead in front of the fragment. Every branch of the large fragments begins with
/// `\b` or a lookbehind, so PCRE2 cannot skip ahead to a likely start and tries all of them at every letter of every
/// document; behind the lookahead it gives up on most positions after one prefix-tree lookup. The lookahead changes
/// no match as long as it is never narrower than the fragment (a missing word would silently drop values), so each
/// reader lists the start of every branch of its pattern right beside the pattern, and `FragmentStartTests`
/// compares every guarded macro with its plain form.
///
/// A rule pattern that opens with such a fragment is tried only where `FragmentStartFinder` finds its start, in one
/// pass over the document instead of PCRE2 testing the lookahead at every byte for every pattern; the finder must
/// hold exactly where `lookahead` holds (`FragmentStartFinderTests`).
struct FragmentStart: Hashable, Sendable {
    /// Words a match may begin with (lowercase, matched caselessly as whole words).
    var words: Set<String> = []
    /// Characters a match may begin with.
    var characters: Set<Unicode.Scalar> = []
    /// Whether a match may begin with a digit that begins a word (`\b` before it: no ASCII letter, digit or
    /// underscore). Every figure in digits that the macros read begins so (`ValuePattern.digitStart`); as plain
    /// characters the digits made each digit inside "2025" or "1,300" a place to try the large patterns.
    var digitsBeginningWords = false
    /// Characters a match may begin with only right before a digit: a sign ("-5") or the apostrophe of "'90s". As
    /// plain characters they made every hyphen and apostrophe of a document a place to try the large patterns.
    var charactersBeforeDigits: Set<Unicode.Scalar> = []
    /// Words a match may begin with only where, after any whitespace, what follows them begins as their
    /// `FragmentStart` (which has no leads of its own): "a" before "dozen" or "hundred", "at" before "least".
    /// The commonest English words begin values only so ("a", "in", "at", "the"): as plain words they made every
    /// tenth word of a document a place to try the large patterns. A word that is also in `words` is not a lead.
    private(set) var leads: [String: FragmentStart] = [:]

    /// A digit that begins a word.
    static let digits = FragmentStart(digitsBeginningWords: true)

    init(words: Set<String> = [], characters: Set<Unicode.Scalar> = [], digitsBeginningWords: Bool = false,
         charactersBeforeDigits: Set<Unicode.Scalar> = []) {
        self.words = words
        self.characters = characters
        self.digitsBeginningWords = digitsBeginningWords
        self.charactersBeforeDigits = charactersBeforeDigits
    }

    /// A start that holds where one of `words` is followed, after any whitespace, by `follower`'s start.
    /// - Precondition: `follower` has no leads (its own leads count as plain words: see `flattened`).
    static func lead(_ words: some Sequence<String>, before follower: FragmentStart) -> FragmentStart {
        precondition(follower.leads.isEmpty, "a lead's follower must have no leads")
        precondition(!follower.words.isEmpty || !follower.characters.isEmpty || follower.digitsBeginningWords
                     || !follower.charactersBeforeDigits.isEmpty, "a lead's follower must hold somewhere")
        precondition(!follower.characters.contains { $0.properties.isWhitespace }, "whitespace cannot follow a lead")
        var start = FragmentStart()
        for word in words { start.leads[word] = follower }
        return start
    }

    /// The start of any of `phrases`: a phrase of one word begins at that word, one of several at its first word
    /// before its second ("at" before "least").
    static func phrases(_ phrases: [[String]]) -> FragmentStart {
        var start = FragmentStart(words: Set(phrases.filter { $0.count == 1 }.map { $0[0] }))
        for (first, longer) in Dictionary(grouping: phrases.filter { $0.count > 1 }, by: { $0[0] }) {
            start = start.union(.lead([first], before: FragmentStart(words: Set(longer.map { $0[1] }))))
        }
        return start
    }

    /// The start with its leads as plain words: a looser start, fit to follow a lead.
    var flattened: FragmentStart {
        FragmentStart(words: words.union(leads.keys), characters: characters, digitsBeginningWords: digitsBeginningWords,
                      charactersBeforeDigits: charactersBeforeDigits)
    }

    /// Either start. A word that one start lists as a plain word is a plain word of the union; the followers of a
    /// word that both lead with are joined.
    func union(_ other: FragmentStart) -> FragmentStart {
        var union = FragmentStart(words: words.union(other.words), characters: characters.union(other.characters),
                                  digitsBeginningWords: digitsBeginningWords || other.digitsBeginningWords,
                                  charactersBeforeDigits: charactersBeforeDigits.union(other.charactersBeforeDigits))
        union.leads = leads.merging(other.leads) { $0.union($1) }
        for word in union.words { union.leads[word] = nil }
        return union
    }

    /// A lookahead that holds wherever a match of the fragment may begin (and, cheaply, rarely elsewhere).
    var lookahead: String {
        "(?=" + alternatives + ")"
    }

    /// The lookahead's alternatives: a class of the characters, the plain words, and each group of leads that
    /// share a follower, with `\s*` and the follower's alternatives after them.
    private var alternatives: String {
        var branches: [String] = []
        if digitsBeginningWords { branches.append(#"\b[0-9]"#) }
        if !characters.isEmpty { branches.append(Self.characterClass(characters)) }
        if !charactersBeforeDigits.isEmpty { branches.append(Self.characterClass(charactersBeforeDigits) + "[0-9]") }
        if !words.isEmpty {
            branches.append(#"\b"# + ValuePattern.alternation(words.sorted()) + #"\b"#)
        }
        // Grouped by follower before any is written out: a reader's hedges share one, and writing it is the
        // costly part (a prefix tree of its words).
        let followers = Dictionary(grouping: leads.keys) { leads[$0]! }
            .map { follower, leadWords in (follower: follower.alternatives, leadWords: leadWords) }
        for (follower, leadWords) in followers.sorted(by: { $0.follower < $1.follower }) {
            branches.append(#"\b"# + ValuePattern.alternation(leadWords.sorted()) + #"\b\s*(?:"# + follower + ")")
        }
        return branches.joined(separator: "|")
    }

    /// A PCRE2 class of `characters`.
    private static func characterClass(_ characters: Set<Unicode.Scalar>) -> String {
        let members = characters.sorted { $0.value < $1.value }.map { scalar in
            // Inside a class only these four are special.
            "\\^-]".unicodeScalars.contains(scalar) ? "\\" + String(scalar) : String(scalar)
        }
        return "[" + members.joined() + "]"
    }
}
