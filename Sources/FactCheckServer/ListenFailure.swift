import Foundation
import NIOCore

/// Why the server could not start listening, in words for the person who started it (NIO's own messages name
/// system calls and errno values).
public struct ListenFailure: Error, CustomStringConvertible {
    /// The `--host` asked for.
    public let host: String
    /// The `--port` asked for.
    public let port: Int
    /// What NIO threw while resolving or binding.
    public let underlying: any Error

    /// Wraps the error thrown while starting to listen on `host:port`.
    public init(host: String, port: Int, underlying: any Error) {
        self.host = host
        self.port = port
        self.underlying = underlying
    }

    public var description: String {
        switch underlying {
        case let error as IOError where error.errnoCode == EADDRINUSE:
            "port \(port) is already in use by another program"
        case let error as IOError where error.errnoCode == EADDRNOTAVAIL:
            "this machine has no address \(host)"
        case let error as IOError where error.errnoCode == EACCES:
            "not allowed to listen on port \(port) (ports below 1024 need privileges)"
        case is SocketAddressError.UnknownHost:
            "the host name '\(host)' does not resolve"
        default:
            "\(underlying)"
        }
    }
}
