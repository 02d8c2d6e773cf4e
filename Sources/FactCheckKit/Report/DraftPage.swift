import Foundation

/// What the `report` template renders for one draft: the summary, the filters, the draft's paragraphs with every
/// claim marked, and one card per finding. Everything here is plain data; the template decides the markup.
struct DraftPage {
    /// One verdict's share of the summary bar and its filter button.
    struct VerdictCount {
        let verdict: String
        let label: String
        let symbol: String
        let count: Int
        /// Width in the summary bar ("57.14"), in percent of all claims.
        let percent: String
        let isPresent: Bool
    }

    /// A claim kind's filter button.
    struct KindCount {
        let kind: String
        let count: Int
    }

    let tool: String
    let version: String
    let generated: String
    /// The draft's path as the user gave it.
    let path: String
    /// The index page, when this page is one of several.
    let indexFile: String?
    let claims: Int
    let contradicted: Int
    let unverified: Int
    let supported: Int
    let hasClaims: Bool
    let verdicts: [VerdictCount]
    let kinds: [KindCount]
    let paragraphs: [DraftParagraphs.Paragraph]
    let findings: [FindingCard]
    /// Sign-offs whose claim is gone.
    let stale: [SignOffNote]

    init(report: DraftReport, version: String, date: Date, indexFile: String?) {
        tool = ToolInfo.name
        self.version = version
        generated = ReportDate.format(date)
        path = report.path
        self.indexFile = indexFile
        claims = report.findings.count
        contradicted = report.count(.contradicted)
        unverified = report.count(.unverified)
        supported = report.count(.supported)
        hasClaims = claims > 0
        let total = max(claims, 1)
        // Accepted findings get their filter only when there are any, so that pages without sign-offs stay as they were.
        let shown = Verdict.reportOrder + (report.count(.accepted) > 0 ? [.accepted] : [])
        verdicts = shown.map { verdict in
            let count = report.count(verdict)
            return VerdictCount(verdict: verdict.rawValue, label: verdict.label, symbol: verdict.symbol, count: count,
                                percent: String(format: "%.2f", Double(count) * 100 / Double(total)),
                                isPresent: count > 0)
        }
        var kindCounts: [String: Int] = [:]
        for finding in report.findings { kindCounts[finding.kind, default: 0] += 1 }
        kinds = kindCounts.keys.sorted().map { KindCount(kind: $0, count: kindCounts[$0] ?? 0) }
        paragraphs = DraftParagraphs(text: report.text, findings: report.findings).paragraphs
        findings = report.findings.enumerated().map { FindingCard(number: $0.offset + 1, finding: $0.element) }
        stale = report.staleSignOffs.map(SignOffNote.init)
    }
}
