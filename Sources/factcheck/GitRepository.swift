import FactCheckKit
import Foundation

/// The git repository a command runs in. Git is run directly (`/usr/bin/env git ...`, arguments as an array),
/// never through a shell, so paths and revisions are never interpreted.
struct GitRepository {
    /// The top of the working tree, symlinks resolved.
    let root: String
    /// Where git is run from; relative paths git prints are relative to it.
    let workingDirectory: String

    /// The output of one git command.
    struct Output {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// The repository holding `directory`.
    /// - Throws: `InputError` when git is missing or `directory` is not in a git working tree.
    static func containing(_ directory: String, purpose: String) throws(InputError) -> GitRepository {
        let output = try run(["rev-parse", "--show-toplevel"], in: directory)
        guard output.status == 0 else {
            throw InputError(path: directory, message: "is not in a git repository, which \(purpose) needs",
                             hint: "run factcheck inside the repository's working tree")
        }
        let root = String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .newlines)
        return GitRepository(root: Self.resolved(root), workingDirectory: directory)
    }

    /// Runs git with `arguments` in this repository's working directory.
    func run(_ arguments: [String]) throws(InputError) -> Output {
        try Self.run(arguments, in: workingDirectory)
    }

    /// Fails unless `revision` names a commit.
    func verifyCommit(_ revision: String) throws(InputError) {
        guard try commitExists(revision) else {
            throw InputError(path: revision, message: "is not a revision of the repository at \(root)",
                             hint: "give a commit, branch or tag that `git log` knows, for example HEAD~1 or main")
        }
    }

    /// Whether `revision` names a commit (false for HEAD in a repository without commits).
    func commitExists(_ revision: String) throws(InputError) -> Bool {
        // "--end-of-options" keeps a revision that starts with "-" from being read as an option.
        try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]).status == 0
    }

    /// A file's contents at a revision, or in the index when `revision` is nil (the staged version).
    /// - Parameter path: relative to the repository's root.
    /// - Returns: nil when the file does not exist there.
    func contents(of path: String, at revision: String?) throws(InputError) -> Data? {
        let object = (revision ?? "") + ":" + path
        guard try run(["cat-file", "-e", object]).status == 0 else { return nil }
        let output = try run(["cat-file", "blob", object])
        guard output.status == 0 else {
            throw InputError(path: path, message: "git cannot read it at \(revision ?? "the index"): \(output.standardError)")
        }
        return output.standardOutput
    }

    /// The staged files that are added, copied, modified or renamed, relative to the root.
    func stagedFiles() throws(InputError) -> [String] {
        let output = try run(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"])
        guard output.status == 0 else {
            throw InputError(path: root, message: "git cannot list the staged files: \(output.standardError)")
        }
        return output.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The folder git runs hooks from (respects `core.hooksPath` and linked worktrees), absolute.
    func hooksFolder() throws(InputError) -> String {
        let output = try run(["rev-parse", "--git-path", "hooks"])
        guard output.status == 0 else {
            throw InputError(path: root, message: "git cannot name the hooks folder: \(output.standardError)")
        }
        let path = String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .newlines)
        return path.hasPrefix("/") ? path
            : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// A file's path relative to the root.
    /// - Parameter path: absolute, or relative to the process's working directory.
    /// - Throws: `InputError` when the file lies outside the working tree.
    func relativePath(of path: String) throws(InputError) -> String {
        let resolvedPath = Self.resolved(URL(fileURLWithPath: path).path)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard resolvedPath.hasPrefix(prefix) else {
            throw InputError(path: path, message: "is outside the git repository at \(root)",
                             hint: "--diff compares drafts with their committed versions; check drafts of this repository")
        }
        return String(resolvedPath.dropFirst(prefix.count))
    }

    /// A path with symlinks resolved (/tmp → /private/tmp on macOS), so paths from git and from the user compare.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func run(_ arguments: [String], in directory: String) throws(InputError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw InputError(path: "git", message: "cannot run git: \(error.localizedDescription)",
                             hint: "install git and make sure it is on PATH")
        }
        // Standard error is read on another thread so that neither pipe can fill and stall git.
        let errorData = ErrorCollector(handle: error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errorData.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw InputError(path: "git", message: "git is not installed or not on PATH", hint: "install git")
        }
        return Output(status: process.terminationStatus, standardOutput: outputData,
                      standardError: String(decoding: errorText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
