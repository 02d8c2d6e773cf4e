import Foundation
import Testing

/// `factcheck accept` and sign-offs as an editor meets them: the built binary in a copy of the example newsroom
/// (factcheck.yml, baseline, Rules) in a temporary folder, so the repository's own ledger is never touched.
@Suite struct SignOffCommandTests {
    static let draft = "drafts/story.md"
    static let story = """
        Trump thanked Lukashenko for the release of 18 prisoners.

        Zenkovich was sentenced to 12 years.

        """

    /// A fresh newsroom folder with one draft; the ledger goes to its `.factcheck/accepted.yml`.
    private func newsroom(story: String = story) throws -> String {
        let folder = Scratch.directory.appendingPathComponent("newsroom-\(UUID())")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try manager.copyItem(atPath: FactBinaryPaths.root + "/Rules", toPath: folder.appendingPathComponent("Rules").path)
        try manager.copyItem(atPath: FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt",
                             toPath: folder.appendingPathComponent("sources/belarus-us-call.txt").path)
        try Data("baseline:\n  - sources\nrules:\n  - Rules\n".utf8).write(to: folder.appendingPathComponent("factcheck.yml"))
        try Data(story.utf8).write(to: folder.appendingPathComponent(Self.draft))
        return folder.path
    }

    private func run(_ arguments: [String], in folder: String) throws -> FactCheckBinary.Run {
        try FactCheckBinary.run(arguments, workingDirectory: folder,
                                environment: ["SOURCE_DATE_EPOCH": "1755336600", "USER": "ann"])
    }

    /// The ID of the contradicted finding whose claim is `text`, from the JSON report.
    private func findingID(_ text: String, in folder: String) throws -> String {
        let run = try run([Self.draft, "--format", "json"], in: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let findings = try #require((json["drafts"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { ($0["claim"] as? [String: Any])?["text"] as? String == text })
        return try #require(finding["id"] as? String)
    }

    private func ledger(in folder: String) throws -> String {
        try String(contentsOfFile: folder + "/.factcheck/accepted.yml", encoding: .utf8)
    }

    @Test func acceptingEveryContradictionTurnsTheRunGreen() throws {
        let folder = try newsroom()
        let before = try run([Self.draft], in: folder)
        #expect(before.status == 1)
        let prisoners = try findingID("18 prisoners", in: folder)
        #expect(before.standardOutput.contains("[\(prisoners)]"))

        let accept = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        #expect(accept.status == 0, "\(accept.standardError)")
        #expect(accept.standardOutput.contains("accepted \(prisoners)"))
        let written = try ledger(in: folder)
        #expect(written.contains("- id: \"\(prisoners)\""))
        #expect(written.contains("draft: \"drafts/story.md\""))
        #expect(written.contains("text: \"18 prisoners\""))
        #expect(written.contains("source: \"sources/belarus-us-call.txt\""))
        #expect(written.contains("reason: \"White House count\""))
        #expect(written.contains("at: \"2025-08-16T09:30:00Z\""))
        #expect(written.contains("by: \""))

        let stillFailing = try run([Self.draft], in: folder)
        #expect(stillFailing.status == 1)
        #expect(stillFailing.standardOutput.contains("note: accepted: count differs"))
        #expect(stillFailing.standardOutput.contains("White House count"))

        let sentence = try findingID("12 years", in: folder)
        #expect(try run(["accept", Self.draft, "--claim", sentence, "--reason", "court record"], in: folder).status == 0)
        let green = try run([Self.draft], in: folder)
        #expect(green.status == 0, "\(green.standardOutput)")
        #expect(green.standardOutput.contains("0 contradicted"))
        #expect(green.standardOutput.contains("2 accepted"))
    }

    @Test func acceptedFindingsAreMarkedInJSON() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        _ = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        let report = try run([Self.draft, "--format", "json"], in: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let draft = try #require((json["drafts"] as? [[String: Any]])?.first)
        let findings = try #require(draft["findings"] as? [[String: Any]])
        let accepted = try #require(findings.first { $0["id"] as? String == prisoners })
        #expect(accepted["verdict"] as? String == "accepted")
        #expect((accepted["acceptance"] as? [String: Any])?["reason"] as? String == "White House count")
        #expect((draft["summary"] as? [String: Int])?["accepted"] == 1)
        #expect((draft["stale"] as? [Any])?.isEmpty == true)
    }

    @Test func aSignOffSurvivesAParagraphAddedAbove() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        _ = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        try Data(("# Headline\n\nA new first paragraph\nover two lines.\n\n" + Self.story).utf8)
            .write(to: URL(fileURLWithPath: folder + "/" + Self.draft))
        let report = try run([Self.draft], in: folder)
        #expect(report.standardOutput.contains("\(Self.draft):6:45: note: accepted:"), "\(report.standardOutput)")
        #expect(try findingID("18 prisoners", in: folder) == prisoners)
    }

