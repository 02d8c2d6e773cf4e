import Foundation
import Testing

/// `factcheck init`: what it writes, that a second run changes nothing, and that it never overwrites unasked.
@Suite struct InitCommandTests {
    @Test func setsAFolderUpAndASecondRunChangesNothing() throws {
        let folder = try Scratch.folder("init-\(UUID())", files: [".gitignore": "*.tmp"])
        let first = try FactCheckBinary.run(["init"], workingDirectory: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("created factcheck.yml"))
        #expect(first.standardOutput.contains("created sources/"))
        #expect(first.standardOutput.contains("created drafts/"))
        let configuration = try String(contentsOfFile: folder + "/factcheck.yml", encoding: .utf8)
        for key in ["baseline:", "drafts:", "fail-on:", "reports:", "factbase:"] {
            #expect(configuration.contains("\n" + key), "factcheck.yml sets \(key)")
        }
        #expect(configuration.contains("# The drafts"), "the file is commented")
        #expect(try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8).hasSuffix("*.tmp\n# factcheck's fact base, rebuilt from the sources\n.factcheck/\n"))

        let second = try FactCheckBinary.run(["init"], workingDirectory: folder)
        #expect(second.status == 0)
        #expect(second.standardOutput.hasSuffix("everything was in place already; nothing changed\n"))
        #expect(try String(contentsOfFile: folder + "/factcheck.yml", encoding: .utf8) == configuration)
    }

    @Test func theWrittenConfigurationChecksADraft() throws {
        let folder = try Scratch.folder("init-check-\(UUID())", files: [:])
        #expect(try FactCheckBinary.run(["init", folder]).status == 0)
        try FileManager.default.copyItem(atPath: FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt",
                                         toPath: folder + "/sources/call.txt")
        try FileManager.default.copyItem(atPath: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md",
                                         toPath: folder + "/drafts/story.md")
        let run = try FactCheckBinary.run(["drafts/story.md"], workingDirectory: folder)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardOutput.contains("4 contradicted"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let folder = try Scratch.folder("init-keep-\(UUID())", files: ["factcheck.yml": "baseline: [news]\n"])
        let run = try FactCheckBinary.run(["init", "--templates"], workingDirectory: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("factcheck.yml exists, left as it is (--force overwrites it)"))
        #expect(run.standardOutput.contains("add 'templates: templates' to factcheck.yml"))
        #expect(try String(contentsOfFile: folder + "/factcheck.yml", encoding: .utf8) == "baseline: [news]\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/templates/report.mustache"))

        try Data("my house style".utf8).write(to: URL(fileURLWithPath: folder + "/templates/report.mustache"))
        let again = try FactCheckBinary.run(["init", "--templates"], workingDirectory: folder)
        #expect(again.status == 2)
        #expect(again.standardError.contains("report.mustache: exists and differs from what init would write"))

        let forced = try FactCheckBinary.run(["init", "--templates", "--force"], workingDirectory: folder)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(forced.standardOutput.contains("overwrote factcheck.yml"))
        #expect(try String(contentsOfFile: folder + "/factcheck.yml", encoding: .utf8).contains("\ntemplates: templates\n"))
    }

    @Test func hookOutsideAGitRepositoryFailsBeforeWritingAnything() throws {
        let folder = try Scratch.folder("init-nogit-\(UUID())", files: [:])
        let run = try FactCheckBinary.run(["init", "--hook"], workingDirectory: folder,
                                          environment: ["GIT_CEILING_DIRECTORIES": Scratch.directory.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not in a git repository"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/factcheck.yml"))
    }

    @Test func hookInstallsThePreCommitHookThatBlocksABadDraft() throws {
        let sandbox = try GitSandbox("init-hook")
        try FileManager.default.removeItem(atPath: sandbox.root + "/factcheck.yml")
        let run = try sandbox.factcheck("init", "--hook")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("installed factcheck's pre-commit hook"))
        let again = try sandbox.factcheck("init", "--hook")
        #expect(again.standardOutput.contains("nothing changed"), "\(again.standardOutput)")
        // The default drafts globs cover plain text too.
        let blocked = try sandbox.commit("drafts/story.txt", "Trump thanked Lukashenko for the release of 18 prisoners.\n",
                                         message: "Bad draft")
        #expect(blocked.status == 1)
        #expect(blocked.standardError.contains("drafts/story.txt:1:"))
        let passed = try sandbox.commit("drafts/story.txt", "Trump thanked Lukashenko for the release of 16 prisoners.\n",
                                        message: "Good draft")
        #expect(passed.status == 0, "\(passed.standardError)")
    }
}
