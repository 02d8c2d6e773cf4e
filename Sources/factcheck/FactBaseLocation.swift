import FactCheckKit
import FactCheckPostgres
import Foundation

/// Which fact base a command uses: a SQLite file, or a PostgreSQL database (`postgresql://...`). Named by
/// `--factbase`, else `FACTCHECK_DATABASE_URL`, else factcheck.yml's `factbase`.
enum FactBaseLocation {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The environment variable that names a shared fact base for every command (a newsroom's servers, CI).
    static let environmentVariable = "FACTCHECK_DATABASE_URL"

    /// The `factbase` a run uses: the flag, else the environment variable, else the configuration's.
    static func setting(flag: String?, configured: String) -> String {
        if let flag { return flag }
        if let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty { return url }
        return configured
    }

    /// The location a `factbase` setting names.
    /// - Throws: `FactCheckError.store` for a malformed URL, or one holding a password.
    init(_ setting: String) throws(FactCheckError) {
        guard PostgresURL.isDatabaseURL(setting) else {
            self = .sqlite(path: setting)
            return
        }
        do {
            self = .postgres(try PostgresURL(setting))
        } catch {
            throw .store(error)
        }
    }

    /// Where a check session gets its facts when the base is a PostgreSQL database: the shared base as it is,
    /// never refreshed from `baseline` (`base add` keeps it); nil for a SQLite setting.
    var sharedSource: CheckSession.FactsFrom? {
        guard case let .postgres(url) = self else { return nil }
        return .opened { rules throws(FactCheckError) in
            do throws(FactStoreError) {
                return try PostgresFactStore.openForChecking(url: url, rules: rules)
            } catch {
                throw .store(error)
            }
        }
    }

    var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Opens the store as it is (`base list`, `stats`, `remove`, `rebuild`).
    /// - Throws: `FactCheckError.store` when it cannot be opened.
    func open() throws(FactCheckError) -> any ManagedFactStore {
        do throws(FactStoreError) {
            switch self {
            case let .sqlite(path): return try FactStore(path: path, create: false)
            case let .postgres(url): return try PostgresFactStore(url: url)
            }
        } catch {
            throw .store(error)
        }
    }

    /// Runs `body`, which changes the store, holding what keeps writers apart: a SQLite store's lock file; a
    /// PostgreSQL store's writers take an advisory lock per transaction themselves.
    func whileLocked<T>(_ body: () throws -> T) throws -> T {
        switch self {
        case let .sqlite(path): return try FactStore.whileLocked(path, body)
        case .postgres: return try body()
        }
    }
}
