import Foundation
import Testing

/// What only the PostgreSQL fact base does, through the built binary: schema migrations and their refusals,
/// connection errors (exit 2, a message that says what and where, never a password), killed and concurrent adds.
@Suite struct PostgresCommandTests {
    static let rules = FactBinaryPaths.root + "/Rules"
    static let exampleSource = FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt"

    private func base(_ arguments: [String], store: String, in folder: String = FactBinaryPaths.root,
                      environment: [String: String] = [:]) throws -> FactCheckBinary.Run {
        try FactCheckBinary.run(["base"] + arguments + ["--factbase", store, "--rules", Self.rules],
                                workingDirectory: folder, environment: environment)
    }

    /// `count` documents in a new folder, each the example source with a sentence of its own.
    private func documents(_ count: Int, name: String = "docs") throws -> String {
        let source = try String(contentsOfFile: Self.exampleSource, encoding: .utf8)
        let folder = Scratch.directory.appendingPathComponent("pg-\(UUID())/\(name)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            try Data((source + "\nIn \(1900 + index % 100), \(index) roses were sold in \(name).\n").utf8)
                .write(to: URL(fileURLWithPath: "\(folder)/doc-\(index).txt"))
        }
        return folder
    }

    @Test func migrateCreatesTheSchemaOnceAndCommandsBeforeItSaySo() throws {
        guard let url = try TestDatabase.freshURL() else { return }
        let before = try base(["stats"], store: url)
        #expect(before.status == 2)
        #expect(before.standardError.contains("run `factcheck base migrate`"), "\(before.standardError)")
        let first = try base(["migrate"], store: url)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("schema version 0 -> 1"))
        let second = try base(["migrate"], store: url)
        #expect(second.standardOutput.contains("schema version 1, up to date"))
        let schema = TestDatabase.schema(of: url)
        #expect(try TestDatabase.psql("SELECT string_agg(version::text, ',') FROM \(schema).factcheck_schema_version") == "1")
        let stats = try base(["stats"], store: url)
        #expect(stats.status == 0 && stats.standardOutput.contains("documents: 0 "), "\(stats.standardError)")
    }

    @Test func aNewerSchemaIsRefusedAndNothingIsWritten() throws {
        guard let url = try TestDatabase.freshURL() else { return }
        let schema = TestDatabase.schema(of: url)
        #expect(try base(["migrate"], store: url).status == 0)
        try TestDatabase.psql("INSERT INTO \(schema).factcheck_schema_version (version) VALUES (99)")
        let folder = try documents(2)
        for command in [["migrate"], ["add", folder], ["stats"], ["list"]] {
            let run = try base(command, store: url)
            #expect(run.status == 2, "\(command)")
            #expect(run.standardError.contains("schema version 99, newer than this factcheck knows (1)"), "\(run.standardError)")
        }
        let check = try FactCheckBinary.run(["check", FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md",
                                             "--factbase", url, "--rules", Self.rules])
        #expect(check.status == 2 && check.standardError.contains("newer than this factcheck"))
        #expect(try TestDatabase.psql("SELECT count(*) FROM \(schema).documents") == "0")
        #expect(try TestDatabase.psql("SELECT string_agg(version::text, ',' ORDER BY version) FROM \(schema).factcheck_schema_version") == "1,99")
    }

    @Test func anUnreachableServerOrMissingDatabaseIsAClearError() throws {
        guard let url = try TestDatabase.baseURL() else { return }
        // Port 1 on loopback: nothing listens there.
        let unreachable = try base(["stats"], store: "postgresql://factcheck@127.0.0.1:1/factcheck_test")
        #expect(unreachable.status == 2)
        #expect(unreachable.standardError.contains("cannot connect to the PostgreSQL server at 127.0.0.1:1"), "\(unreachable.standardError)")
        #expect(unreachable.standardError.contains("check that the server is running"))
        let components = try #require(URLComponents(string: url))
        let missing = try base(["migrate"], store: "postgresql://factcheck@127.0.0.1:\(components.port ?? 5432)/no_such_database")
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("the database 'no_such_database' does not exist"), "\(missing.standardError)")
        let malformed = try base(["stats"], store: "postgresql:///nohost")
        #expect(malformed.status == 2 && malformed.standardError.contains("names no host"))
    }

    @Test func aPasswordIsNeverPrinted() throws {
        guard try TestDatabase.baseURL() != nil,
              let url = TestDatabase.environment["FACTCHECK_TEST_PASSWORD_URL"],
              let password = TestDatabase.environment["FACTCHECK_TEST_PASSWORD"] else { return }
        let schemaURL = url + "?schema=" + TestDatabase.freshSchemaName()
        // In the URL: refused, and the message shows it masked.
        let inURL = schemaURL.replacingOccurrences(of: "factcheck_pw@", with: "factcheck_pw:\(password)@")
        let refused = try base(["migrate"], store: inURL)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("holds a password"))
        #expect(!refused.standardError.contains(password) && !refused.standardOutput.contains(password))
        // A wrong password: the login is refused, and neither password is printed.
        let wrong = try base(["migrate"], store: schemaURL, environment: ["PGPASSWORD": "wrong-\(password)", "PGPASSFILE": "/nonexistent"])
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("refused the login of 'factcheck_pw'"), "\(wrong.standardError)")
        #expect(!wrong.standardError.contains(password))
        // The right one, from the environment, then from a password file.
        let right = try base(["migrate"], store: schemaURL, environment: ["PGPASSWORD": password])
        #expect(right.status == 0, "\(right.standardError)")
        #expect(!(right.standardOutput + right.standardError).contains(password))
        let passfile = try Scratch.file("pgpass-\(UUID())", contents: Data("# test\n*:*:*:factcheck_pw:\(password)\n".utf8))
        chmod(passfile, 0o600)
        let fromFile = try base(["stats"], store: schemaURL, environment: ["PGPASSWORD": "", "PGPASSFILE": passfile])
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        #expect(!(fromFile.standardOutput + fromFile.standardError).contains(password))
    }

    @Test func theEnvironmentNamesTheBase() throws {
        guard let url = try TestDatabase.freshURL() else { return }
        let folder = try documents(1)
        let environment = ["FACTCHECK_DATABASE_URL": url]
        let migrated = try FactCheckBinary.run(["base", "migrate"], environment: environment)
        #expect(migrated.status == 0, "\(migrated.standardError)")
        let added = try FactCheckBinary.run(["base", "add", folder, "--rules", Self.rules], environment: environment)
        #expect(added.standardOutput.hasPrefix("added 1, "), "\(added.standardError)")
        let stats = try FactCheckBinary.run(["base", "stats", "--rules", Self.rules], environment: environment)
        #expect(stats.standardOutput.contains("store: \(url)"))
    }

    /// kill -9 of an add in the middle: the batches committed before stay whole, nothing else is there, and the
    /// counts are those of a clean add of exactly the committed documents.
    @Test func aKilledAddLeavesWholeBatchesOnly() throws {
        guard let url = try TestDatabase.freshURL(), let clean = try TestDatabase.freshURL() else { return }
        let folder = try documents(700)
        #expect(try base(["migrate"], store: url).status == 0)
        let process = Process()
        process.executableURL = FactCheckBinary.url
        process.arguments = ["base", "add", folder, "--factbase", url, "--rules", Self.rules, "--progress", "always"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        // Past the first batch (256 documents) and before the last.
        var seen = ""
        func done() -> Int { seen.matches(of: /(\d+)\/700 documents/).last.flatMap { Int($0.1) } ?? 0 }
        while done() < 300 {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let list = try base(["list"], store: url).standardOutput.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(list.count % 256 == 0 && list.count >= 256 && list.count < 700, "\(list.count) documents")
        let verify = try base(["stats", "--verify"], store: url)
        #expect(verify.standardOutput.contains("integrity: ok"), "\(verify.standardOutput)")
        #expect(try base(["migrate"], store: clean).status == 0)
        let readded = try base(["add"] + list, store: clean)
        #expect(readded.status == 0, "\(readded.standardError)")
        #expect(SharedStoreTests.contents(try base(["stats"], store: url).standardOutput)
            == SharedStoreTests.contents(try base(["stats"], store: clean).standardOutput))
        // Run again, the add stores the rest and skips what was committed.
        let resumed = try base(["add", folder], store: url)
        #expect(resumed.standardOutput.hasPrefix("added \(700 - list.count), replaced 0, unchanged \(list.count), "), "\(resumed.standardOutput)")
    }

    /// Two adds at once: of different folders, both land; of the same folder, it is stored once.
    @Test func parallelAddsNeitherLoseNorDuplicate() throws {
        guard let url = try TestDatabase.freshURL(), let sequential = try TestDatabase.freshURL() else { return }
        let first = try documents(300, name: "first"), second = try documents(300, name: "second")
        for store in [url, sequential] { #expect(try base(["migrate"], store: store).status == 0) }
        func start(_ folder: String) throws -> Process {
            let process = Process()
            process.executableURL = FactCheckBinary.url
            process.arguments = ["base", "add", folder, "--factbase", url, "--rules", Self.rules]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            return process
        }
        let adds = try [start(first), start(second), start(first)]
        for add in adds { add.waitUntilExit() }
        #expect(adds.map(\.terminationStatus) == [0, 0, 0])
        #expect(try base(["add", first, second], store: sequential).status == 0)
        let stats = try base(["stats", "--verify"], store: url).standardOutput
        #expect(stats.contains("documents: 600 ") && stats.contains("integrity: ok"), "\(stats)")
        #expect(SharedStoreTests.contents(stats)
            == SharedStoreTests.contents(try base(["stats", "--verify"], store: sequential).standardOutput))
    }
}
