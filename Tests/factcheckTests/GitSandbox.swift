import Foundation

/// A real, throw-away git repository set up as a newsroom would: factcheck.yml with the example sources and the
/// repository's rules, drafts under `drafts/`. Git runs with a fixed identity and no global or system
/// configuration, so the tests do not depend on the machine's git setup.
struct GitSandbox {
    let root: String

    /// The environment every git and factcheck run in the sandbox gets.
    static let environment = [
        "GIT_AUTHOR_NAME": "Test Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Test Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
    ]

    /// A new repository with factcheck.yml, sources and rules committed (the hook is not installed yet).
    init(_ name: String) throws {
        root = Scratch.directory.appendingPathComponent("git-\(name)-\(UUID().uuidString.prefix(8))").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/drafts", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/sources", withIntermediateDirectories: true)
        try manager.copyItem(atPath: FactBinaryPaths.root + "/Rules", toPath: root + "/Rules")
        try manager.copyItem(atPath: FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt",
                             toPath: root + "/sources/belarus-us-call.txt")
        try write("factcheck.yml", "baseline:\n  - sources\nrules:\n  - Rules\ndrafts:\n  - drafts/*.md\n  - drafts/*.html\n")
        try git("init", "-q", ".")
        try git("add", "factcheck.yml", "sources", "Rules")
        try git("commit", "-q", "-m", "Set up factcheck")
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// Runs git in the sandbox; fails the test when git fails, unless `allowFailure`.
    @discardableResult
    func git(_ arguments: String..., allowFailure: Bool = false, environment: [String: String] = [:]) throws -> FactCheckBinary.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = ProcessInfo.processInfo.environment
            .merging(Self.environment) { _, new in new }.merging(environment) { _, new in new }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = FactCheckBinary.Run(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                                      standardError: String(decoding: errorData, as: UTF8.self))
        if run.status != 0 && !allowFailure {
            throw GitFailure(arguments: arguments, run: run)
        }
        return run
    }

    /// Runs the built factcheck in the sandbox.
    func factcheck(_ arguments: String...) throws -> FactCheckBinary.Run {
        try FactCheckBinary.run(arguments, workingDirectory: root, environment: Self.environment)
    }

    /// Stages `path` with `text` and commits, as an editor would; the pre-commit hook runs.
    func commit(_ path: String, _ text: String, message: String) throws -> FactCheckBinary.Run {
        try write(path, text)
        try git("add", path)
        return try git("commit", "-q", "-m", message, allowFailure: true)
    }

    /// The subjects of the commits, newest first.
    func log() throws -> [String] {
        try git("log", "--format=%s").standardOutput.split(separator: "\n").map(String.init)
    }

    struct GitFailure: Error, CustomStringConvertible {
        var arguments: [String]
        var run: FactCheckBinary.Run
        var description: String { "git \(arguments.joined(separator: " ")) failed (\(run.status)): \(run.standardError)" }
    }
}
