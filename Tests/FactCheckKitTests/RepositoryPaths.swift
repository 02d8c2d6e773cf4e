import Foundation

/// Paths into the repository, found from this file so tests run from any working directory.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rules = root.appendingPathComponent("Rules").path
    static let exampleSource = root.appendingPathComponent("Examples/sources/belarus-us-call.txt").path
}
