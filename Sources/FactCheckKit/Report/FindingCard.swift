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
    /// The ID an editor quotes to accept the finding.
    let id: String
    /// The editor's sign-off of an accepted finding.
    let signOff: SignOffNote?

    init(number: Int, finding: Finding) {
        self.number = number
        verdict = finding.verdict.rawValue
        label = finding.verdict.label
        symbol = finding.verdict.symbol
        // An accepted finding is still a contradiction: its card says what the sources say instead.
        isContradicted = finding.verdict == .contradicted || finding.verdict == .accepted
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
        id = finding.id
        signOff = finding.signOff.map(SignOffNote.init)
    }
}

/// A sign-off as the HTML report shows it: on an accepted finding's card, or as a stale one under the cards.
struct SignOffNote {
    let id: String
    let text: String
    let rule: String
    let by: String
    let at: String
    let reason: String

    init(_ signOff: SignOff) {
        id = signOff.id
        text = signOff.claim.text
        rule = signOff.claim.rule
        by = signOff.by
        at = signOff.at
        reason = signOff.reason
    }
}
