import Foundation
import Testing

/// The PostgreSQL server the tests use: `FACTCHECK_TEST_DATABASE_URL` (`make test` starts a throw-away cluster
/// and sets it: .ci/postgres-cluster). Each test gets a schema of its own (`?schema=`), so tests stay independent.
enum TestDatabase {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "FACTCHECK_TEST_DATABASE_URL is not set, and CI=true: the PostgreSQL tests must run in CI (run them with `make test`, which starts a cluster)"
        }
    }

    static let environment = ProcessInfo.processInfo.environment

    /// The server's URL; nil when none is configured outside CI (the PostgreSQL cases are then skipped with a
    /// note). Under CI a missing URL fails the test.
    static func baseURL() throws -> String? {
        if let url = environment["FACTCHECK_TEST_DATABASE_URL"], !url.isEmpty { return url }
        if environment["CI"] == "true" { throw Missing() }
        print("note: FACTCHECK_TEST_DATABASE_URL is not set; PostgreSQL cases skipped (`make test` runs them)")
        return nil
    }

    /// A URL of a schema no other test uses (`base migrate` creates it).
    static func freshURL() throws -> String? {
        try baseURL().map { $0 + "?schema=" + freshSchemaName() }
    }

    static func freshSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// Runs SQL with psql against the test database (as the cluster's trusted user).
    @discardableResult
    static func psql(_ sql: String) throws -> String {
        let process = Process()
        let folder = environment["FACTCHECK_TEST_PG_BIN"].map { $0 + "/psql" }
        process.executableURL = URL(fileURLWithPath: folder ?? "/usr/bin/psql")
        process.arguments = [try baseURL() ?? "", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "psql: \(text)")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The schema a fresh URL names.
    static func schema(of url: String) -> String {
        String(url.split(separator: "=").last ?? "")
    }
}

/// Which store a shared test runs against.
enum StoreKind: String, CaseIterable, Sendable {
    case sqlite, postgresql

    /// A new, empty store of this kind, created (a SQLite file by its first add, a PostgreSQL schema by
    /// `base migrate`) for a test in `folder`; nil when PostgreSQL is not configured outside CI.
    func newStore(in folder: String) throws -> String? {
        switch self {
        case .sqlite:
            return folder + "/store-\(UUID()).sqlite"
        case .postgresql:
            guard let url = try TestDatabase.freshURL() else { return nil }
            let migrated = try FactCheckBinary.run(["base", "migrate", "--factbase", url], workingDirectory: folder)
            #expect(migrated.status == 0, "\(migrated.standardError)")
            return url
        }
    }
}
