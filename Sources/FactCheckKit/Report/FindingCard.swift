import Foundation

/// One finding as the HTML report's card shows it: verdict, kind, rule, where the claim is, the draft's wording
/// and each source's wording with the value marked, and why the source was compared.
struct FindingCard {
    /// A source passage on the card.
    struct EvidenceItem {
        let source: String
        let line: Int
        let column: Int
        /// The source document's date ("2025-08-15"), when it has one.
        let date: String?
        let wording: MarkedSentence
        /// The alignment score with two decimals.
        let score: String
        let sharedTerms: String
        let hasSharedTerms: Bool
    }

    /// 1-based, in text order; names the card (`f3`) and its mark in the draft (`c3`).
    let number: Int
    let verdict: String
    let label: String
    let symbol: String
    let isContradicted: Bool
    let isUnverified: Bool
    let isSupported: Bool
    let severity: String
    let kind: String
    let rule: String
    let message: String
    let claimText: String
    let line: Int
    let column: Int
    let wording: MarkedSentence
    let evidence: [EvidenceItem]
    let hasEvidence: Bool

    init(number: Int, finding: Finding) {
        self.number = number
        verdict = finding.verdict.rawValue
        label = finding.verdict.label
        symbol = finding.verdict.symbol
        isContradicted = finding.verdict == .contradicted
        isUnverified = finding.verdict == .unverified
        isSupported = finding.verdict == .supported
        severity = finding.severity.rawValue
        kind = finding.kind
        rule = finding.rule
        message = finding.message
        claimText = Checker.oneLine(finding.claim.text)
        line = finding.claim.location.line
        column = finding.claim.location.column
        wording = MarkedSentence(sentence: finding.claim.sentence, value: finding.claim.text)
        evidence = finding.evidence.map { evidence in
            EvidenceItem(source: evidence.source, line: evidence.passage.location.line,
                         column: evidence.passage.location.column, date: evidence.sourceDate?.description,
                         wording: MarkedSentence(sentence: evidence.passage.sentence, value: evidence.passage.text),
                         score: String(format: "%.2f", evidence.score),
                         sharedTerms: evidence.sharedTerms.prefix(6).joined(separator: ", "),
                         hasSharedTerms: !evidence.sharedTerms.isEmpty)
        }
        hasEvidence = !finding.evidence.isEmpty
    }
}
