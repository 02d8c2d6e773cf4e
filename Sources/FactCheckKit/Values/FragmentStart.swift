/// How every match of a value fragment begins: with one of a few whole words ("about", "sixteen", "between") or
/// with one of a few characters (a digit, a minus sign, a currency symbol).
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

    static let digits = FragmentStart(characters: Set((0...9).map { Unicode.Scalar(UInt8(ascii: "0") + UInt8($0)) }))

    /// Either start.
    func union(_ other: FragmentStart) -> FragmentStart {
        FragmentStart(words: words.union(other.words), characters: characters.union(other.characters))
    }

    /// A lookahead that holds wherever a match of the fragment may begin (and, cheaply, rarely elsewhere).
    var lookahead: String {
        var branches: [String] = []
        if !characters.isEmpty {
            let members = characters.sorted { $0.value < $1.value }.map { scalar in
                // Inside a class only these four are special.
                "\\^-]".unicodeScalars.contains(scalar) ? "\\" + String(scalar) : String(scalar)
            }
            branches.append("[" + members.joined() + "]")
        }
        if !words.isEmpty {
            branches.append(#"\b"# + ValuePattern.alternation(words.sorted()) + #"\b"#)
        }
        return "(?=" + branches.joined(separator: "|") + ")"
    }
}
