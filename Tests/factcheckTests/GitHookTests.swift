import Foundation
import Testing

/// The pre-commit hook and `check --diff` in real temporary git repositories, through the built binary.
@Suite struct GitHookTests {
    static let errorsDraft = try! String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md", encoding: .utf8)
    static let cleanDraft = try! String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-clean.md", encoding: .utf8)
    static let errorsHTML = try! String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.html", encoding: .utf8)

    // Git sends a hook's standard output to standard error, so the report is read there.
    @Test func blocksACommitWithContradictionsAndLetsACleanOneThrough() throws {
        let sandbox = try GitSandbox("block")
        let install = try sandbox.factcheck("hook", "install")
        #expect(install.status == 0, "\(install.standardError)")
        #expect(install.standardOutput.contains("installed factcheck's pre-commit hook"))

        let blocked = try sandbox.commit("drafts/summit.md", Self.errorsDraft, message: "Bad draft")
        #expect(blocked.status == 1)
        #expect(blocked.standardError.contains("drafts/summit.md:7:61: error: count differs from the sources: draft says '18 prisoners'"))
        #expect(blocked.standardError.contains("drafts/summit.md: 7 claims: 4 contradicted"))
        #expect(blocked.standardError.contains("commit blocked: 4 contradictions"))
        #expect(try sandbox.log() == ["Set up factcheck"])

        let passed = try sandbox.commit("drafts/summit.md", Self.cleanDraft, message: "Clean draft")
        #expect(passed.status == 0, "\(passed.standardOutput)\(passed.standardError)")
        #expect(passed.standardError.isEmpty, "a clean commit is quiet")
        #expect(try sandbox.log() == ["Clean draft", "Set up factcheck"])
    }

    @Test func checksHTMLDraftsAndIgnoresFilesThatAreNotDrafts() throws {
        let sandbox = try GitSandbox("html")
        #expect(try sandbox.factcheck("hook", "install", "--fail-on", "error").status == 0)
        // Not a draft (outside the globs): committed without a look, even with a wrong figure in it.
        let notes = try sandbox.commit("notes.md", "Lukashenko freed 18 prisoners.\n", message: "Notes")
        #expect(notes.status == 0, "\(notes.standardError)")
        let blocked = try sandbox.commit("drafts/summit.html", Self.errorsHTML, message: "HTML draft")
        #expect(blocked.status == 1)
        #expect(blocked.standardError.contains("drafts/summit.html:16:95: error: count differs"))
    }

    @Test func checksTheStagedVersionNotTheWorkingFile() throws {
        let sandbox = try GitSandbox("staged")
        #expect(try sandbox.factcheck("hook", "install").status == 0)
        try sandbox.write("drafts/summit.md", Self.errorsDraft)
        try sandbox.git("add", "drafts/summit.md")
        try sandbox.write("drafts/summit.md", Self.cleanDraft)  // fixed on disk, but not staged
        let run = try sandbox.git("commit", "-q", "-m", "Staged errors", allowFailure: true)
        #expect(run.status == 1)
        #expect(run.standardError.contains("'18 prisoners'"))
    }

    @Test func reportsOnlyTheParagraphsAnEditChanged() throws {
        let sandbox = try GitSandbox("edit")
        #expect(try sandbox.factcheck("hook", "install").status == 0)
        // An old error, committed past the hook.
        let withOldError = Self.cleanDraft.replacingOccurrences(of: "20 red roses", with: "25 red roses")
        try sandbox.write("drafts/summit.md", withOldError)
        try sandbox.git("add", "drafts/summit.md")
        try sandbox.git("commit", "-q", "--no-verify", "-m", "Old error")

        // Editing another paragraph correctly passes: the old error's paragraph is unchanged.
        let goodEdit = withOldError.replacingOccurrences(of: "opposition activist", with: "opposition campaigner")
        let passed = try sandbox.commit("drafts/summit.md", goodEdit, message: "Good edit")
        #expect(passed.status == 0, "\(passed.standardOutput)")

        // A new error in an edited paragraph is reported alone.
        let badEdit = goodEdit.replacingOccurrences(of: "eleven-year", with: "twelve-year")
        let blocked = try sandbox.commit("drafts/summit.md", badEdit, message: "Bad edit")
        #expect(blocked.status == 1)
        #expect(blocked.standardError.contains("'twelve-year sentence'"))
        #expect(!blocked.standardError.contains("25 red roses"))
        #expect(blocked.standardError.contains("drafts/summit.md: 2 claims: 1 contradicted"))

        // `check --diff` sees the same; without it, the whole draft.
        try sandbox.write("drafts/summit.md", badEdit)
        let diff = try sandbox.factcheck("check", "drafts/summit.md", "--diff", "HEAD", "--format", "json")
        #expect(diff.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any])
        let draft = try #require((json["drafts"] as? [[String: Any]])?.first)
        let texts = (draft["findings"] as? [[String: Any]])?.compactMap { ($0["claim"] as? [String: Any])?["text"] as? String }
        #expect(texts == ["2021", "twelve-year\nsentence"])
        #expect((draft["summary"] as? [String: Int])?["contradicted"] == 1)
        let whole = try sandbox.factcheck("check", "drafts/summit.md")
        #expect(whole.standardOutput.contains("7 claims: 2 contradicted"))
        // Against a revision where the draft did not exist, every paragraph is new.
        let fromStart = try sandbox.factcheck("check", "drafts/summit.md", "--diff", "HEAD~2")
        #expect(fromStart.standardOutput.contains("7 claims: 2 contradicted"))
    }

