import Foundation

/// What the `index` template renders when one run checks several drafts: a line per draft with its counts and a
/// link to its page, and the totals.
struct IndexPage {
    /// One draft's line.
    struct Entry {
        let path: String
        let fileName: String
        let claims: Int
        let contradicted: Int
        let unverified: Int
        let supported: Int
        let hasContradictions: Bool
    }

    let tool: String
    let version: String
    let generated: String
    let drafts: [Entry]
    let draftCount: Int
    let claims: Int
    let contradicted: Int
    let unverified: Int
    let supported: Int

    init(reports: [(report: DraftReport, fileName: String)], version: String, date: Date) {
        tool = ToolInfo.name
        self.version = version
        generated = ReportDate.format(date)
        drafts = reports.map { report, fileName in
            Entry(path: report.path, fileName: fileName, claims: report.findings.count,
                  contradicted: report.count(.contradicted), unverified: report.count(.unverified),
                  supported: report.count(.supported), hasContradictions: report.count(.contradicted) > 0)
        }
        draftCount = drafts.count
        claims = drafts.reduce(0) { $0 + $1.claims }
        contradicted = drafts.reduce(0) { $0 + $1.contradicted }
        unverified = drafts.reduce(0) { $0 + $1.unverified }
        supported = drafts.reduce(0) { $0 + $1.supported }
    }
}
