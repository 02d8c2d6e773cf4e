import Foundation
import Testing
@testable import FactCheckKit

/// How every report format shows an accepted finding (with the editor's reason and name) and a stale sign-off,
/// from a report built by hand.
@Suite struct SignOffReportTests {
    static let draft = "Lukashenko freed 18 prisoners. Zenkovich got 12 years."
    static let reason = "White House count <b>& \"memo\"</b>"

    static let report: DraftReport = {
        let evidence = HTMLReporterTests.evidence("16 prisoners", sentence: "He freed 16 prisoners.")
        let base = HTMLReporterTests.finding("18 prisoners", in: draft, evidence: [evidence])
        let prisoners = Finding(verdict: base.verdict, severity: base.severity, kind: base.kind, rule: base.rule,
                                message: base.message, claim: base.claim, evidence: base.evidence, id: "fc-0000abcd")
        let signOff = SignOff(id: "fc-0000abcd", draft: "drafts/a.md", claim: prisoners.fingerprint, reason: reason,
                              by: "Ann Editor", at: "2025-08-16T09:30:00Z")
        let years = HTMLReporterTests.finding("12 years", in: draft, kind: "duration")
        let stale = SignOff(id: "fc-5ta1e000", draft: "drafts/a.md",
                            claim: ClaimFingerprint(kind: "date", rule: "core.date", text: "august 14", value: "date 08-14",
                                                    key: [], evidence: []),
                            reason: "old wire copy", by: "Bo Desk", at: "2025-08-15T08:00:00Z")
        return DraftReport(path: "drafts/a.md", findings: [prisoners.accepted(by: signOff), years], text: draft,
                           ignoredClaims: 2, staleSignOffs: [stale])
    }()

    @Test func anAcceptedFindingNeverFailsTheRun() {
        #expect(Self.report.failures(at: .error).map(\.claim.text) == ["12 years"])
        #expect(Self.report.count(.contradicted) == 1)
        #expect(Self.report.count(.accepted) == 1)
    }

    @Test func textShowsTheSignOffAndTheStaleEntry() {
        let text = TextReporter().generateReport([Self.report])
        #expect(text.contains("drafts/a.md:1:18: note: accepted: count differs: draft says '18 prisoners' [core.count] [fc-0000abcd]\n"
            + "    accepted by Ann Editor on 2025-08-16T09:30:00Z: \(Self.reason)\n"))
        #expect(text.contains("drafts/a.md: warning: sign-off fc-5ta1e000 is stale: no contradicted claim 'august 14' [core.date]"))
        #expect(text.contains("(accepted by Bo Desk on 2025-08-15T08:00:00Z: old wire copy)"))
        #expect(text.hasSuffix("2 claims: 1 contradicted, 0 unverified, 0 supported, 1 accepted, 2 ignored, 1 stale sign-off\n"))
    }

    @Test func jsonAddsTheAcceptanceAndTheStaleList() throws {
        let json = JSONReporter().generateReport([Self.report])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let draft = try #require((root["drafts"] as? [[String: Any]])?.first)
        let findings = try #require(draft["findings"] as? [[String: Any]])
        #expect(findings.map { $0["verdict"] as? String } == ["accepted", "contradicted"])
        let acceptance = try #require(findings[0]["acceptance"] as? [String: Any])
        #expect(acceptance["by"] as? String == "Ann Editor")
        #expect(acceptance["reason"] as? String == Self.reason)
        #expect(findings[1]["acceptance"] == nil)
        let stale = try #require(draft["stale"] as? [[String: Any]])
        #expect(stale.map { $0["id"] as? String } == ["fc-5ta1e000"])
        #expect((stale[0]["claim"] as? [String: String])?["text"] == "august 14")
        let summary = try #require(draft["summary"] as? [String: Int])
        #expect(summary["accepted"] == 1 && summary["contradicted"] == 1 && summary["ignored"] == 2)
    }

    @Test func sarifSuppressesTheAcceptedResult() throws {
        let sarif = SARIFReporter().generateReport([Self.report], version: "9.9.9")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let suppression = try #require((results[0]["suppressions"] as? [[String: String]])?.first)
        #expect(suppression["kind"] == "external")
        #expect(suppression["status"] == "accepted")
        #expect(suppression["justification"]?.contains(Self.reason) == true)
        #expect((results[0]["partialFingerprints"] as? [String: String])?["factcheckFinding/v1"] == "fc-0000abcd")
        #expect(results[1]["suppressions"] == nil)
    }

    @Test func junitPassesTheAcceptedCase() {
        let xml = JUnitReporter().generateReport([Self.report], version: "9.9.9")
        #expect(xml.contains("failures=\"1\""))
        #expect(xml.contains("<property name=\"id\" value=\"fc-0000abcd\"/>"))
        #expect(xml.contains("<system-out>accepted by Ann Editor on 2025-08-16T09:30:00Z: White House count &lt;b&gt;&amp; &quot;memo&quot;&lt;/b&gt;</system-out>"))
    }

    @Test func htmlCardShowsTheIDAndTheSignOff() {
        let html = HTMLReporter(templates: HTMLReporterTests.templates)
            .generateReport([Self.report], version: "9.9.9", date: HTMLReporterTests.date)
        #expect(html.contains(">fc-0000abcd</code>"))
        #expect(html.contains("<p class=\"sign-off\">Accepted by Ann Editor on 2025-08-16T09:30:00Z: White House count &lt;b&gt;"))
        #expect(html.contains("class=\"pill v-accepted\""))
        #expect(html.contains("Stale sign-off <code>fc-5ta1e000</code>"))
        #expect(!html.contains("<b>&"))
    }
}