    @Test func editingTheValueMakesTheSignOffStaleAndTheClaimContradictedAgain() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        let sentence = try findingID("12 years", in: folder)
        _ = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        _ = try run(["accept", Self.draft, "--claim", sentence, "--reason", "court record"], in: folder)
        #expect(try run([Self.draft], in: folder).status == 0)

        try Data(Self.story.replacingOccurrences(of: "18 prisoners", with: "19 prisoners").utf8)
            .write(to: URL(fileURLWithPath: folder + "/" + Self.draft))
        let report = try run([Self.draft], in: folder)
        #expect(report.status == 1)
        #expect(report.standardOutput.contains("error: count differs from the sources: draft says '19 prisoners'"))
        #expect(report.standardOutput.contains("warning: sign-off \(prisoners) is stale"))
        #expect(report.standardOutput.contains("White House count"))
        #expect(report.standardOutput.contains("1 stale sign-off"))
    }

    @Test func aSignOffAppliesWhateverFolderFactcheckRunsIn() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        _ = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        // Paths in the ledger are relative to factcheck.yml's folder, not to the working directory.
        let fromDrafts = try run(["story.md"], in: folder + "/drafts")
        #expect(fromDrafts.standardOutput.contains("note: accepted:"), "\(fromDrafts.standardOutput)")
        #expect(fromDrafts.standardOutput.contains("[\(prisoners)]"))
    }

    @Test func theIgnoreMarkerSilencesAParagraph() throws {
        let folder = try newsroom(story: "<!-- factcheck-ignore -->\n" + Self.story)
        let report = try run([Self.draft], in: folder)
        #expect(report.status == 1)
        #expect(!report.standardOutput.contains("18 prisoners"))
        #expect(report.standardOutput.contains("12 years"))
        #expect(report.standardOutput.contains("1 ignored"))
    }

    @Test func anUnknownIDListsTheDraftsContradictions() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        let run = try run(["accept", Self.draft, "--claim", "fc-00000000", "--reason", "x"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("no finding with ID 'fc-00000000'"))
        #expect(run.standardError.contains(prisoners))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.factcheck/accepted.yml"))
    }

    @Test func aReasonIsRequired() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        let missing = try run(["accept", Self.draft, "--claim", prisoners], in: folder)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("--reason"))
        let blank = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "  "], in: folder)
        #expect(blank.status == 2)
        #expect(blank.standardError.contains("--reason must say why"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.factcheck/accepted.yml"))
    }

    @Test func aMalformedLedgerStopsTheRunWithItsLineAndIsKept() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        try FileManager.default.createDirectory(atPath: folder + "/.factcheck", withIntermediateDirectories: true)
        let broken = "- id: \"fc-1\"\n  draft: [unclosed\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: folder + "/.factcheck/accepted.yml"))
        let check = try run([Self.draft], in: folder)
        #expect(check.status == 2)
        #expect(check.standardError.contains(".factcheck/accepted.yml:"))
        #expect(check.standardError.contains("malformed sign-off ledger"))
        let accept = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "x"], in: folder)
        #expect(accept.status == 2)
        #expect(try ledger(in: folder) == broken)
    }

    @Test func acceptingTwiceKeepsOneEntry() throws {
        let folder = try newsroom()
        let prisoners = try findingID("18 prisoners", in: folder)
        _ = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "White House count"], in: folder)
        let again = try run(["accept", Self.draft, "--claim", prisoners, "--reason", "again"], in: folder)
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("already accepted"))
        #expect(try ledger(in: folder).components(separatedBy: "- id:").count == 2)
    }

    @Test func aSupportedFindingCannotBeAccepted() throws {
        let folder = try newsroom(story: "Sixteen prisoners were freed.\n")
        let id = try findingID("Sixteen prisoners", in: folder)
        let run = try run(["accept", Self.draft, "--claim", id, "--reason", "x"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("is supported, not contradicted"))
    }
}
