import FactCheckKit
import Foundation

/// factcheck's git pre-commit hook: a small shell script that runs `factcheck hook run`. An existing hook that is
/// not factcheck's is never lost: it is kept beside ours as `pre-commit.factcheck-previous`, run first, and put
/// back by `uninstall`.
struct PreCommitHook {
    /// The line that marks the hook as factcheck's, so that `uninstall` removes only ours.
    static let marker = "# factcheck pre-commit hook"
    static let fileName = "pre-commit"
    static let previousFileName = "pre-commit.factcheck-previous"

    /// The hooks folder.
    let folder: String

    var path: String { (folder as NSString).appendingPathComponent(Self.fileName) }
    var previousPath: String { (folder as NSString).appendingPathComponent(Self.previousFileName) }

    /// Whether a file (or symlink, even a broken one) exists at `path`.
    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// Whether the pre-commit hook in the folder is factcheck's.
    var isOurs: Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { $0 == Self.marker }
    }

    /// Installs the hook.
    /// - Parameters:
    ///   - binary: the factcheck the hook runs (absolute), else the one on PATH.
    ///   - failOn: `--fail-on` for `hook run`; nil leaves it to factcheck.yml.
    ///   - runPrevious: whether the hook runs a kept earlier hook first.
    /// - Returns: what was done, for the user.
    /// - Throws: `InputError` when the folder cannot be written or an earlier hook is already kept.
    func install(binary: String?, failOn: String?, runPrevious: Bool) throws(InputError) -> [String] {
        var notes: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(path: folder, message: "cannot create the hooks folder: \(error.localizedDescription)")
        }
        if Self.exists(path) {
            if isOurs {
                notes.append("updated factcheck's pre-commit hook in \(folder)")
            } else {
                guard !Self.exists(previousPath) else {
                    throw InputError(path: path, message: "is another pre-commit hook, and \(Self.previousFileName) already exists beside it",
                                     hint: "merge or remove one of them, then run `factcheck hook install` again")
                }
                do {
                    try FileManager.default.moveItem(atPath: path, toPath: previousPath)
                } catch {
                    throw InputError(path: path, message: "cannot keep the existing hook aside: \(error.localizedDescription)")
                }
                notes.append("kept the existing pre-commit hook as \(previousPath); "
                    + (runPrevious ? "factcheck's hook runs it first" : "with --force it no longer runs")
                    + " and `factcheck hook uninstall` puts it back")
            }
        }
        let script = Self.script(binary: binary, failOn: failOn, runPrevious: runPrevious)
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw InputError(path: path, message: "cannot write the hook: \(error.localizedDescription)",
                             hint: "check that the hooks folder is writable")
        }
        notes.append("installed factcheck's pre-commit hook: \(path)")
        return notes
    }

    /// Removes factcheck's hook and puts back the hook it kept.
    /// - Returns: what was done, for the user.
    /// - Throws: `InputError` when the pre-commit hook is not factcheck's (it is left alone).
    func uninstall() throws(InputError) -> [String] {
        guard Self.exists(path) else {
            return ["no pre-commit hook in \(folder); nothing to remove"]
        }
        guard isOurs else {
            throw InputError(path: path, message: "is not factcheck's pre-commit hook; left as it is",
                             hint: "remove it by hand if you mean to")
        }
        var notes: [String] = []
        do {
            try FileManager.default.removeItem(atPath: path)
            notes.append("removed factcheck's pre-commit hook from \(folder)")
            if Self.exists(previousPath) {
                try FileManager.default.moveItem(atPath: previousPath, toPath: path)
                notes.append("restored the earlier pre-commit hook")
            }
        } catch {
            throw InputError(path: path, message: "cannot remove the hook: \(error.localizedDescription)")
        }
        return notes
    }

    /// The hook's text.
    static func script(binary: String?, failOn: String?, runPrevious: Bool) -> String {
        let arguments = ["hook", "run"] + (failOn.map { ["--fail-on", $0] } ?? [])
        var lines = [
            "#!/bin/sh",
            marker,
            "# Checks the staged drafts (factcheck.yml's 'drafts') and blocks the commit on contradictions.",
            "# Installed by 'factcheck hook install'; 'factcheck hook uninstall' removes it.",
            "# Skip it once with 'git commit --no-verify'.",
        ]
        if runPrevious {
            lines += [
                "previous=\"$(dirname \"$0\")/\(previousFileName)\"",
                "if [ -x \"$previous\" ]; then",
                "    \"$previous\" \"$@\" || exit $?",
                "fi",
            ]
        }
        lines += [
            "factcheck=\(shellQuoted(binary ?? ""))",
            "if [ ! -x \"$factcheck\" ]; then",
            "    recorded=\"$factcheck\"",
            "    factcheck=\"$(command -v factcheck)\" || {",
            "        echo \"factcheck pre-commit hook: cannot find factcheck (not at '$recorded', not on PATH);\" \\",
            "            \"install it and run 'factcheck hook install' again, or commit with --no-verify\" >&2",
            "        exit 1",
            "    }",
            "fi",
            "exec \"$factcheck\" " + arguments.map(shellQuoted).joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in single quotes, safe in any shell word.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
