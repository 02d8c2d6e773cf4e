import Foundation
import Testing

/// factcheck as a newcomer meets it: a folder holding only a draft and a source, nothing of the repository around
/// it (no factcheck.yml, no Rules/, no Reports/templates/), and the mistakes a first run makes.
@Suite struct NewcomerTests {
    static let source = try! String(contentsOfFile: FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt", encoding: .utf8)
    static let draft = try! String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md", encoding: .utf8)

    /// A new folder with `draft.md` and `source.txt` only.
    private func emptyNewsroom() throws -> String {
        try Scratch.folder("newcomer-\(UUID())", files: ["draft.md": Self.draft, "source.txt": Self.source])
    }

    @Test func checksWithTheBuiltInRulesAndTemplatesFromAnEmptyFolder() throws {
        let folder = try emptyNewsroom()
        let text = try FactCheckBinary.run(["draft.md", "--baseline", "source.txt"], workingDirectory: folder)
        #expect(text.status == 1, "\(text.standardError)")
        #expect(text.standardOutput.contains("draft.md: 7 claims: 4 contradicted"))
        #expect(text.standardError.isEmpty)
        let html = try FactCheckBinary.run(["draft.md", "--baseline", "source.txt", "--format", "html"], workingDirectory: folder)
        #expect(html.status == 1, "\(html.standardError)")
        #expect(html.standardOutput == "Reports/draft.html\n")
        #expect(try String(contentsOfFile: folder + "/Reports/draft.html", encoding: .utf8).contains("18 prisoners"))
    }

    @Test func aBaselineThatHoldsTheDraftLeavesTheDraftOutAndSaysSo() throws {
        let folder = try emptyNewsroom()
        let run = try FactCheckBinary.run(["draft.md", "--baseline", "."], workingDirectory: folder)
        #expect(run.status == 1, "the draft must not confirm its own claims")
        #expect(run.standardOutput.contains("4 contradicted"))
        #expect(run.standardError.contains("the baseline includes the draft draft.md; it is left out of the baseline"))
    }

    @Test func aWordThatIsNeitherAFileNorACommandListsTheCommands() throws {
        let run = try FactCheckBinary.run(["version"], workingDirectory: try emptyNewsroom())
        #expect(run.status == 2)
        #expect(run.standardError.contains("version: no such file or command"))
        #expect(run.standardError.contains("check, base, accept, rules, hook, serve, init"))
    }

    @Test func quietPrintsOnlyTheFindings() throws {
        let folder = try emptyNewsroom()
        let run = try FactCheckBinary.run(["draft.md", "--baseline", ".", "--quiet", "--no-color"], workingDirectory: folder)
        #expect(run.status == 1)
        #expect(run.standardError.isEmpty)
        #expect(!run.standardOutput.contains("claims:"))
        #expect(!run.standardOutput.contains("\u{1B}["))
        #expect(run.standardOutput.components(separatedBy: ": error: ").count == 5)
        let clean = try FactCheckBinary.run(["source.txt", "--baseline", "source.txt", "--quiet"], workingDirectory: folder)
        #expect(clean.standardOutput.isEmpty)
    }

    @Test func versionFlagNamesTheTool() throws {
        let run = try FactCheckBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.range(of: #"^factcheck 0\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.standardOutput)")
    }

    @Test func findingIDsAreTheSameWhateverFolderFactcheckRunsFrom() throws {
        let folder = try emptyNewsroom()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        func ids(_ arguments: [String], in directory: String) throws -> [String] {
            let run = try FactCheckBinary.run(arguments + ["--format", "json"], workingDirectory: directory)
            return run.standardOutput.split(separator: "\n").filter { $0.contains("\"id\" : \"fc-") }.map(String.init)
        }
        let here = try ids(["draft.md", "--baseline", "source.txt"], in: folder)
        #expect(here.count == 7)
        #expect(try ids(["../draft.md", "--baseline", "../source.txt"], in: folder + "/sub") == here)
        #expect(try ids([folder + "/draft.md", "--baseline", folder + "/source.txt"], in: "/") == here)
    }
}