    @Test func keepsAnExistingHookRunsItFirstAndRestoresIt() throws {
        let sandbox = try GitSandbox("existing")
        let previous = "#!/bin/sh\necho ran >> \"$(git rev-parse --show-toplevel)/previous-hook-ran\"\n"
        try sandbox.write(".git/hooks/pre-commit", previous)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.root + "/.git/hooks/pre-commit")

        let install = try sandbox.factcheck("hook", "install")
        #expect(install.status == 0)
        #expect(install.standardOutput.contains("kept the existing pre-commit hook"))
        #expect(try sandbox.read(".git/hooks/pre-commit.factcheck-previous") == previous)
        // Installing again updates ours and keeps theirs.
        #expect(try sandbox.factcheck("hook", "install").standardOutput.contains("updated"))
        #expect(try sandbox.read(".git/hooks/pre-commit.factcheck-previous") == previous)

        let blocked = try sandbox.commit("drafts/summit.md", Self.errorsDraft, message: "Bad draft")
        #expect(blocked.status == 1)
        #expect(try sandbox.read("previous-hook-ran") == "ran\n")
        let passed = try sandbox.commit("drafts/summit.md", Self.cleanDraft, message: "Clean draft")
        #expect(passed.status == 0)
        #expect(try sandbox.read("previous-hook-ran") == "ran\nran\n")

        let uninstall = try sandbox.factcheck("hook", "uninstall")
        #expect(uninstall.status == 0)
        #expect(uninstall.standardOutput.contains("restored the earlier pre-commit hook"))
        #expect(try sandbox.read(".git/hooks/pre-commit") == previous)
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/.git/hooks/pre-commit.factcheck-previous"))
    }

    @Test func uninstallLeavesAnotherHookAlone() throws {
        let sandbox = try GitSandbox("foreign")
        try sandbox.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let run = try sandbox.factcheck("hook", "uninstall")
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not factcheck's pre-commit hook; left as it is"))
        #expect(try sandbox.read(".git/hooks/pre-commit") == "#!/bin/sh\nexit 0\n")
        #expect(try sandbox.factcheck("hook", "uninstall").status == 2)
        try FileManager.default.removeItem(atPath: sandbox.root + "/.git/hooks/pre-commit")
        #expect(try sandbox.factcheck("hook", "uninstall").standardOutput.contains("nothing to remove"))
    }

    @Test func installsWhereCoreHooksPathSays() throws {
        let sandbox = try GitSandbox("hookspath")
        try sandbox.git("config", "core.hooksPath", "team-hooks")
        #expect(try sandbox.factcheck("hook", "install").status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/team-hooks/pre-commit"))
        let blocked = try sandbox.commit("drafts/summit.md", Self.errorsDraft, message: "Bad draft")
        #expect(blocked.status == 1)
    }

    @Test func aMissingBinaryBlocksWithAMessage() throws {
        let sandbox = try GitSandbox("missing")
        #expect(try sandbox.factcheck("hook", "install").status == 0)
        let hook = try sandbox.read(".git/hooks/pre-commit").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("factcheck=") ? "factcheck='/nonexistent/factcheck'" : String($0) }.joined(separator: "\n")
        try sandbox.write(".git/hooks/pre-commit", hook)
        try sandbox.write("drafts/summit.md", Self.cleanDraft)
        try sandbox.git("add", "drafts/summit.md")
        let run = try sandbox.git("commit", "-q", "-m", "x", allowFailure: true, environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("cannot find factcheck (not at '/nonexistent/factcheck', not on PATH)"))
    }

    @Test func diffExplainsWhatItCannotDo() throws {
        let sandbox = try GitSandbox("diff-errors")
        try sandbox.write("drafts/summit.md", Self.cleanDraft)
        let unknown = try sandbox.factcheck("check", "drafts/summit.md", "--diff", "no-such-branch")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no-such-branch: is not a revision of the repository"))
        let stdin = try sandbox.factcheck("check", "-", "--diff", "HEAD")
        #expect(stdin.status == 2)
        #expect(stdin.standardError.contains("standard input ('-') has none"))
        let outside = Scratch.directory.appendingPathComponent("outside-\(UUID().uuidString.prefix(8)).md").path
        try Data(Self.cleanDraft.utf8).write(to: URL(fileURLWithPath: outside))
        let notInRepository = try FactCheckBinary.run(["check", outside, "--diff", "HEAD", "--config", sandbox.root + "/factcheck.yml"],
                                                      workingDirectory: sandbox.root, environment: GitSandbox.environment)
        #expect(notInRepository.status == 2)
        #expect(notInRepository.standardError.contains("is not in a git repository, which --diff needs"))
    }
}
