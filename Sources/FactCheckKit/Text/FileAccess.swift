import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, modification time and bytes, read with plain system calls: a fact base reads thousands of short
/// files, and `FileManager.attributesOfItem` also looks up the owner's and the group's names (reading
/// /etc/passwd and /etc/group for every file) and the extended attributes, which costs more than reading the
/// file. The values are those `FileManager` gives, to the bit: a store compares them with the ones it recorded.
enum FileAccess {
    /// The size and modification time (seconds since 1970) of `path` itself, a symbolic link not followed, as
    /// `FileManager.attributesOfItem(atPath:)` gives them; nil when the file cannot be examined.
    static func attributes(atPath path: String) -> (size: Int, modified: Double)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return attributes(of: status)
    }

    /// The size and modification time of a `stat` result, as `FileManager` gives them.
    private static func attributes(of status: stat) -> (size: Int, modified: Double) {
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        // As Foundation computes it, through the reference date: adding the nanoseconds to the seconds since
        // 1970 directly rounds differently for about one time in six.
        let modified = Date(timeIntervalSinceReferenceDate: Double(time.tv_sec) - Date.timeIntervalBetween1970AndReferenceDate
                            + Double(time.tv_nsec) / 1_000_000_000).timeIntervalSince1970
        return (Int(status.st_size), modified)
    }

    /// The bytes of the file at `path`; nil when it cannot be read (missing, a folder, no permission).
    static func contents(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return contents(of: descriptor, status: status)
    }

    /// `attributes(atPath:)` and `contents(atPath:)` of one file, in fewer system calls: a file that is not a
    /// symbolic link is opened without following one, and its attributes read from the open file (the same
    /// inode `lstat` describes), with no second walk of its path. A symbolic link is read as the two functions
    /// read it. Nil when either would be nil.
    static func attributesAndContents(atPath path: String) -> (size: Int, modified: Double, bytes: [UInt8])? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW)
        guard descriptor >= 0 else {
            // ELOOP: a symbolic link, whose own attributes and target's bytes are wanted.
            guard errno == ELOOP, let attributes = attributes(atPath: path), let bytes = contents(atPath: path)
            else { return nil }
            return (attributes.size, attributes.modified, bytes)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let bytes = contents(of: descriptor, status: status) else { return nil }
        let attributes = attributes(of: status)
        return (attributes.size, attributes.modified, bytes)
    }

    /// The bytes of an open file, read to its end; `status` is its `fstat`.
    private static func contents(of descriptor: Int32, status: stat) -> [UInt8]? {
        let isRegularFile = status.st_mode & S_IFMT == S_IFREG
        // The size is a hint: a file that grows while it is read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let room = bytes.count - count
            let justRead = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, room)
            }
            if justRead < 0, errno == EINTR { continue }
            guard justRead >= 0 else { return nil }
            count += justRead
            // A read of a regular file comes back short only at its end: no second call to hear so. Another
            // kind of file (a pipe) is read until a call returns nothing.
            if justRead == 0 || (justRead < room && isRegularFile) { break }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
