import Foundation

/// The discrepancy report an editor reads: one self-contained HTML page per draft (inline CSS and script, no
/// network), rendered from the Mustache templates in `Reports/templates/`, and an index page when a run checks
/// several drafts. Every value from a draft or a source goes through the template's HTML escaping.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"
    /// The index page's file name when several drafts are reported.
    public static let indexFileName = "index.html"

    public let templates: HTMLTemplates

    public init(templates: HTMLTemplates) {
        self.templates = templates
    }

    /// The page of a single draft, or the index page when there are several (see `generatePages`), dated now.
    public func generateReport(_ reports: [DraftReport]) -> String {
        generateReport(reports, version: ToolInfo.version, date: Date())
    }

    /// The page of a single draft, or the index page when there are several.
    /// - Parameters:
    ///   - version: The tool version the page states.
    ///   - date: The time the page states; inject it so that the same findings give the same bytes.
    public func generateReport(_ reports: [DraftReport], version: String, date: Date) -> String {
        let pages = generatePages(reports, version: version, date: date)
        return (pages.first { $0.fileName == Self.indexFileName && reports.count > 1 } ?? pages.first)?.html ?? ""
    }

    /// Every file of the report: one page per draft, named after the draft (`HTMLPage.fileName(forDraft:)`, made
    /// unique with `-2`, `-3`, ...), and, for several drafts, `index.html` linking them.
    /// - Parameters:
    ///   - version: The tool version the pages state.
    ///   - date: The time the pages state.
    public func generatePages(_ reports: [DraftReport], version: String, date: Date) -> [HTMLPage] {
        let hasIndex = reports.count > 1
        var used: Set<String> = hasIndex ? [Self.indexFileName] : []
        var named: [(report: DraftReport, fileName: String)] = []
        for report in reports {
            let fileName = Self.unique(HTMLPage.fileName(forDraft: report.path), avoiding: used)
            used.insert(fileName)
            named.append((report, fileName))
        }
        var pages = named.map { report, fileName in
            let page = DraftPage(report: report, version: version, date: date,
                                 indexFile: hasIndex ? Self.indexFileName : nil)
            return HTMLPage(fileName: fileName, html: templates.render(page, template: "report"))
        }
        if hasIndex {
            let index = IndexPage(reports: named, version: version, date: date)
            pages.append(HTMLPage(fileName: Self.indexFileName, html: templates.render(index, template: "index")))
        }
        return pages
    }

    private static func unique(_ fileName: String, avoiding used: Set<String>) -> String {
        guard used.contains(fileName) else { return fileName }
        let stem = String(fileName.dropLast(".html".count))
        var counter = 2
        while used.contains("\(stem)-\(counter).html") { counter += 1 }
        return "\(stem)-\(counter).html"
    }
}
