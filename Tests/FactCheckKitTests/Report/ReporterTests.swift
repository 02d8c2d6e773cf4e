import Testing
@testable import FactCheckKit

/// Reporters compared with canned output, from a report built by hand so that only the reporter is under test.
@Suite struct ReporterTests {
    static let report: DraftReport = {
        let draft = "Lukashenko freed 18 prisoners.\nZenkovich: 11 years."
        let claim = Passage(text: "18 prisoners", value: .number(NumberRange(exactly: 18)),
                            location: TextLocation(offset: 17, line: 1, column: 18), length: 12,
                            sentence: "Lukashenko freed 18 prisoners.")
        let evidence = Evidence(source: "sources/call.txt", sourceDate: DateValue(year: 2025, month: 8, day: 15),
                                passage: Passage(text: "16 prisoners", value: .number(NumberRange(exactly: 16)),
                                                 location: TextLocation(offset: 40, line: 3, column: 41), length: 12,
                                                 sentence: "He thanked Lukashenko for the release of 16 prisoners."),
                                score: 0.8765, sharedTerms: ["prisoners", "Lukashenko"])
        let contradiction = Finding(verdict: .contradicted, severity: .error, kind: "count", rule: "core.count",
                                    message: "count differs from the sources", claim: claim, evidence: [evidence])
        let unverified = Finding(verdict: .unverified, severity: .info, kind: "duration", rule: "core.duration",
                                 message: "no source speaks to '11 years'",
                                 claim: Passage(text: "11 years", value: .duration(NumberRange(exactly: 347_133_600), qualifier: nil),
                                                location: TextLocation(offset: 42, line: 2, column: 12), length: 8,
                                                sentence: "Zenkovich: 11 years."),
                                 evidence: [])
        return DraftReport(path: "draft.txt", findings: [contradiction, unverified], text: draft)
    }()

    @Test func textReportIsCompilerStyle() {
        let expected = """
            draft.txt:1:18: error: count differs from the sources [core.count]
                Lukashenko freed 18 prisoners.
                                 ^~~~~~~~~~~~
              sources/call.txt:3:41: note: source says '16 prisoners': He thanked Lukashenko for the release of 16 prisoners.
                compared because both speak of: prisoners, Lukashenko (alignment 0.88)
            draft.txt: 2 claims: 1 contradicted, 1 unverified, 0 supported

            """
        #expect(TextReporter().generateReport([Self.report]) == expected)
    }

    @Test func textReportListsEveryClaimWhenAsked() {
        let text = TextReporter(showAll: true).generateReport([Self.report])
        #expect(text.contains("draft.txt:2:12: note: unverified: no source speaks to '11 years' [core.duration]\n"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!TextReporter().generateReport([Self.report]).contains("\u{1B}["))
        #expect(TextReporter(colored: true).generateReport([Self.report]).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func jsonReportFollowsTheContract() {
        let expected = """
            {
              "drafts" : [
                {
                  "findings" : [
                    {
                      "claim" : {
                        "column" : 18,
                        "length" : 12,
                        "line" : 1,
                        "offset" : 17,
                        "sentence" : "Lukashenko freed 18 prisoners.",
                        "text" : "18 prisoners",
                        "value" : {
                          "high" : 18,
                          "low" : 18,
                          "type" : "number"
                        }
                      },
                      "evidence" : [
                        {
                          "column" : 41,
                          "line" : 3,
                          "score" : 0.877,
                          "sentence" : "He thanked Lukashenko for the release of 16 prisoners.",
                          "sharedTerms" : [
                            "prisoners",
                            "Lukashenko"
                          ],
                          "source" : "sources/call.txt",
                          "sourceDate" : "2025-08-15",
                          "text" : "16 prisoners",
                          "value" : {
                            "high" : 16,
                            "low" : 16,
                            "type" : "number"
                          }
                        }
                      ],
                      "id" : "",
                      "kind" : "count",
                      "message" : "count differs from the sources",
                      "rule" : "core.count",
                      "severity" : "error",
                      "verdict" : "contradicted"
                    },
                    {
                      "claim" : {
                        "column" : 12,
                        "length" : 8,
                        "line" : 2,
                        "offset" : 42,
                        "sentence" : "Zenkovich: 11 years.",
                        "text" : "11 years",
                        "value" : {
                          "high" : 347133600,
                          "low" : 347133600,
                          "type" : "duration"
                        }
                      },
                      "evidence" : [

                      ],
                      "id" : "",
                      "kind" : "duration",
                      "message" : "no source speaks to '11 years'",
                      "rule" : "core.duration",
                      "severity" : "info",
                      "verdict" : "unverified"
                    }
                  ],
                  "path" : "draft.txt",
                  "stale" : [

                  ],
                  "summary" : {
                    "accepted" : 0,
                    "claims" : 2,
                    "contradicted" : 1,
                    "ignored" : 0,
                    "supported" : 0,
                    "unverified" : 1
                  }
                }
              ],
              "tool" : {
                "name" : "factcheck",
                "version" : "0.1.0"
              },
              "version" : 1
            }

            """
        #expect(JSONReporter().generateReport([Self.report]) == expected)
    }

    @Test func unboundedEndsAreNull() {
        let open = Finding(verdict: .supported, severity: .info, kind: "count", rule: "core.count", message: "m",
                           claim: Passage(text: "more than 15", value: .number(NumberRange(low: 15, high: .infinity, lowOpen: true)),
                                          location: TextLocation(offset: 0, line: 1, column: 1), length: 12, sentence: "s"),
                           evidence: [])
        let json = JSONReporter().generateReport([DraftReport(path: "d", findings: [open], text: "more than 15")])
        #expect(json.contains("\"high\" : null"))
        #expect(json.contains("\"lowOpen\" : true"))
    }
}
