import Foundation
import GRDB
import Synchronization
import Testing
@testable import FactCheckKit

@Suite struct FactStoreTests {
    static let ruleSet = try! RuleLoader().load(paths: [RepositoryPaths.rules])
    static let extractor = ClaimExtractor(ruleSet: ruleSet)
    static let exampleText = try! String(contentsOfFile: RepositoryPaths.exampleSource, encoding: .utf8)

    /// A fresh folder for one test.
    private func scratch(_ files: [String: String] = [:]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }

    private func files(in folder: String) throws -> [String] {
        PathExpander.absolutePaths(try PathExpander.documents(in: [folder]))
    }

    /// A worker matches a chunk's documents pattern by pattern, in parts when they hold much text: every
    /// document gets the same facts however the chunk is cut, and a bad file fails alone.
    @Test func aChunkPreparesTheSameDocumentsInParts() throws {
        let folder = try scratch([
            "a.txt": Self.exampleText, "b.md": "On August 15, 2025, 16 prisoners were freed.", "c.txt": "",
            "d.txt": "He was sentenced to 11 years; prices rose 3.5% to $12 million.", "e.txt": Self.exampleText,
        ])
        let paths = try files(in: folder)[...]
        func prepared(inPartsOf bytes: Int) -> [String] {
            FactStore.prepare(paths, known: [:], extractor: Self.extractor, loader: DocumentLoader(),
                              trustFileTimes: false, workingDirectory: folder,
                              maximumPendingBytes: bytes).map { outcome in
                switch outcome {
                case let .prepared(document):
                    "\(document.path) \(document.facts.count) facts \(document.factBytes) \(document.termCounts)"
                case let .failed(error): "failed: \(error)"
                case let .unchanged(path, _, _): "unchanged: \(path)"
                }
            }
        }
        let whole = prepared(inPartsOf: FactStore.maximumPendingBytes)
        #expect(whole.count == 5)
        #expect(whole[2].hasPrefix("failed: ") && whole[2].contains("is empty"))
        #expect(whole.filter { $0.contains(" facts ") }.count == 4)
        #expect(prepared(inPartsOf: 1) == whole)
        #expect(prepared(inPartsOf: 200) == whole)
    }

    @Test func aNewStoreIsMigratedAndReopens() throws {
        let path = try scratch() + "/base/facts.sqlite"
        _ = try FactStore(path: path, create: true)
        let store = try FactStore(path: path, create: false)
        let statistics = try store.statistics()
        #expect(statistics.documents == 0 && statistics.facts == 0 && statistics.rulesFingerprint == "")
        #expect(try store.integrityCheck() == "ok")
        let applicationID = try DatabaseQueue(path: path).read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
        #expect(applicationID == FactStoreSchema.applicationID)
    }

