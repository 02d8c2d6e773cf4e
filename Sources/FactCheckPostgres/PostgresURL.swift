import FactCheckKit
import Foundation

/// Where a PostgreSQL fact base lives: `postgresql://user@host:port/database?schema=NAME` (or `postgres://`).
///
/// The password never comes from the URL, which ends up in factcheck.yml, shell history and process lists: it
/// comes from `PGPASSWORD` or a password file (`PGPASSFILE`, else `~/.pgpass`), as for psql. Messages name the
/// base by `redacted`, which never holds a password.
public struct PostgresURL: Sendable, Equatable {
    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    /// The schema the tables live in (`?schema=`), `public` by default: one database can hold several bases.
    public let schema: String

    /// Whether a `factbase` setting names a PostgreSQL database rather than a SQLite file.
    public static func isDatabaseURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses a URL.
    /// - Throws: `FactStoreError` for a URL that is malformed or holds a password (the message shows it
    ///   without the password).
    public init(_ text: String) throws(FactStoreError) {
        let shown = Self.redact(text)
        func malformed(_ why: String) -> FactStoreError {
            FactStoreError(path: shown, message: "is not a PostgreSQL URL factcheck can use: \(why)",
                           hint: "write it as postgresql://USER@HOST:PORT/DATABASE (optionally ?schema=NAME)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgresql", "postgres"].contains(scheme) else {
            throw malformed("it does not parse as a URL")
        }
        if components.password != nil {
            throw FactStoreError(path: shown, message: "holds a password, which factcheck does not read from a URL",
                                 hint: "remove it from the URL; set PGPASSWORD or add a line to ~/.pgpass (or PGPASSFILE)")
        }
        guard let host = components.host, !host.isEmpty else { throw malformed("it names no host") }
        let environment = ProcessInfo.processInfo.environment
        user = components.user?.removingPercentEncoding ?? environment["PGUSER"] ?? NSUserName()
        self.host = host
        port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        var schema = "public"
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let value = item.value, Self.isIdentifier(value) else {
                    throw malformed("the schema must be a plain name (letters, digits, _)")
                }
                schema = value
            default:
                throw malformed("unknown parameter '\(item.name)' (only 'schema' is understood)")
            }
        }
        self.schema = schema
    }

    /// The URL as messages show it: never with a password.
    public var redacted: String {
        "postgresql://\(user)@\(host):\(port)/\(database)" + (schema == "public" ? "" : "?schema=\(schema)")
    }

    /// `text` with the password of any `scheme://user:password@` in it replaced by `***`.
    public static func redact(_ text: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "(://[^:/@\\s]*):[^@\\s]*@") else { return text }
        return pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                withTemplate: "$1:***@")
    }

    /// A name that needs no quoting, so that it can be written into SQL as it is.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return text.count <= 63 && text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The password: `PGPASSWORD`, else the first matching line of the password file; nil when neither has one.
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"] ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass")
        return PasswordFile(path: file)?.password(host: host, port: port, database: database, user: user)
    }
}
