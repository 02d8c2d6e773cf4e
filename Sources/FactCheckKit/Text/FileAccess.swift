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
        // The size is a hint: a file that grows while it is read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let justRead = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if justRead < 0, errno == EINTR { continue }
            guard justRead >= 0 else { return nil }
            if justRead == 0 { break }
            count += justRead
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
