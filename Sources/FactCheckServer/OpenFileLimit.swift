#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which every connection takes one of. Many systems start a process at 1,024
/// with a hard limit far above: 400 clients that send headers and no body held the server's descriptors for a
/// minute (issue 24).
public enum OpenFileLimit {
    /// Raises the soft limit to the hard one, where the system allows.
    /// - Returns: the soft limit in force afterwards (1,024 when it cannot be read).
    @discardableResult
    public static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            // macOS refuses more than OPEN_MAX whatever the hard limit says.
            raised.rlim_cur = min(limit.rlim_max, rlim_t(1 << 20))
            if setrlimit(RLIMIT_NOFILE_VALUE, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The connections a server with `fileLimit` descriptors takes at once: the rest of the descriptors are left
    /// for the fact store, the log and the listening socket.
    public static func connectionLimit(forFileLimit fileLimit: Int) -> Int {
        max(16, min(ServerOptions.defaultMaxConnections, fileLimit - 64))
    }

    #if canImport(Glibc)
    private static let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
    #endif
}
