import Foundation
import GRDB
import Testing
@testable import FactCheckKit

/// A store whose record bytes are damaged while SQLite's own integrity check still passes (a bit flip, a bad
/// disk, another tool's write). Issue 24: `base remove` and `base add` of a changed file trapped in
/// `StoreWriter.addSentences`, and `check` aborted reserving terabytes, every run, until a rebuild. Now each is an
/// error naming the document and `base rebuild`, and the rebuild works.
@Suite struct FactStoreDamageTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    /// A store of the example source and a small document, in a fresh folder.
    private func store() throws -> (store: FactStore, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-damage-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RepositoryPaths.exampleSource, toPath: folder + "/a.txt")
        try Data("In 2023, 20 roses were sold for $3.1 billion.".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: [folder + "/a.txt", folder + "/b.txt"], extractor: Self.extractor)
        return (store, folder)
    }

    private func damage(_ store: FactStore, _ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: store.path).write { try $0.execute(sql: sql, arguments: arguments) }
        store.forgetCachedReads()
    }

    private func check(_ store: FactStore) throws {
        let draft = try Document(path: "draft.txt", text: "In 2023, 21 roses were sold for $3.1 billion.")
        _ = try Checker(extractor: Self.extractor, facts: store).check(draft)
    }

    /// Runs `body`, which must fail with the damage message naming `document` (when given).
    private func expectDamage(naming document: String?, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error for a damaged store")
        } catch {
            let message = "\(error)"
            #expect(message.contains("the fact base is damaged"), "\(message)")
            #expect(message.contains("factcheck base rebuild"), "\(message)")
            if let document { #expect(message.contains(document), "\(message)") }
        }
    }

    @Test func damagedTermCountsFailTheRemovalAndARebuildMends() throws {
        let (store, folder) = try store()
        // Term id -64 (zig-zag 0x7F), then a count: indexed the deltas at -64.
        try damage(store, "UPDATE documents SET term_sentences = X'7F02' WHERE path LIKE '%b.txt'")
        expectDamage(naming: "b.txt") { try store.remove(paths: [folder + "/b.txt"]) }
        // And a term id past every term: an array of terabytes.
        try damage(store, "UPDATE documents SET term_sentences = X'E0DFBDD7885A02' WHERE path LIKE '%b.txt'")
        expectDamage(naming: "b.txt") { try store.remove(paths: [folder + "/b.txt"]) }
        try store.rebuild(extractor: Self.extractor)
        try store.remove(paths: [folder + "/b.txt"])
        #expect(try store.documents().map(\.path) == [folder + "/a.txt"])
    }

    @Test func damagedContextsAndValuesFailTheCheckAndARebuildMends() throws {
        let (store, _) = try store()
        // A context whose list of keys claims some 1.5e13 entries.
        var body = FactRecord.Writer()
        body.string("core.count")
        body.string("count")
        body.string(Severity.warning.rawValue)
        let context = body.bytes + [0xE0, 0xDF, 0xBD, 0xD7, 0x88, 0x5A]
        try damage(store, "UPDATE contexts SET body = ?", [Data(context)])
        expectDamage(naming: nil) { try check(store) }
        try store.rebuild(extractor: Self.extractor)
        try check(store)
        var month13 = FactRecord.Writer()
        month13.value(.date(DateValue(year: 2023, month: 13)))
        try damage(store, "UPDATE claims SET value = ?", [Data(month13.bytes)])
        expectDamage(naming: nil) { try check(store) }
        try store.rebuild(extractor: Self.extractor)
        try check(store)
        #expect(try store.integrityCheck() == "ok")
    }
}
