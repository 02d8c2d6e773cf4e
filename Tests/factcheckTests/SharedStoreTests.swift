import FactCheckKit
import Foundation
import Testing

/// The fact store's behaviour through the commands, the same test run against the SQLite store and the
/// PostgreSQL store: what the base commands print, incremental re-adds, removal, rebuilding, and the findings
/// of `check`, which must be byte for byte the same whichever store holds the facts.
@Suite struct SharedStoreTests {
    static let rules = FactBinaryPaths.root + "/Rules"
    static let examples = FactBinaryPaths.root + "/Examples"

    /// A folder with the example source and one more document.
    private func archive() throws -> String {
        let source = try String(contentsOfFile: Self.examples + "/sources/belarus-us-call.txt", encoding: .utf8)
        let sources = try Scratch.folder("shared-\(UUID())/sources", files: [
            "belarus-us-call.txt": source,
            "roses.txt": "In 2023, 20 roses were sold for $3.1 billion.",
        ])
        return (sources as NSString).deletingLastPathComponent
    }

    private func base(_ arguments: [String], store: String, in folder: String) throws -> FactCheckBinary.Run {
        try FactCheckBinary.run(["base"] + arguments + ["--factbase", store, "--rules", Self.rules], workingDirectory: folder)
    }

    /// The lines of `base stats` that describe the contents (not where the store is or its size on disk).
    static func contents(_ stats: String) -> [String] {
        stats.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("store: ") }
    }

    @Test(arguments: StoreKind.allCases)
    func addListStatsRemoveAndRebuild(kind: StoreKind) throws {
        let folder = try archive()
        guard let store = try kind.newStore(in: folder) else { return }
        let added = try base(["add", "sources"], store: store, in: folder)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.hasPrefix("added 2, replaced 0, unchanged 0, removed 0: "))
        let again = try base(["add", "sources/*.txt"], store: store, in: folder)
        #expect(again.standardOutput.hasPrefix("added 0, replaced 0, unchanged 2, removed 0: 0 facts"))
        // A changed file is replaced, by content hash.
        try Data("In 2023, 21 roses were sold for $3.1 billion.".utf8).write(to: URL(fileURLWithPath: folder + "/sources/roses.txt"))
        let changed = try base(["add", "sources"], store: store, in: folder)
        #expect(changed.standardOutput.hasPrefix("added 0, replaced 1, unchanged 1, removed 0: "), "\(changed.standardOutput)")
        let list = try base(["list"], store: store, in: folder)
        #expect(list.standardOutput.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
            == ["sources/belarus-us-call.txt", "sources/roses.txt"])
        let stats = try base(["stats", "--verify"], store: store, in: folder)
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(stats.standardOutput.contains("documents: 2 "))
        #expect(stats.standardOutput.contains("rules: current"))
        #expect(stats.standardOutput.contains("integrity: ok"))
        let removed = try base(["remove", "sources/roses.txt"], store: store, in: folder)
        #expect(removed.standardOutput.hasPrefix("added 0, replaced 0, unchanged 0, removed 1: "))
        let missing = try base(["remove", "sources/roses.txt"], store: store, in: folder)
        #expect(missing.status == 2 && missing.standardError.contains("is not in the fact base"))
        let rebuilt = try base(["rebuild"], store: store, in: folder)
        #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
        #expect(rebuilt.standardOutput.hasPrefix("added 1, replaced 0, unchanged 0, removed 0: "))
        let after = try base(["stats"], store: store, in: folder)
        #expect(after.standardOutput.contains("documents: 1 "))
    }

    /// The statistics of a base do not depend on the store: both count the same documents, sentences, facts,
    /// claims, contexts, terms and names.
    @Test func bothStoresCountTheSame() throws {
        let folder = try archive()
        guard let postgres = try StoreKind.postgresql.newStore(in: folder) else { return }
        let sqlite = try #require(try StoreKind.sqlite.newStore(in: folder))
        for store in [sqlite, postgres] {
            let added = try base(["add", "sources"], store: store, in: folder)
            #expect(added.status == 0, "\(added.standardError)")
        }
        let counted = try [sqlite, postgres].map { store in
            Self.contents(try base(["stats"], store: store, in: folder).standardOutput)
        }
        #expect(counted[0].count == 6)
        #expect(counted[0] == counted[1])
    }

    /// A fact counting what a claim counts in a broader or narrower word ("climbers" for "people") aligns from
    /// either store as in memory: the stores fetch the contexts of those keys too.
    @Test func aCountInABroaderWordIsConfirmedFromBothStores() throws {
        let sources = try Scratch.folder("broader-\(UUID())/sources", files: [
            "everest.txt": "By 2023, 6,660 climbers had reached the summit. An avalanche in 2015 killed 22 people at the camp.",
        ])
        let folder = (sources as NSString).deletingLastPathComponent
        try Data("By 2023, some 6,660 people had reached the summit.".utf8).write(to: URL(fileURLWithPath: folder + "/draft.txt"))
        let inMemory = try FactCheckBinary.run(["check", "draft.txt", "--baseline", "sources/everest.txt", "--rules",
                                                Self.rules, "--format", "json"], workingDirectory: folder)
        #expect(inMemory.status == 0, "\(inMemory.standardOutput)\(inMemory.standardError)")
        #expect(inMemory.standardOutput.contains("\"supported\""))
        for kind in StoreKind.allCases {
            guard let store = try kind.newStore(in: folder) else { continue }
            #expect(try base(["add", "sources"], store: store, in: folder).status == 0)
            let fromStore = try FactCheckBinary.run(["check", "draft.txt", "--factbase", store, "--rules", Self.rules,
                                                     "--format", "json"], workingDirectory: folder)
            #expect(fromStore.status == 0, "\(kind): \(fromStore.standardError)")
            #expect(fromStore.standardOutput == inMemory.standardOutput, "\(kind)")
        }
    }

    /// The bundled example's reports, in every format, are byte for byte the same from either store.
    @Test func reportsAreByteIdenticalFromBothStores() throws {
        let folder = try archive()
        guard let postgres = try StoreKind.postgresql.newStore(in: folder) else { return }
        let sqlite = try #require(try StoreKind.sqlite.newStore(in: folder))
        for store in [sqlite, postgres] {
            let added = try base(["add", Self.examples + "/sources"], store: store, in: folder)
            #expect(added.status == 0, "\(added.standardError)")
        }
        for draft in ["belarus-errors.md", "belarus-clean.md"] {
            for format in ["json", "text", "sarif"] {
                let reports = try [sqlite, postgres].map { store in
                    try FactCheckBinary.run(["check", Self.examples + "/drafts/" + draft, "--factbase", store,
                                             "--rules", Self.rules, "--format", format], workingDirectory: folder)
                }
                #expect(reports[0].status == reports[1].status, "\(reports[1].standardError)")
                #expect(!reports[0].standardOutput.isEmpty)
                #expect(reports[0].standardOutput == reports[1].standardOutput, "\(draft) as \(format)")
            }
        }
    }
}
