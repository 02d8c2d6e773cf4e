/// A stored claim context, decoded: a claim but for its value.
struct StoredContext: Sendable {
    let ruleID: String
    let kind: String
    let severity: Severity
    let key: [String]
    let keyWords: [String]
    let context: [String: Double]
    let names: Set<String>
    let people: Set<String>
    let event: String?
    let assertion: Assertion
    let isComparisonBase: Bool
    let nearTerms: [String]

    /// The claim of this context with `value`: the claims of one context share its strings and tables.
    func claim(value: Value) -> Claim {
        Claim(ruleID: ruleID, kind: kind, severity: severity, message: "", value: value, span: 0..<0,
              valueSpan: 0..<0, sentenceIndex: 0, key: key, keyWords: keyWords, context: context,
              words: [:], entities: [], names: names, people: people, event: event, assertion: assertion,
              isComparisonBase: isComparisonBase, nearTerms: nearTerms)
    }
}
