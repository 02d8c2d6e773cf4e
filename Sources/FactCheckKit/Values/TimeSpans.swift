import Foundation

/// Spans of clock time: "9h30 - 11h00", "9:30 to 11:00 a.m.", "from 2pm until 4pm CST".
///
/// Read, not looked for: the `time` macro finds each end as a time of its own, which is what a rule compares. A
/// span read whole keeps its two ends together so that a zone written once, after the second end, applies to both.
extension TimeReader {
    /// Words and marks that join a span's two ends.
    private static let spanJoints: Set<String> = ["-", "–", "—", "to", "till", "until", "thru", "through"]

    /// Reads a clock-time span: (start, end), each with the span's zone.
    /// - Returns: nil unless all of the text is two times joined by "-", "to", "until" and the like, with an
    ///   optional "from" or "between ... and" around them.
    public static func span(_ text: String, context: ReadingContext) -> (TimeValue, TimeValue)? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 24) else { return nil }
        let start = tokens.isWord(0, "from") || tokens.isWord(0, "between") ? 1 : 0
        let joints = tokens.isWord(0, "between") ? ["and"] : Array(spanJoints)
        for joint in start + 1..<max(start + 1, tokens.count - 1) {
            guard let token = tokens[joint], joints.contains(token.text) else { continue }
            let left = piece(tokens, start, joint)
            let right = piece(tokens, joint + 1, tokens.count)
            guard case let .time(first)? = read(left, context: context),
                  case let .time(second)? = read(right, context: context) else { continue }
            // A zone written once, at the end, is the zone of both ends; two different zones are not one span.
            if let zone = first.zone, zone != second.zone { continue }
            return (TimeValue(minutes: first.minutes, zone: second.zone), second)
        }
        return nil
    }

    /// The text of tokens `from..<to`, spaced as written.
    private static func piece(_ tokens: TokenStream, _ from: Int, _ to: Int) -> String {
        (from..<to).compactMap { tokens[$0] }.enumerated()
            .map { $0.offset > 0 && $0.element.spaced ? " " + $0.element.text : $0.element.text }.joined()
    }
}
