import Foundation
import Testing
@testable import FactCheckKit

/// A folder of sources reached through a symbolic link is the folder itself (issue 24: its files were stored
/// twice, once under each path).
@Suite struct FactStoreLinkTests {
    @Test func filesAddedAgainThroughALinkedFolderAreStoredOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-link-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/sources", withIntermediateDirectories: true)
        try Data("In 2023, 20 roses were sold for $3.1 billion.".utf8).write(to: URL(fileURLWithPath: folder + "/sources/a.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/sources")
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        for named in ["sources", "link", "link/a.txt"] {
            try store.add(files: PathExpander.absolutePaths(try PathExpander.documents(in: [folder + "/" + named])),
                          extractor: extractor)
        }
        let real = try #require(PathExpander.realPath(folder + "/sources/a.txt"))
        #expect(try store.documents().map(\.path) == [real])
        try store.remove(paths: PathExpander.absolutePaths([folder + "/link"]))
        #expect(try store.documents().isEmpty)
    }
}
