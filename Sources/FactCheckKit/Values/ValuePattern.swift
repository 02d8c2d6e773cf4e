import Foundation

/// Building blocks of the PCRE2 fragments the value readers publish as macros.
///
/// Fragments are compiled by the rule engine with PCRE2_CASELESS and UTF but without UCP, so `\w`, `\b` and `\s`
/// are ASCII, and digits are written `[0-9]`. No fragment has a capturing group: rules wrap macros in their own
/// named groups.
enum ValuePattern {
    /// Where a digit-led value may start: not inside a word or a longer figure ("A2021", "1,300", "11:00",
    /// "2025-08-15", "8/15").
    static let digitStart = #"(?<![\w.,/:\-–])"#

    /// Where a digit-led value may end: not before a letter or another piece of a figure ("2021x", "3.1", "11:00",
    /// "2025-08"). A hyphen before a letter is fine ("an 11-year sentence").
    static let digitEnd = #"(?![\w]|[.,:/\-–][0-9])"#

    /// A figure in digits: thousands separators and decimals ("1,300", "0.505").
    static let numeral = #"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"#

    /// The dashes that join the ends of a range ("10-20", "10–20").
    static let rangeDash = #"[\-–—]"#

    /// An alternation of words or multi-word phrases, longest first, words joined by `\s+`; phrases may contain
    /// regex pieces only through `escape`d text.
    ///
    /// Written as a prefix tree (`PhraseTrie`) where that matches the same: PCRE2 tries a flat list branch by
    /// branch at every word start, which made the number-word macros the slowest part of every rule.
    static func alternation(_ phrases: [[String]]) -> String {
        if let trie = PhraseTrie(phrases: phrases) { return trie.pattern }
        return flatAlternation(phrases)
    }

    /// The alternation as a flat list of branches, longest first.
    static func flatAlternation(_ phrases: [[String]]) -> String {
        let sorted = phrases.sorted { $0.joined(separator: " ").count > $1.joined(separator: " ").count }
        return "(?:" + sorted.map { $0.map(escape).joined(separator: #"\s+"#) }.joined(separator: "|") + ")"
    }

    /// An alternation of single words, longest first.
    static func alternation(_ words: some Sequence<String>) -> String {
        alternation(words.map { [$0] })
    }

    /// Escapes regex metacharacters in a literal word ("u.s." → `u\.s\.`).
    static func escape(_ literal: String) -> String {
        var result = ""
        for character in literal {
            if #"\^$.|?*+()[]{}-/"#.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
