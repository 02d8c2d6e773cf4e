import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files below a folder, read with `opendir`/`readdir`: an archive of 100,000 documents is named as one folder,
/// and `FileManager`'s enumerator cost some 53,000 instructions a file (and `NSString.pathExtension` 13,000 more),
/// about two seconds of a build's single-threaded start and most of re-adding an unchanged archive.
enum FolderWalk {
    /// The paths, relative to `folder`, of every entry below it that is not a folder, at any depth. Symbolic links
    /// are listed, not followed (as `FileManager`'s enumerator does); folders that cannot be opened are skipped.
    static func files(below folder: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let stream = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder(type: entry.pointee.d_type, path: folder + "/" + path) {
                    pending.append(path)
                } else {
                    found.append(path)
                }
            }
        }
        return found
    }

    /// What `NSString.pathExtension` gives for the last component of `path`: the text after its last dot, unless
    /// that dot begins the name (".profile") or ends it.
    static func pathExtension(of path: String) -> Substring {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    /// A folder, by the entry's type, or by `lstat` when the file system does not tell it.
    private static func isFolder(type: UInt8, path: String) -> Bool {
        if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
