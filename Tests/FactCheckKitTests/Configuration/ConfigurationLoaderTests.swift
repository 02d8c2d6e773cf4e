import Foundation
import Testing
@testable import FactCheckKit

@Suite struct ConfigurationLoaderTests {
    private func folder(with configuration: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-config-\(UUID())")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data(configuration.utf8).write(to: url.appendingPathComponent(ConfigurationLoader.fileName))
        return url
    }

    @Test func findsTheFileUpwardsAndResolvesPathsAgainstIt() throws {
        let url = try folder(with: "baseline: [sources]\nrules: [Rules]\nfail-on: warning\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let loader = ConfigurationLoader()
        let found = try #require(loader.find(from: url.appendingPathComponent("a/b").path))
        let configuration = try loader.load(file: found)
        #expect(configuration.baseline == [url.appendingPathComponent("sources").standardizedFileURL.path])
        #expect(configuration.rules == [url.appendingPathComponent("Rules").standardizedFileURL.path])
        #expect(configuration.failOn == .warning)
    }

    @Test func rejectsUnknownKeysWithTheirLine() throws {
        let url = try folder(with: "baseline: [sources]\nbaseilne: [other]\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigurationLoader().load(file: url.appendingPathComponent(ConfigurationLoader.fileName).path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.line == 2 && error.message.contains("unknown key 'baseilne'")
        }
    }

    @Test func signOffsDefaultBesideTheFileAndCanBeMoved() throws {
        let url = try folder(with: "baseline: [sources]\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let file = url.appendingPathComponent(ConfigurationLoader.fileName).path
        let configuration = try ConfigurationLoader().load(file: file)
        #expect(configuration.signOffs == url.appendingPathComponent(".factcheck/accepted.yml").standardizedFileURL.path)
        #expect(configuration.folder == url.standardizedFileURL.path)
        try Data("sign-offs: desk/sign-offs.yml\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try ConfigurationLoader().load(file: file).signOffs
            == url.appendingPathComponent("desk/sign-offs.yml").standardizedFileURL.path)
    }

    @Test func failOnNeverDisablesFailure() throws {
        let url = try folder(with: "fail-on: never\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let configuration = try ConfigurationLoader().load(file: url.appendingPathComponent(ConfigurationLoader.fileName).path)
        #expect(configuration.failOn == nil)
    }

    @Test func displayPathsAreRelativeToTheWorkingDirectory() {
        #expect(PathExpander.displayPath("/work/repo/Examples/a.txt", workingDirectory: "/work/repo") == "Examples/a.txt")
        #expect(PathExpander.displayPath("/elsewhere/a.txt", workingDirectory: "/work/repo") == "/elsewhere/a.txt")
    }

    /// A store names documents by these paths: they must be the ones Foundation's standardized file URLs give.
    @Test func absolutePathsResolveDotsAsStandardizedFileURLsDo() {
        let paths = ["/a/./b", "/a/../b", "/a/b/..", "/a/b/../../..", "//a//b/", "/", "/..", "/a/.../b", "/a/b.",
                     "a/b", "./a", "../a", "a/../../b", ".", "..", "a//b/.", "/tmp/archive/documents/000/doc-1.md"]
        let workingDirectory = FileManager.default.currentDirectoryPath
        for path in paths {
            let expected = URL(fileURLWithPath: path).standardizedFileURL.path
            #expect(PathExpander.absolutePath(path) == expected, "\(path)")
            #expect(PathExpander.absolutePaths([path]) == [expected])
            #expect(PathExpander.absolutePath(path, workingDirectory: workingDirectory) == expected)
        }
        #expect(PathExpander.absolutePath("b/../c", workingDirectory: "/news/x") == "/news/x/c")
    }

    @Test func expandsFoldersAndGlobs() throws {
        let sources = RepositoryPaths.root.appendingPathComponent("Examples/sources").path
        #expect(try PathExpander.documents(in: [sources]) == [sources + "/belarus-us-call.txt"])
        #expect(try PathExpander.documents(in: [sources + "/*.txt"]) == [sources + "/belarus-us-call.txt"])
        #expect(throws: InputError.self) { try PathExpander.documents(in: [sources + "/*.nothing"]) }
    }

    @Test func withoutRulesTheBuiltInsAloneAreUsedAndDraftsCoverEveryFormat() throws {
        let url = try folder(with: "baseline: [sources]\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let configuration = try ConfigurationLoader().load(file: url.appendingPathComponent(ConfigurationLoader.fileName).path)
        #expect(configuration.rules.isEmpty)
        #expect(configuration.builtInRules)
        #expect(configuration.templates == nil)
        let drafts = url.appendingPathComponent("drafts").standardizedFileURL.path
        for format in ["txt", "md", "html"] {
            #expect(configuration.drafts.contains("\(drafts)/*.\(format)"))
        }
    }

    @Test func readsBuiltInRulesAndTemplates() throws {
        let url = try folder(with: "baseline: [sources]\nbuiltin-rules: false\nrules: [house]\ntemplates: style\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let configuration = try ConfigurationLoader().load(file: url.appendingPathComponent(ConfigurationLoader.fileName).path)
        #expect(!configuration.builtInRules)
        #expect(configuration.templates == url.appendingPathComponent("style").standardizedFileURL.path)
    }

    @Test func rejectsABuiltInRulesValueThatIsNotTrueOrFalse() throws {
        let url = try folder(with: "baseline: [sources]\nbuiltin-rules: maybe\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ConfigurationLoader().load(file: url.appendingPathComponent(ConfigurationLoader.fileName).path)
        } throws: { error in
            (error as? InputError).map { $0.line == 2 && $0.message.contains("builtin-rules must be true or false") } ?? false
        }
    }
}
