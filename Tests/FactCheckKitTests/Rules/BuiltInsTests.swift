import Foundation
import Testing
@testable import FactCheckKit

/// The rules and templates compiled into factcheck are the repository's `Rules/` and `Reports/templates/` as they
/// are now (the EmbedBuiltIns plugin), and the loader treats a user's rules beside them as documented.
@Suite struct BuiltInsTests {
    /// Every file of a repository folder with one of the extensions, as "Folder/relative/path" → text.
    private func repositoryFiles(_ folder: String, extensions: Set<String>) throws -> [String: String] {
        let base = RepositoryPaths.root.appendingPathComponent(folder)
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: base.path) as [String]?)
        var files: [String: String] = [:]
        for path in paths where extensions.contains((path as NSString).pathExtension) {
            files[folder + "/" + path] = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    @Test func embeddedFilesAreTheRepositorysFilesExactly() throws {
        let rules = Dictionary(uniqueKeysWithValues: BuiltIns.ruleFiles.map { ($0.path, $0.text) })
        #expect(rules == (try repositoryFiles("Rules", extensions: ["yml", "yaml"])))
        let templates = Dictionary(uniqueKeysWithValues: BuiltIns.templateFiles.map { ($0.path, $0.text) })
        #expect(templates == (try repositoryFiles("Reports/templates", extensions: ["mustache"])))
    }

    @Test func builtInRulesAreTheRulesFolderWithTheSameFingerprint() throws {
        let builtIn = try RuleLoader().load(paths: [], includingBuiltIns: true, compilingJIT: false)
        let fromFolder = try RuleLoader().load(paths: [RepositoryPaths.rules], compilingJIT: false)
        #expect(builtIn.rules.map(\.id) == fromFolder.rules.map(\.id))
        #expect(builtIn.rules.filter { !$0.isBuiltIn || $0.origin != "built-in" }.isEmpty)
        #expect(builtIn.lexicon.count == fromFolder.lexicon.count)
        // A store built with the Rules folder fits a binary with the same rules built in, and the other way round.
        #expect(builtIn.fingerprint == fromFolder.fingerprint)
    }

    @Test func theRulesFolderBesideTheBuiltInsIsReadOnceAndReplacesNothing() throws {
        let both = try RuleLoader().load(paths: [RepositoryPaths.rules], includingBuiltIns: true, compilingJIT: false)
        let builtIn = try RuleLoader().load(paths: [], includingBuiltIns: true, compilingJIT: false)
        #expect(both.rules.map(\.id) == builtIn.rules.map(\.id))
        #expect(both.replacedBuiltIns.isEmpty)
        #expect(both.fingerprint == builtIn.fingerprint)
    }

    @Test func aUserRuleWithABuiltInIdReplacesItInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("builtins-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            id: core.time
            kind: time
            severity: warning
            patterns: ['at (?<value>{time})']
            examples:
              - baseline: "The plane lands at 11 a.m."
                supported: ["The plane lands at 11 a.m."]
            """.utf8).write(to: folder.appendingPathComponent("house.yml"))
        let builtIn = try RuleLoader().load(paths: [], includingBuiltIns: true, compilingJIT: false)
        let ruleSet = try RuleLoader().load(paths: [folder.path], includingBuiltIns: true, compilingJIT: false)
        #expect(ruleSet.rules.map(\.id) == builtIn.rules.map(\.id))
        let replaced = try #require(ruleSet.rule(id: "core.time"))
        #expect(!replaced.isBuiltIn)
        #expect(replaced.severity == .warning)
        #expect(replaced.origin == folder.appendingPathComponent("house.yml").path + ":1")
        #expect(ruleSet.replacedBuiltIns.map(\.id) == ["core.time"])
    }

    @Test func withoutBuiltInsAndWithoutRuleFilesLoadingFails() {
        #expect(throws: RuleError.self) { try RuleLoader().load(paths: [], includingBuiltIns: false, compilingJIT: false) }
    }

    @Test func builtInTemplatesRenderAReport() {
        #expect(HTMLTemplates.builtIn.render([String: String](), template: "index").contains("<html"))
    }
}
