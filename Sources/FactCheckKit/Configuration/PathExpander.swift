import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the files, folders and globs a user names into a sorted list of document files.
public enum PathExpander {
    /// Extensions read when a folder is named.
    public static let documentExtensions: Set<String> = ["txt", "md", "markdown", "text", "html", "htm"]

    /// Expands files (kept as they are), folders (their documents, recursively) and globs.
    /// - Throws: `InputError` for a name that matches nothing.
    public static func documents(in paths: [String]) throws(InputError) -> [String] {
        var result: [String] = []
        for path in paths {
            let matches = path.contains(where: { "*?[".contains($0) }) ? glob(path) : [path]
            guard !matches.isEmpty else {
                throw InputError(path: path, message: "matches no file", hint: "check the baseline in factcheck.yml or --baseline")
            }
            for match in matches {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: match, isDirectory: &isDirectory) else {
                    throw InputError(path: match, message: "no such file or folder", hint: "check the baseline path")
                }
                if isDirectory.boolValue {
                    let files = FolderWalk.files(below: match)
                        .filter { documentExtensions.contains(FolderWalk.pathExtension(of: $0).lowercased()) }
                        .sorted()
                    // As a glob that matches nothing: a baseline that is silently empty leaves every claim
                    // unverified and the run passing.
                    guard !files.isEmpty else {
                        throw InputError(path: match, message: "is a folder with no documents in it (.txt, .md, .html)",
                                         hint: "check the baseline in factcheck.yml or --baseline")
                    }
                    // As `NSString.appendingPathComponent` joins them: a slash unless the folder ends with one; none
                    // for the working directory, so `--baseline .` names its files as the user would ("source.txt").
                    let prefix = match == "." ? "" : match.hasSuffix("/") ? match : match + "/"
                    result.append(contentsOf: files.map { prefix + $0 })
                } else {
                    result.append(match)
                }
            }
        }
        return result
    }

    /// A path as reports should print it: relative to the working directory when it lies below it.
    public static func displayPath(_ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let folder = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    /// A path relative to `folder` when it lies below it (a relative `path` is read against the working
    /// directory), else the absolute path: how sign-offs name drafts and sources, whatever folder factcheck runs in.
    public static func relativePath(_ path: String, to folder: String,
                                    workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let absolute = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

extension PathExpander {
    /// A path made absolute against the working directory, with `.` and `..` resolved (symbolic links are
    /// not): how a store records a document, so that the same file is the same document whatever folder factcheck
    /// runs from. Worked out on the string: `URL(fileURLWithPath:)` asks the file system whether each path is a
    /// folder and reads the working directory, two system calls for every file of an archive.
    public static func absolutePath(_ path: String, workingDirectory: String? = nil) -> String {
        let absolute = path.hasPrefix("/")
            ? path : (workingDirectory ?? FileManager.default.currentDirectoryPath) + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `absolutePath(_:)` of each path, the working directory read once, in its folder's real path: a file
    /// reached through a symbolic link to a folder is the file itself (added again through the link, it was stored
    /// twice). Each folder is resolved once, not each file: an archive's files share a few folders.
    public static func absolutePaths(_ paths: [String]) -> [String] {
        let workingDirectory = FileManager.default.currentDirectoryPath
        var realFolders: [Substring: String] = [:]
        return paths.map { path in
            let absolute = absolutePath(path, workingDirectory: workingDirectory)
            guard let slash = absolute.lastIndex(of: "/"), slash > absolute.startIndex else { return absolute }
            let folder = absolute[..<slash]
            if realFolders[folder] == nil { realFolders[folder] = realPath(String(folder)) ?? String(folder) }
            return realFolders[folder]! + absolute[slash...]
        }
    }

    /// The path with every symbolic link resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