    /// A long add keeps the statement journals of its inserts in memory, not in a file written page by page.
    @Test func storeConnectionsKeepTemporaryFilesInMemory() throws {
        let store = try FactStore(path: try scratch() + "/facts.sqlite", create: true)
        let settings = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA temp_store"))
        }
        #expect(settings.0 == "wal" && settings.1 == 2)
    }

    @Test func aMissingStoreIsAnErrorUnlessCreated() throws {
        let path = try scratch() + "/none.sqlite"
        #expect(throws: FactStoreError.self) { try FactStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func addsSkipsUnchangedReplacesChangedAndRemoves() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "In 2021, 1,300 detainees were held in 12 prisons."])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        let first = try store.add(files: try files(in: folder), extractor: Self.extractor)
        #expect(first.added == 2 && first.unchanged == 0 && first.facts > 0)
        let again = try store.add(files: try files(in: folder), extractor: Self.extractor)
        #expect(again == { var update = FactStoreUpdate(); update.unchanged = 2; return update }())
        try Data("In 2022, 1,400 detainees were held in 13 prisons.".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        let changed = try store.add(files: try files(in: folder), extractor: Self.extractor)
        #expect(changed.replaced == 1 && changed.unchanged == 1 && changed.added == 0)
        let documents = try store.documents()
        #expect(documents.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.txt", "b.txt"])
        #expect(documents[1].contentHash == ContentHash.of(Array("In 2022, 1,400 detainees were held in 13 prisons.".utf8)))
        let removed = try store.remove(paths: [folder + "/b.txt"])
        #expect(removed.removed == 1)
        #expect(try store.documents().count == 1)
        #expect(try store.integrityCheck() == "ok")
    }

    /// A document's facts are the ids its row names (`first_fact_id`, for `fact_count`): after documents are
    /// replaced and removed in the middle and at the end, each still finds exactly its own.
    @Test func eachDocumentNamesTheRangeOfItsFacts() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "In 2021, 1,300 detainees were held in 12 prisons.",
                                  "c.txt": "Zenkovich was sentenced to 11 years in 2021 and freed 16 prisoners."])
        let path = folder + "/facts.sqlite"
        let store = try FactStore(path: path, create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        try Data("In 2022, 1,400 detainees were held in 13 prisons and 2 camps.".utf8)
            .write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        try Data("Zenkovich was sentenced to 12 years.".utf8).write(to: URL(fileURLWithPath: folder + "/c.txt"))
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        try store.remove(paths: [folder + "/a.txt"])
        try store.add(files: [folder + "/a.txt"], extractor: Self.extractor)
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, d.first_fact_id, d.fact_count, count(f.id), min(f.id), max(f.id)
                FROM documents d LEFT JOIN facts f ON f.document_id = d.id GROUP BY d.id ORDER BY d.path
                """)
        }
        #expect(rows.map { URL(fileURLWithPath: $0[0] as String).lastPathComponent } == ["a.txt", "b.txt", "c.txt"])
        for row in rows {
            let (first, count): (Int64, Int64) = (row[1], row[2])
            #expect(count > 0 && row[3] as Int64 == count, "\(row)")
            #expect(row[4] as Int64 == first && row[5] as Int64 == first + count - 1, "\(row)")
        }
        let fresh = try FactStore(path: folder + "/fresh.sqlite", create: true)
        try fresh.add(files: try files(in: folder), extractor: Self.extractor)
        let (grown, built) = (try store.statistics(), try fresh.statistics())
        #expect(grown.facts == built.facts && grown.terms == built.terms && grown.sentences == built.sentences)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func statisticsAfterChangesEqualThoseOfAFreshBuild() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "Zenkovich was sentenced to 11 years in 2021."])
        let grown = try FactStore(path: folder + "/grown.sqlite", create: true)
        try grown.add(files: [folder + "/b.txt"], extractor: Self.extractor)
        try grown.add(files: try files(in: folder), extractor: Self.extractor)
        try Data("Zenkovich was sentenced to 12 years in 2022.".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try grown.add(files: try files(in: folder), extractor: Self.extractor)
        try grown.remove(paths: [folder + "/b.txt"])
        let fresh = try FactStore(path: folder + "/fresh.sqlite", create: true)
        try fresh.add(files: [folder + "/a.txt"], extractor: Self.extractor)
        let (g, f) = (try grown.statistics(), try fresh.statistics())
        #expect(g.documents == f.documents && g.facts == f.facts && g.sentences == f.sentences)
        #expect(g.terms == f.terms && g.postings == f.postings && g.entities == f.entities)
        #expect(g.distinctClaims == f.distinctClaims && g.distinctContexts == f.distinctContexts)
        for term in ["zenkovich", "prisoner", "releas", "lukashenko"] {
            #expect(try grown.weight(ofTerm: term) == fresh.weight(ofTerm: term))
        }
    }

    /// A build's workers number terms each in their own vocabulary (`WordReadings.vocabulary`), which the writer
    /// maps to the store's ids: every term's weight must be the in-memory base's, however the documents were shared
    /// out among the workers.
    @Test func termWeightsOfAParallelBuildAreThoseOfTheInMemoryBase() throws {
        let subjects = ["Zenkovich", "the ministry", "Lukashenko", "the court", "Trump", "the council"]
        let verbs = ["released", "sentenced", "detained", "freed", "pardoned", "charged"]
        let objects = ["prisoners", "activists", "journalists", "detainees", "lawyers", "students"]
        var texts: [String: String] = [:]
        for index in 0..<48 {
            let sentences = (0..<4).map { offset in
                let pick = index * 7 + offset * 5
                return "\(subjects[pick % 6]) \(verbs[(pick / 6) % 6]) \(index + offset) \(objects[(pick / 36 + offset) % 6]) "
                    + "in week\(index % 9) of term\(offset + index % 3)."
            }
            texts["doc-\(index).txt"] = sentences.joined(separator: " ")
        }
        let folder = try scratch(texts)
        let extractor = ClaimExtractor(ruleSet: Self.ruleSet)
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: extractor)
        let documents = try files(in: folder).map { try DocumentLoader().load(path: $0, displayPath: $0) }
        let memory = try FactBase(documents: documents, extractor: extractor)
        var terms: Set<String> = []
        for document in documents {
            for sentence in document.sentences {
                let words = SentenceWords(bytes: document.readable, range: sentence.range, lexicon: Self.ruleSet.lexicon)
                terms.formUnion(words.terms.compactMap { $0 })
            }
        }
        #expect(terms.count >= 25)
        let stored = try store.weights(ofTerms: Array(terms))
        for term in terms.sorted() {
            #expect(stored[term] == memory.weight(ofTerm: term), "\(term)")
        }
    }

    /// A first build and a rebuild fill the facts without their index by claim and make it at the end: the
    /// store has the index the schema gives, and a check's query uses it, after those and after later adds.
    @Test func theFactsIndexByClaimIsThereAfterFirstBuildsRebuildsAndAdds() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "In 2021, 1,300 detainees were held in 12 prisons."])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        func index() throws -> (sql: String?, plan: [String]) {
            try store.read { db in
                (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'facts_by_claim'"),
                 try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM facts WHERE claim_id = 1").map { $0["detail"] })
            }
        }
        let allFiles = try files(in: folder)
        let steps: [(String, () throws -> Void)] = [
            ("first build", { try store.add(files: [allFiles[0]], extractor: Self.extractor) }),
            ("add", { try store.add(files: allFiles, extractor: Self.extractor) }),
            ("rebuild", { try store.add(files: allFiles, extractor: Self.extractor, rebuilding: true) }),
            // Every document removed, then added again: the store is empty of facts and claims once more.
            ("remove", { try store.remove(paths: allFiles) }),
            ("add to an emptied store", { try store.add(files: allFiles, extractor: Self.extractor) }),
        ]
        for (name, step) in steps {
            try step()
            let (sql, plan) = try index()
            #expect(sql == FactStoreSchema.factsByClaimIndex, "after \(name)")
            #expect(plan.contains { $0.contains("facts_by_claim") }, "after \(name): \(plan)")
            #expect(try store.integrityCheck() == "ok", "after \(name)")
        }
        #expect(try store.statistics().documents == 2)
    }

    @Test func removingAPathNotInTheBaseChangesNothing() throws {
        let folder = try scratch(["a.txt": Self.exampleText])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        #expect(throws: FactCheckError.self) { try store.remove(paths: [folder + "/a.txt", folder + "/nothing.txt"]) }
        #expect(try store.documents().count == 1)
    }

    @Test func aFailedAddLeavesThePreviousBase() throws {
        let folder = try scratch(["a.txt": Self.exampleText])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        let before = try store.statistics()
        try Data([0x48, 0x69, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/z-binary.txt"))
        try Data("Some 40 prisoners were freed in 2024.".utf8).write(to: URL(fileURLWithPath: folder + "/m.txt"))
        #expect(throws: FactCheckError.self) { try store.add(files: try files(in: folder), extractor: Self.extractor) }
        #expect(try store.statistics() == before)
    }

    /// A new store is written beside its path and renamed into place: the same base as one grown in place by an
    /// add, a WAL database like it, and nothing left beside it (not even the staging file a killed build left).
    @Test func aNewStoreIsBuiltBesideItsPathAndPutInPlaceWhole() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "In 2021, 1,300 detainees were held in 12 prisons."])
        let sources = try files(in: folder)
        let path = folder + "/base/facts.sqlite"
        try FileManager.default.createDirectory(atPath: folder + "/base", withIntermediateDirectories: true)
        try Data("left by a killed build".utf8).write(to: URL(fileURLWithPath: FactStore.stagingPath(for: path)))
        let built = try FactStore.add(files: sources, toStoreAt: path, extractor: Self.extractor)
        #expect(built.added == 2 && built.facts > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/base") == ["facts.sqlite"])
        let grown = try FactStore(path: folder + "/grown.sqlite", create: true)
        try grown.add(files: sources, extractor: Self.extractor)
        let store = try FactStore(path: path, create: false)
        #expect(try store.statistics().facts == grown.statistics().facts)
        #expect(try store.statistics().distinctContexts == grown.statistics().distinctContexts)
        #expect(try store.documents().map(\.contentHash) == grown.documents().map(\.contentHash))
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.integrityCheck() == "ok")
        let again = try FactStore.add(files: sources, toStoreAt: path, extractor: Self.extractor)
        #expect(again.unchanged == 2 && again.added == 0)
    }

    /// `beforeExtracting` runs before each document that is read, never for one skipped as unchanged.
    @Test func beforeExtractingRunsOnlyForDocumentsRead() throws {
        let folder = try scratch(["a.txt": Self.exampleText, "b.txt": "In 2021, 1,300 detainees were held in 12 prisons."])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        let calls = Mutex(0)
        try store.add(files: try files(in: folder), extractor: Self.extractor,
                      beforeExtracting: { calls.withLock { $0 += 1 } })
        #expect(calls.withLock { $0 } == 2)
        try Data("In 2022, 1,400 detainees were held in 13 prisons.".utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try store.add(files: try files(in: folder), extractor: Self.extractor,
                      beforeExtracting: { calls.withLock { $0 += 1 } })
        #expect(calls.withLock { $0 } == 3)
    }

    @Test func aFailedFirstBuildLeavesNoStore() throws {
        let folder = try scratch(["a.txt": Self.exampleText])
        try Data([0x48, 0x69, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/z-binary.txt"))
        let path = folder + "/facts.sqlite"
        #expect(throws: FactCheckError.self) {
            try FactStore.add(files: try files(in: folder), toStoreAt: path, extractor: Self.extractor)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: FactStore.stagingPath(for: path)))
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = try scratch(["notes.sqlite": "these are my notes, not a database"]) + "/notes.sqlite"
        let error = try #require(throws: FactStoreError.self) { try FactStore(path: path, create: true) }
        #expect(error.message.contains("not an SQLite database"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "these are my notes, not a database")
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAlone() throws {
        let path = try scratch() + "/other.sqlite"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        let error = try #require(throws: FactStoreError.self) { try FactStore(path: path, create: true) }
        #expect(error.message.contains("some other program"))
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["invoices"])
    }

    @Test func aDamagedStoreIsRefusedWithAClearMessage() throws {
        let folder = try scratch(["a.txt": Self.exampleText])
        let path = folder + "/facts.sqlite"
        try FactStore(path: path, create: true).add(files: try files(in: folder), extractor: Self.extractor)
        // Keep the header, scramble the rest: SQLite sees its own format but cannot read the pages.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for index in 100..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        let error = try #require(throws: FactStoreError.self) {
            let store = try FactStore(path: path, create: false)
            _ = try store.documents()
        }
        #expect(error.message.contains("damaged") || error.message.contains("not a factcheck fact base"))
    }

    @Test func aStoreBuiltByOtherRulesMustBeRebuilt() throws {
        let folder = try scratch(["a.txt": Self.exampleText])
        let path = folder + "/facts.sqlite"
        let store = try FactStore(path: path, create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        #expect(try store.isBuilt(by: Self.ruleSet))
        let otherRules = RuleSet(rules: Self.ruleSet.rules, lexicon: Self.ruleSet.lexicon, fingerprint: "other")
        let other = ClaimExtractor(ruleSet: otherRules)
        #expect(try !store.isBuilt(by: otherRules))
        let error = try #require(throws: FactStoreError.self) { try FactStore.openForChecking(path: path, rules: otherRules) }
        #expect(error.description.contains("factcheck base rebuild"))
        #expect(throws: FactCheckError.self) { try store.add(files: try files(in: folder), extractor: other) }
        let rebuilt = try store.rebuild(extractor: other)
        #expect(rebuilt.added == 1)
        #expect(try store.isBuilt(by: otherRules) && !store.isBuilt(by: Self.ruleSet))
    }

    @Test func aStoreBuiltByOlderReadingsMustBeRebuilt() throws {
        // The same rule files, read by code that read claims differently (`ClaimExtractor.readingsVersion`).
        let folder = try scratch(["a.txt": Self.exampleText])
        let path = folder + "/facts.sqlite"
        try FactStore(path: path, create: true).add(files: try files(in: folder), extractor: Self.extractor)
        let current = FactStore.fingerprint(of: Self.ruleSet)
        let version = ClaimExtractor.readingsVersion
        let older = current.replacingOccurrences(of: "-x\(version)", with: "-x\(version - 1)")
        #expect(older != current)
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'rules_fingerprint'", arguments: [older])
        }
        try database.close()
        #expect(try !FactStore(path: path, create: false).isBuilt(by: Self.ruleSet))
    }

    @Test func theRulesFingerprintFollowsTheRuleFiles() throws {
        let folder = try scratch()
        try FileManager.default.copyItem(atPath: RepositoryPaths.rules, toPath: folder + "/Rules")
        let before = try RuleLoader().load(paths: [folder + "/Rules"]).fingerprint
        #expect(before == Self.ruleSet.fingerprint)
        let ruleFile = try #require(FileManager.default.enumerator(atPath: folder + "/Rules")?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix(".yml") })
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/Rules/" + ruleFile))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n# a comment is a change too\n".utf8))
        try handle.close()
        #expect(try RuleLoader().load(paths: [folder + "/Rules"]).fingerprint != before)
    }

    @Test func checkingFromTheStoreGivesTheVerdictsOfTheInMemoryBase() throws {
        let folder = try scratch(["belarus.txt": Self.exampleText,
                                  "other.txt": "In 2023, 20 roses were sold for $3.1 billion, about 12% more than in 2022.",
                                  "seats.txt": "Labour won a landslide, taking 393 of the 640 seats, a net gain of 239, and a majority of 146."])
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        let documents = try files(in: folder).map { try DocumentLoader().load(path: $0, displayPath: PathExpander.displayPath($0)) }
        let memory = Checker(extractor: Self.extractor, factBase: try FactBase(documents: documents, extractor: Self.extractor))
        let stored = Checker(extractor: Self.extractor, facts: store)
        let drafts = [
            try String(contentsOfFile: RepositoryPaths.root.appendingPathComponent("Examples/drafts/belarus-errors.md").path, encoding: .utf8),
            "Lukashenko let 18 prisoners go, Trump said. Zenkovich was sentenced to 12 years.",
            "Trump said talks continue about freeing 1,250 detainees. 21 roses were sold in 2023 for $3.1 billion.",
            "Some 13% more roses were sold. Putin landed in Anchorage on August 14.",
            // A value of the source sentence that stands beside other words ('Claim.nearTerms', stored).
            "Labour won a landslide, taking 393 of 640 seats for a majority of 239.",
        ]
        for text in drafts {
            let draft = try Document(path: "draft.md", text: text)
            let (a, b) = (try memory.check(draft), try stored.check(draft))
            #expect(a.findings.map(\.verdict) == b.findings.map(\.verdict))
            if text.hasSuffix("majority of 239.") { #expect(b.findings.contains { $0.verdict == .contradicted }) }
            #expect(a.findings.map(\.message) == b.findings.map(\.message))
            #expect(a.findings.map(\.evidence) == b.findings.map(\.evidence))
        }
    }

    /// A checker keeps what it read from the store (a server checks many drafts); what another process or the
    /// checker's own store adds afterwards must still be seen.
    @Test func aCheckerSeesWhatWasAddedSinceItLastRead() throws {
        let folder = try scratch(["roses.txt": "He laid 20 red roses at the memorial."])
        let path = folder + "/facts.sqlite"
        let store = try FactStore(path: path, create: true)
        try store.add(files: [folder + "/roses.txt"], extractor: Self.extractor)
        let checker = Checker(extractor: Self.extractor, facts: store)
        let draft = try Document(path: "draft.md", text: "Lukashenko let 18 prisoners go. He laid 20 red roses at the memorial.")
        #expect(try checker.check(draft).findings.map(\.verdict) == [.unverified, .supported])

        // Another process (its own connection) adds a source.
        try Data("Lukashenko let 16 prisoners go, officials said.".utf8).write(to: URL(fileURLWithPath: folder + "/prisoners.txt"))
        try FactStore(path: path, create: false).add(files: [folder + "/prisoners.txt"], extractor: Self.extractor)
        #expect(try checker.check(draft).findings.map(\.verdict) == [.contradicted, .supported])

        // The checker's own store removes it again.
        try store.remove(paths: [folder + "/prisoners.txt"])
        #expect(try checker.check(draft).findings.map(\.verdict) == [.unverified, .supported])
    }

    @Test func aStoryInManyPapersIsOneClaimAndChecksAsInMemory() throws {
        let copies = Dictionary(uniqueKeysWithValues: (1...5).map { ("copy-\($0).txt", Self.exampleText) })
        let folder = try scratch(copies.merging(["roses.txt": "In 2023, 20 roses were sold for $3.1 billion."]) { a, _ in a })
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        let statistics = try store.statistics()
        // Each claim of the story is stored once and occurs five times.
        #expect(statistics.distinctClaims < statistics.facts)
        #expect((statistics.facts - statistics.distinctClaims) % 4 == 0)
        let documents = try files(in: folder).map { try DocumentLoader().load(path: $0, displayPath: PathExpander.displayPath($0)) }
        let memory = Checker(extractor: Self.extractor, factBase: try FactBase(documents: documents, extractor: Self.extractor))
        let stored = Checker(extractor: Self.extractor, facts: store)
        let draft = try Document(path: "draft.md", text: try String(contentsOfFile: RepositoryPaths.root
            .appendingPathComponent("Examples/drafts/belarus-errors.md").path, encoding: .utf8))
        let (a, b) = (try memory.check(draft), try stored.check(draft))
        #expect(a.findings.map(\.message) == b.findings.map(\.message))
        #expect(a.findings.map(\.evidence) == b.findings.map(\.evidence))
        // The copies of a stored claim that the aligner weighs share that claim rather than carry one each.
        let claim = try #require(try Self.extractor.claims(in: try Document(path: "copy.txt", text: Self.exampleText)).first)
        let context = claim.context.sorted { $0.key < $1.key }
        let rarities = try store.weights(ofTerms: context.map(\.key))
        let terms = context.map { WeightedTerm(term: $0.key, weight: $0.value, rarity: rarities[$0.key] ?? 1) }
        let copiesOfClaim = try store.relatedFacts(to: claim, terms: terms, minimumOverlap: Aligner.relevantOverlap)
            .filter { (fact: Fact) in fact.claim.ruleID == claim.ruleID && fact.claim.value == claim.value }
        #expect(copiesOfClaim.count == FactStore.copiesAligned)
        #expect(Set(copiesOfClaim.map { $0.documentIndex }).count == copiesOfClaim.count)
        #expect(copiesOfClaim.allSatisfy { $0.shared === copiesOfClaim[0].shared })
        // Removing four copies keeps the claims of the fifth.
        try store.remove(paths: (1...4).map { folder + "/copy-\($0).txt" })
        #expect(try store.statistics().distinctClaims == statistics.distinctClaims)
        try store.remove(paths: [folder + "/copy-5.txt"])
        #expect(try store.statistics().distinctClaims < statistics.distinctClaims)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aContextStatedWithHundredsOfFiguresGivesTheAlignerABoundedShare() throws {
        // 600 reports of one sentence, each with its own figure: 600 claims that share their whole context.
        let figures = (0..<600).map { 1_000 + $0 }
        let reports = Dictionary(uniqueKeysWithValues: figures.map {
            (String(format: "report-%03d.txt", $0 - 1_000), "Officials said \($0 / 1_000),\(String(format: "%03d", $0 % 1_000)) detainees were held in Minsk prisons.")
        })
        let folder = try scratch(reports)
        let store = try FactStore(path: folder + "/facts.sqlite", create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        let statistics = try store.statistics()
        #expect(statistics.distinctClaims == 600 && statistics.distinctContexts == 1)
        // Postings index the one context, not each claim.
        #expect(statistics.postings < 20)

        func related(_ draft: String) throws -> [Fact] {
            let claim = try #require(try Self.extractor.claims(in: try Document(path: "draft.txt", text: draft)).first)
            let context = claim.context.sorted { $0.key < $1.key }
            let rarities = try store.weights(ofTerms: context.map(\.key))
            let terms = context.map { WeightedTerm(term: $0.key, weight: $0.value, rarity: rarities[$0.key] ?? 1) }
            return try store.relatedFacts(to: claim, terms: terms, minimumOverlap: Aligner.relevantOverlap)
        }
        // The last report by id states 1,599: it ties with every other on context, and would be cut by the limit
        // if the claims whose value may agree were not kept apart.
        let candidates = try related("Officials said 1,599 detainees were held in Minsk prisons.")
        #expect(candidates.count == FactStore.candidateLimit + 1)
        #expect(candidates.contains { $0.claim.value == .number(NumberRange(exactly: 1_599)) })
        #expect(try related("Officials said 2,000 detainees were held in Minsk prisons.").count == FactStore.candidateLimit)
        // The others are the oldest claims (the reports were added in order), without the one that may agree.
        func numbers(_ facts: [Fact]) -> [Double] {
            facts.compactMap { if case let .number(range) = $0.claim.value { range.low } else { nil } }.sorted()
        }
        let oldest = (1_000..<1_000 + FactStore.candidateLimit + 1).map(Double.init)
        #expect(numbers(try related("Officials said 2,000 detainees were held in Minsk prisons.")) == oldest.dropLast())
        #expect(numbers(candidates) == oldest.dropLast() + [1_599])
        #expect(numbers(try related("Officials said 1,005 detainees were held in Minsk prisons.")) == oldest)

        let checker = Checker(extractor: Self.extractor, facts: store)
        let verdicts = try checker.check(try Document(path: "draft.txt", text: """
            Officials said 1,599 detainees were held in Minsk prisons.

            Officials said 2,000 detainees were held in Minsk prisons.
            """)).findings.map(\.verdict)
        #expect(verdicts == [.supported, .contradicted])

        // The context stays while one of its claims does, and goes with its postings after the last.
        try store.remove(paths: (0..<599).map { folder + String(format: "/report-%03d.txt", $0) })
        #expect(try store.statistics().distinctContexts == 1 && store.statistics().postings == statistics.postings)
        try store.remove(paths: [folder + "/report-599.txt"])
        let emptied = try store.statistics()
        #expect(emptied.distinctClaims == 0 && emptied.distinctContexts == 0 && emptied.postings == 0)
        #expect(try store.integrityCheck() == "ok")
    }

    /// Which claims may agree with a value is listed as the claims that overlap it, or, when they are too many, as
    /// those that do not, or, when both are, whole (`ValueOverlap`): the aligner gets the same candidates either way.
    @Test func candidatesAreTheSameHoweverTheOverlapIsListed() throws {
        let figures = (0..<600).map { 1_000 + $0 }
        let reports = Dictionary(uniqueKeysWithValues: figures.map {
            (String(format: "report-%03d.txt", $0 - 1_000), "Officials said \($0 / 1_000),\(String(format: "%03d", $0 % 1_000)) detainees were held in Minsk prisons.")
        })
        let folder = try scratch(reports)
        let path = folder + "/facts.sqlite"
        let store = try FactStore(path: path, create: true)
        try store.add(files: try files(in: folder), extractor: Self.extractor)
        // 50: "more than 1,580" overlaps 19 claims (listed), "fewer than 1,590" 590 but misses 10 (those listed),
        // "more than 1,300" overlaps 299 and misses 301 (both too many: the overlap listed whole).
        let lowLimit = try FactStore(path: path, create: false, stagedAt: nil, overlapListLimit: 50)
        func candidates(_ draft: String, in store: FactStore) throws -> (related: [Int], near: [Int]) {
            let claim = try #require(try Self.extractor.claims(in: try Document(path: "draft.txt", text: draft)).first)
            let context = claim.context.sorted { $0.key < $1.key }
            let rarities = try store.weights(ofTerms: context.map(\.key))
            let terms = context.map { WeightedTerm(term: $0.key, weight: $0.value, rarity: rarities[$0.key] ?? 1) }
            let related = try store.relatedFacts(to: claim, terms: terms, minimumOverlap: Aligner.relevantOverlap)
            let near = try store.factsWithValue(near: claim, offset: 0, limit: 1_000)
            return (related.map(\.index), near.map(\.index))
        }
        for figure in ["more than 1,580", "fewer than 1,590", "more than 1,300", "1,599", "2,000"] {
            let draft = "Officials said \(figure) detainees were held in Minsk prisons."
            let (expected, got) = (try candidates(draft, in: store), try candidates(draft, in: lowLimit))
            #expect(got.related == expected.related, "\(figure)")
            #expect(got.near == expected.near, "\(figure)")
            // Every figure but 2,000 is one some report may state.
            #expect(!expected.related.isEmpty && expected.near.isEmpty == (figure == "2,000"), "\(figure)")
        }
    }

    @Test func aStoreOfTheFirstSchemaIsMigratedAndAskedToBeRebuilt() throws {
        let folder = try scratch(["a.txt": "Lukashenko let 16 prisoners go in 2025."])
        let path = folder + "/facts.sqlite"
        // A base as the first schema laid it out, holding one document.
        let old = try DatabaseQueue(path: path)
        try FactStoreSchema.migrator.migrate(old, upTo: "v1")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO documents(id, path, content_hash, size, modified, format, sentence_count, fact_count,
                                      term_counts, name_terms, entities)
                VALUES (1, ?, 'x', 1, 0, 'text', 1, 1, '', '', '');
                INSERT INTO claims(id, signature, value_class, key, body, fact_count) VALUES (1, 's', 1, '', x'00', 1);
                INSERT INTO facts(document_id, claim_id, passage) VALUES (1, 1, x'00');
                UPDATE meta SET value = 'old rules' WHERE key = 'rules_fingerprint';
                """, arguments: [folder + "/a.txt"])
        }
        try old.close()
        let store = try FactStore(path: path, create: false)
        #expect(try !store.isBuilt(by: Self.ruleSet))
        #expect(throws: FactStoreError.self) { try FactStore.openForChecking(path: path, rules: Self.ruleSet) }
        #expect(try store.documents().count == 1)
        let rebuilt = try store.rebuild(extractor: Self.extractor)
        #expect(rebuilt.added == 1 && rebuilt.facts > 0)
        #expect(try store.isBuilt(by: Self.ruleSet))
        let statistics = try store.statistics()
        #expect(statistics.distinctContexts > 0 && statistics.distinctClaims >= statistics.distinctContexts)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func everyKindOfValueSurvivesTheRecord() throws {
        let values: [Value] = [
            .number(NumberRange(low: 1_250, high: 1_350, lowOpen: true, isStatedRange: true)),
            .number(NumberRange(low: 15, high: .infinity, lowOpen: true)),
            .percent(NumberRange(exactly: 12.5), points: true), .money(NumberRange(exactly: 3.1e9), currency: "USD"),
            .money(NumberRange(exactly: 7), currency: nil), .ordinal(-3),
            .date(DateValue(year: 2025, month: 8, day: 15, weekday: 5)), .date(DateValue(quarter: 3)),
            .duration(NumberRange(exactly: 132), qualifier: .suspended), .duration(NumberRange(exactly: 6), qualifier: nil),
            .time(TimeValue(minutes: [660, 1380], zone: "moscow")), .time(TimeValue(minutes: [720])),
            .quantity(NumberRange(exactly: 40), unit: "km"),
            .dateRange(DateValue(year: 2021), DateValue(year: 2025, month: 2)),
        ]
        for value in values {
            let claim = Claim(ruleID: "core.x", kind: "count", severity: .warning, message: "", value: value, span: 0..<0,
                              valueSpan: 0..<0, sentenceIndex: 0, key: ["prisoner"], keyWords: ["detainee"],
                              context: ["releas": 1, "zenkovich": 0.375], words: [:], entities: [],
                              names: ["yuri", "zenkovich"])
            let passage = Passage(text: "16 prisoners", value: value, location: TextLocation(offset: 70, line: 3, column: 9),
                                  length: 12, sentence: "Lukashenko released 16 prisoners.")
            let record = try #require(FactRecord.decode(FactRecord.encode(claim: claim, passage: passage)))
            #expect(record.claim.value == value)
            #expect(record.passage == passage)
            #expect(record.claim.key == claim.key && record.claim.keyWords == claim.keyWords)
            #expect(record.claim.context == claim.context && record.claim.names == claim.names)
            #expect(record.claim.ruleID == "core.x" && record.claim.severity == .warning)
        }
        #expect(FactRecord.decode([1, 2, 3]) == nil)
    }
}
