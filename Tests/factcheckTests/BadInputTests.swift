import Foundation
import Testing

/// Every kind of bad input gets a clear message on standard error and exit code 2, never a crash or a report.
@Suite struct BadInputTests {
    private func expectRunFails(_ arguments: [String], input: String? = nil, mentioning expected: String) throws {
        let run = try FactCheckBinary.run(arguments, input: input)
        #expect(run.status == 2, "exit \(run.status): \(run.standardError)")
        #expect(run.standardError.contains(expected), "stderr: \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func missingFile() throws {
        try expectRunFails(["no-such-draft.txt"], mentioning: "no-such-draft.txt: no such file")
    }

    @Test func emptyFile() throws {
        let file = try Scratch.file("empty.txt", contents: Data("\n  \n".utf8))
        try expectRunFails([file], mentioning: "is empty")
    }

    @Test func binaryFile() throws {
        let file = try Scratch.file("image.png", contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        try expectRunFails([file], mentioning: "is a binary file")
    }

    @Test func invalidUTF8() throws {
        let file = try Scratch.file("latin1.txt", contents: Data("Caf".utf8) + Data([0xE9]) + Data(" 16 prisoners.\n".utf8))
        try expectRunFails([file], mentioning: "is not valid UTF-8 (first bad byte at offset 3)")
    }

    @Test func malformedRuleYAML() throws {
        let folder = try Scratch.folder("rules-malformed", files: ["bad.yml": "id: x\nkind: [count\n"])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--rules", folder], mentioning: "bad.yml:3: malformed YAML")
    }

    @Test func unknownRuleKey() throws {
        let folder = try Scratch.folder("rules-unknown-key", files: ["bad.yml": """
            id: test.count
            kind: count
            pattern: '(?<value>{number})'
            """])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--rules", folder],
                           mentioning: "bad.yml:3: rule 'test.count': unknown key 'pattern'")
    }

    @Test func invalidPattern() throws {
        let folder = try Scratch.folder("rules-invalid-pattern", files: ["bad.yml": """
            id: test.count
            kind: count
            patterns: ['(?<value>{number}) [a-z']
            examples:
              - baseline: "x"
            """])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--rules", folder],
                           mentioning: "rule 'test.count': invalid PCRE2 pattern at offset 23")
    }

    @Test func catastrophicPattern() throws {
        let folder = try Scratch.folder("rules-catastrophic", files: ["bad.yml": """
            id: test.runaway
            kind: count
            patterns: ['(?<value>(?:[a-z]+\\s?)+)[0-9]{5}']
            examples:
              - baseline: "x"
                supported: ["x"]
            """])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--rules", folder],
                           mentioning: "rule 'test.runaway'")
    }

    @Test func missingBaseline() throws {
        let draft = try Scratch.file("draft.txt", contents: Data("16 prisoners were freed.".utf8))
        let run = try FactCheckBinary.run([draft, "--rules", FactBinaryPaths.root + "/Rules"], workingDirectory: "/")
        #expect(run.status == 2)
        #expect(run.standardError.contains("no baseline"))
    }

    @Test func baselineThatMatchesNothing() throws {
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--baseline", "sources/*.nothing"], mentioning: "matches no file")
    }

    /// Treated as a glob that matches nothing: a silently empty baseline passed with every claim unverified.
    @Test func baselineFolderWithNoDocuments() throws {
        let folder = try Scratch.folder("empty-baseline-\(UUID())", files: ["notes.csv": "a,b"])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--baseline", folder],
                           mentioning: "is a folder with no documents in it")
    }

    /// Messages for what is not a plain file of UTF-8 text (issue 24: they spoke of permissions, missing files,
    /// binary files and NSCocoaErrorDomain 512).
    @Test func devNullIsEmpty() throws {
        try expectRunFails(["/dev/null"], mentioning: "/dev/null: is empty")
    }

    @Test func aSymbolicLinkLoopIsNamed() throws {
        let link = Scratch.directory.appendingPathComponent("loop-\(UUID()).txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: link)
        try expectRunFails([link], mentioning: "is a symbolic link that leads to no file")
    }

    @Test func utf16IsNamed() throws {
        let withMark = try Scratch.file("utf16-mark.txt", contents: Data([0xFF, 0xFE]) + "16 prisoners.".data(using: .utf16LittleEndian)!)
        try expectRunFails([withMark], mentioning: "is UTF-16LE text; factcheck reads UTF-8")
        let without = try Scratch.file("utf16-bare.txt", contents: "Sixteen prisoners were freed.".data(using: .utf16BigEndian)!)
        try expectRunFails([without], mentioning: "is UTF-16BE text")
    }

    @Test func outputNamingAFolder() throws {
        let folder = try Scratch.folder("output-folder-\(UUID())", files: [:])
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--output", folder], mentioning: "is a folder; --output names the report's file")
    }

    @Test func unknownFlag() throws {
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--formt", "json"], mentioning: "--formt")
    }

    @Test func unknownFormat() throws {
        try expectRunFails(["Examples/drafts/belarus-clean.md", "--format", "pdf"], mentioning: "pdf")
    }
}
