import Foundation
import GRDB
import Testing
@testable import FactCheckKit

/// A store this user may not write is read all the same (issue 24: `PRAGMA journal_mode = WAL`, a write, failed
/// before anything was read).
@Suite struct FactStoreReadOnlyTests {
    /// Makes `path` unwritable: read-only permissions, and, for root (whom permissions do not stop), the immutable
    /// attribute. Returns how to undo it, or nil when the file stays writable here.
    private func protect(_ path: String) throws -> (() -> Void)? {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        if access(path, W_OK) != 0 { return {} }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = ["+i", path]
        chattr.standardError = FileHandle.nullDevice
        guard (try? chattr.run()) != nil else { return nil }
        chattr.waitUntilExit()
        guard chattr.terminationStatus == 0, access(path, W_OK) != 0 else { return nil }
        return {
            let undo = Process()
            undo.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            undo.arguments = ["-i", path]
            try? undo.run()
            undo.waitUntilExit()
        }
    }

    @Test func aStoreThisUserMayNotWriteIsReadAndRefusesWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-readonly-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RepositoryPaths.exampleSource, toPath: folder + "/a.txt")
        let path = folder + "/facts.sqlite"
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: [RepositoryPaths.rules]))
        try FactStore(path: path, create: true).add(files: [folder + "/a.txt"], extractor: extractor)
        // As a store copied from elsewhere is: no WAL files beside it, its journal in the default mode.
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
        guard let undo = try protect(path) else {
            Issue.record("cannot make a file unwritable here")
            return
        }
        defer { undo() }
        let store = try FactStore(path: path, create: false)
        #expect(try store.documents().map(\.path) == [folder + "/a.txt"])
        let draft = try Document(path: "d.txt", text: "Lukashenko let 18 prisoners go, Trump said.")
        let report = try Checker(extractor: extractor, facts: store).check(draft)
        #expect(report.findings.contains { $0.verdict == .contradicted })
        #expect(throws: FactCheckError.self) { try store.remove(paths: [folder + "/a.txt"]) }
    }
}
