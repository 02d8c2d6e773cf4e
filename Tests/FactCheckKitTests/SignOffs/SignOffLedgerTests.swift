import Foundation
import Synchronization
import Testing
@testable import FactCheckKit

@Suite struct SignOffLedgerTests {
    static let draftText = "Trump thanked Lukashenko for the release of 18 prisoners.\n\n"
        + "Zenkovich was sentenced to 12 years.\n"

    private func report(_ text: String = draftText, checker: Checker = CheckerTests.checker) throws -> DraftReport {
        try checker.check(try Document(path: "draft.md", text: text))
    }

    private func signOff(for finding: Finding, reason: String = "the sources are out of date") -> SignOff {
        SignOff(id: finding.id, draft: "draft.md", claim: finding.fingerprint, reason: reason, by: "Ann Editor",
                at: "2025-08-16T09:30:00Z")
    }

    private func temporaryLedger() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("factcheck-ledger-\(UUID())/.factcheck/accepted.yml").path
    }

    // MARK: - Reading and writing

    @Test func aMissingLedgerHasNoEntries() throws {
        #expect(try SignOffLedger.read(path: temporaryLedger()).entries.isEmpty)
    }

    @Test func appendedEntriesReadBackAsWritten() throws {
        let path = temporaryLedger()
        let findings = try report().findings
        let first = signOff(for: findings[0], reason: "Says \"18\": the White House count;\nsee memo #4 — é")
        let second = signOff(for: findings[1])
        _ = try SignOffLedger.read(path: path).appending(first)
        let ledger = try SignOffLedger.read(path: path).appending(second)
        #expect(ledger.entries == [first, second])
        #expect(try SignOffLedger.read(path: path).entries == [first, second])
    }

    @Test func editorsAcceptingAtOnceLoseNoEntryAndRepeatNone() throws {
        // Each writer reads the ledger before any other has written: without the lock, the last rename wins.
        // Half of them accept the same finding of draft-0.md, which is recorded once (issue 24).
        let path = temporaryLedger()
        let finding = try #require(try report().findings.first)
        let writers = 16
        let empty = try SignOffLedger.read(path: path)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            var entry = signOff(for: finding, reason: "editor \(index)")
            entry.draft = "draft-\(index % 8).md"
            do {
                _ = try empty.appending(entry)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let drafts = try SignOffLedger.read(path: path).entries.map(\.draft)
        #expect(drafts.sorted() == (0..<8).map { "draft-\($0).md" })
    }

    @Test func appendingKeepsEverythingAlreadyInTheFile() throws {
        let path = temporaryLedger()
        let existing = SignOffLedger.render(signOff(for: try report().findings[1]))
        let byHand = "# signed off at the Tuesday meeting\n" + existing
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(byHand.dropLast().utf8).write(to: URL(fileURLWithPath: path))  // no final line break
        _ = try SignOffLedger.read(path: path).appending(signOff(for: try report().findings[0]))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix(byHand))
        #expect(try SignOffLedger.read(path: path).entries.count == 2)
    }

    @Test func aMalformedLedgerIsReportedWithItsLineAndNeverOverwritten() throws {
        let path = temporaryLedger()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let broken = SignOffLedger.render(signOff(for: try report().findings[0])) + "- id: \"fc-1\"\n  reason: [unclosed\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: InputError.self) { try SignOffLedger.read(path: path) }
        #expect(error?.path == path)
        #expect(error?.line != nil)
        #expect(error?.message.contains("malformed sign-off ledger") == true)
        let ledger = SignOffLedger(path: path, entries: [])
        #expect(throws: InputError.self) { try ledger.appending(signOff(for: try report().findings[1])) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    @Test func entriesMissingFieldsOrReasonsAreRejected() throws {
        let entry = SignOffLedger.render(signOff(for: try report().findings[0]))
        let noReason = entry.replacingOccurrences(of: "  reason: \"the sources are out of date\"\n", with: "")
        let blankReason = entry.replacingOccurrences(of: "the sources are out of date", with: "  ")
        let unknownKey = entry + "  note: \"x\"\n"
        for (text, problem) in [(noReason, "no 'reason'"), (blankReason, "'reason' is empty"), (unknownKey, "unknown key 'note'"),
                                ("id: fc-1\n", "must be a list")] {
            let error = #expect(throws: InputError.self) { try SignOffLedger.parse(text, path: "accepted.yml") }
            #expect(error?.message.contains(problem) == true, "\(String(describing: error))")
            #expect(error?.line != nil)
        }
    }

    @Test func aLedgerInFlowStyleIsNotAppendedTo() throws {
        let path = temporaryLedger()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("[]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError.self) { try SignOffLedger.read(path: path).appending(signOff(for: try report().findings[0])) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[]\n")
    }

    // MARK: - Applying

    @Test func aSignedOffFindingIsAcceptedAndNoLongerFails() throws {
        let original = try report()
        #expect(original.failures(at: .error).count == 2)
        let ledger = SignOffLedger(path: "accepted.yml", entries: [signOff(for: original.findings[0])])
        let applied = ledger.apply(to: original, draft: "draft.md")
        #expect(applied.findings.map(\.verdict) == [.accepted, .contradicted])
        #expect(applied.findings[0].signOff?.by == "Ann Editor")
        #expect(applied.failures(at: .error).count == 1)
        #expect(applied.staleSignOffs.isEmpty)
    }

    @Test func aSignOffSurvivesEditsOfUnrelatedText() throws {
        let ledger = SignOffLedger(path: "accepted.yml", entries: [signOff(for: try report().findings[0])])
        let edited = try report("# Headline\n\nA paragraph added above,\nover two lines.\n\n" + Self.draftText
            .replacingOccurrences(of: "Trump thanked", with: "President Trump warmly thanked"))
        let applied = ledger.apply(to: edited, draft: "draft.md")
        #expect(applied.findings.first { $0.claim.text == "18 prisoners" }?.verdict == .accepted)
        #expect(applied.staleSignOffs.isEmpty)
    }

    @Test func aChangedValueMakesTheSignOffStale() throws {
        let entry = signOff(for: try report().findings[0])
        let ledger = SignOffLedger(path: "accepted.yml", entries: [entry])
        let applied = ledger.apply(to: try report(Self.draftText.replacingOccurrences(of: "18", with: "17")), draft: "draft.md")
        #expect(applied.findings.map(\.verdict) == [.contradicted, .contradicted])
        #expect(applied.staleSignOffs == [entry])
    }

    @Test func changedEvidenceMakesTheSignOffStale() throws {
        let entry = signOff(for: try report().findings[0])
        // The same source file, now saying 17: the editor accepted 18 against 16, not against 17.
        let source = try String(contentsOfFile: RepositoryPaths.exampleSource, encoding: .utf8)
            .replacingOccurrences(of: "16 prisoners", with: "17 prisoners")
        let extractor = CheckerTests.checker.extractor
        let updated = Checker(extractor: extractor, factBase: try FactBase(
            documents: [try Document(path: RepositoryPaths.exampleSource, text: source)], extractor: extractor))
        let applied = SignOffLedger(path: "accepted.yml", entries: [entry]).apply(to: try report(checker: updated), draft: "draft.md")
        #expect(applied.findings[0].verdict == .contradicted)
        #expect(applied.staleSignOffs == [entry])
    }

    @Test func signOffsApplyOnlyToTheirDraft() throws {
        let entry = signOff(for: try report().findings[0])
        let applied = SignOffLedger(path: "accepted.yml", entries: [entry]).apply(to: try report(), draft: "other.md")
        #expect(applied.findings[0].verdict == .contradicted)
        #expect(applied.staleSignOffs.isEmpty)
    }
}
