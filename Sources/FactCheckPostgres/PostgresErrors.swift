import FactCheckKit
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// What the server, or the way to it, said, as a `FactStoreError` that says what failed, where, and what to do.
/// The store is named by its redacted URL: no message ever holds a password.
enum PostgresErrors {
    /// What factcheck was doing when the error came: the same lost connection means different things to a
    /// check (nothing was written) and to an add (the batch in flight was rolled back).
    enum Activity {
        case connecting, reading, writing
    }

    static func translate(_ error: any Error, url: PostgresURL, during activity: Activity) -> FactStoreError {
        if let error = error as? FactStoreError { return error }
        let place = url.redacted
        let rolledBack = activity == .writing
            ? "; the batch being written was rolled back, what was committed before stays (run the add again)" : ""
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                let message = PostgresURL.redact(error.serverInfo?[.message] ?? "")
                switch state {
                case "28P01", "28000":
                    return FactStoreError(path: place, message: "the server refused the login of '\(url.user)' (\(message))",
                                          hint: "set PGPASSWORD, or add a line for this server to ~/.pgpass (or PGPASSFILE), or fix the user in the URL")
                case "3D000":
                    return FactStoreError(path: place, message: "the database '\(url.database)' does not exist on \(url.host):\(url.port)",
                                          hint: "create it (createdb \(url.database)), then run `factcheck base migrate`")
                case "57P01", "57P02", "57P03":
                    return FactStoreError(path: place, message: "the server shut down or is starting (\(message))\(rolledBack)",
                                          hint: "try again once the database server is up")
                case "42P01":
                    return FactStoreError(path: place, message: "holds no factcheck fact base (\(message))",
                                          hint: "run `factcheck base migrate` to create its tables")
                default:
                    return FactStoreError(path: place, message: "the server answered with an error: \(message) (SQLSTATE \(state))\(rolledBack)",
                                          hint: "see the server's log; `factcheck base migrate` if the schema is missing")
                }
            }
            switch error.code {
            case .serverClosedConnection, .uncleanShutdown, .connectionError:
                if activity == .connecting {
                    return FactStoreError(path: place, message: "cannot connect to the PostgreSQL server at \(url.host):\(url.port) (\(describe(error.underlying ?? error)))",
                                          hint: "check that the server is running and the host and port in 'factbase', --factbase or FACTCHECK_DATABASE_URL")
                }
                return lost(url, during: activity)
            default:
                break
            }
        }
        if activity == .connecting {
            return FactStoreError(path: place, message: "cannot connect to the PostgreSQL server at \(url.host):\(url.port) (\(describe(error)))",
                                  hint: "check that the server is running and the host and port in 'factbase', --factbase or FACTCHECK_DATABASE_URL")
        }
        return FactStoreError(path: place, message: "the database could not be \(activity == .writing ? "written" : "read") (\(describe(error)))\(rolledBack)",
                              hint: "check that the database server is running, then try again")
    }

    /// The connection is gone (the server stopped or crashed, the network failed).
    static func lost(_ url: PostgresURL, during activity: Activity) -> FactStoreError {
        let rolledBack = activity == .writing
            ? "; the batch being written was rolled back, what was committed before stays (run the add again)" : ""
        return FactStoreError(path: url.redacted, message: "the connection to the server was lost\(rolledBack)",
                              hint: "check that the database server is running, then try again")
    }

    /// A short, password-free description of a lower-level error.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let underlying = error.underlying { return describe(underlying) }
            return "\(error.code)"
        }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.first.map { describe($0.error) } ?? "no address answered"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if error is ChannelError { return "\(error)" }
        return PostgresURL.redact(String(describing: error))
    }
}
