/// A sentence with one value in it marked: "Trump thanked Lukashenko for the release of [18 prisoners] and ...".
/// The HTML report shows the draft's and the source's wording this way, so the differing value stands out.
struct MarkedSentence {
    let before: String
    let value: String
    let after: String
    /// False when the value was not found in the sentence; the template then shows the sentence and the value
    /// apart.
    let hasValue: Bool

    /// Marks the first occurrence of `value` in `sentence`. Sentences arrive with their whitespace collapsed, so
    /// the value is collapsed the same way before it is looked for ("noon local\ntime" → "noon local time").
    init(sentence: String, value: String) {
        let collapsed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !collapsed.isEmpty, let range = sentence.range(of: collapsed) {
            before = String(sentence[..<range.lowerBound])
            self.value = collapsed
            after = String(sentence[range.upperBound...])
            hasValue = true
        } else {
            before = sentence
            self.value = collapsed
            after = ""
            hasValue = false
        }
    }
}
