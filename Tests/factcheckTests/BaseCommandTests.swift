import FactCheckKit
import Foundation
import Testing

/// `factcheck base ...` and `check` against a store, run as the built binary in temporary folders.
@Suite struct BaseCommandTests {
    static let rules = FactBinaryPaths.root + "/Rules"
    static let example = FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md"
    static let exampleSource = FactBinaryPaths.root + "/Examples/sources/belarus-us-call.txt"

    /// A folder with the example source and one more document, and where its store goes.
    private func archive() throws -> (folder: String, store: String) {
        let source = try String(contentsOfFile: Self.exampleSource, encoding: .utf8)
        let sources = try Scratch.folder("base-\(UUID())/sources", files: [
            "belarus-us-call.txt": source,
            "roses.txt": "In 2023, 20 roses were sold for $3.1 billion.",
        ])
        let folder = (sources as NSString).deletingLastPathComponent
        return (folder, folder + "/store/facts.sqlite")
    }

    private func base(_ arguments: [String], store: String, in folder: String) throws -> FactCheckBinary.Run {
        try FactCheckBinary.run(["base"] + arguments + ["--factbase", store, "--rules", Self.rules], workingDirectory: folder)
    }

    @Test func addListStatsRemoveAndRebuild() throws {
        let (folder, store) = try archive()
        let added = try base(["add", "sources"], store: store, in: folder)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.hasPrefix("added 2, replaced 0, unchanged 0, removed 0: "))
        #expect(added.standardError.isEmpty)  // no progress bar when standard error is piped
        let again = try base(["add", "sources/*.txt"], store: store, in: folder)
        #expect(again.standardOutput.hasPrefix("added 0, replaced 0, unchanged 2, removed 0: 0 facts"))
        let list = try base(["list"], store: store, in: folder)
        #expect(list.standardOutput.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
            == ["sources/belarus-us-call.txt", "sources/roses.txt"])
        let stats = try base(["stats", "--verify"], store: store, in: folder)
        #expect(stats.status == 0)
        #expect(stats.standardOutput.contains("documents: 2 "))
        #expect(stats.standardOutput.contains("rules: current"))
        #expect(stats.standardOutput.contains("integrity: ok"))
        let removed = try base(["remove", "sources/roses.txt"], store: store, in: folder)
        #expect(removed.standardOutput.hasPrefix("added 0, replaced 0, unchanged 0, removed 1: "))
        let rebuilt = try base(["rebuild"], store: store, in: folder)
        #expect(rebuilt.status == 0)
        #expect(rebuilt.standardOutput.hasPrefix("added 1, replaced 0, unchanged 0, removed 0: "))
    }

    @Test func checkAgainstTheStorePrintsWhatTheInMemoryBasePrints() throws {
        let (folder, store) = try archive()
        _ = try base(["add", "sources/belarus-us-call.txt"], store: store, in: folder)
        for format in ["text", "json", "sarif"] {
            let fromStore = try FactCheckBinary.run(["check", Self.example, "--factbase", store, "--rules", Self.rules,
                                                     "--format", format], workingDirectory: folder)
            let inMemory = try FactCheckBinary.run(["check", Self.example, "--baseline", "sources/belarus-us-call.txt",
                                                    "--rules", Self.rules, "--format", format], workingDirectory: folder)
            #expect(fromStore.status == 1 && inMemory.status == 1)
            #expect(fromStore.standardOutput == inMemory.standardOutput)
        }
    }

    @Test func checkBuildsTheConfiguredStoreAndFollowsTheSources() throws {
        let (folder, _) = try archive()
        try Data("baseline: [sources]\nrules: [\(Self.rules)]\n".utf8).write(to: URL(fileURLWithPath: folder + "/factcheck.yml"))
        let draft = try Scratch.file("roses-\(UUID()).txt", contents: Data("In 2023, 21 roses were sold for $3.1 billion.".utf8))
        let first = try FactCheckBinary.run(["check", draft], workingDirectory: folder)
        #expect(first.status == 1)
        #expect(first.standardOutput.contains("sources/roses.txt"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.factcheck/facts.sqlite"))
        // The source now agrees with the draft: the next check refreshes the store and passes.
        try Data("In 2023, 21 roses were sold for $3.1 billion!".utf8).write(to: URL(fileURLWithPath: folder + "/sources/roses.txt"))
        let second = try FactCheckBinary.run(["check", draft], workingDirectory: folder)
        #expect(second.status == 0, "\(second.standardOutput)\(second.standardError)")
    }

    @Test func aForeignFileAsTheStoreIsRefused() throws {
        let (folder, _) = try archive()
        let notes = try Scratch.file("notes-\(UUID()).sqlite", contents: Data("my notes".utf8))
        let run = try base(["add", "sources"], store: notes, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not a factcheck fact base"))
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
        let check = try FactCheckBinary.run(["check", Self.example, "--factbase", notes, "--rules", Self.rules])
        #expect(check.status == 2)
    }

    @Test func aMissingStoreOrPathIsAClearError() throws {
        let (folder, store) = try archive()
        let list = try base(["list"], store: store, in: folder)
        #expect(list.status == 2)
        #expect(list.standardError.contains("factcheck base add"))
        _ = try base(["add", "sources"], store: store, in: folder)
        let remove = try base(["remove", "sources/nothing.txt"], store: store, in: folder)
        #expect(remove.status == 2)
        #expect(remove.standardError.contains("is not in the fact base"))
    }

    /// kill -9 in the middle of `base add`: the transaction never commits, and the base is the previous one.
    @Test func anInterruptedAddLeavesThePreviousBaseIntact() throws {
        let (folder, store) = try archive()
        #expect(try base(["add", "sources/belarus-us-call.txt"], store: store, in: folder).status == 0)
        let before = try base(["list"], store: store, in: folder).standardOutput
        try killAddingManyDocuments(to: store, in: folder)
        let stats = try base(["stats", "--verify"], store: store, in: folder)
        #expect(stats.standardOutput.contains("integrity: ok"))
        #expect(stats.standardOutput.contains("documents: 1 "))
        #expect(try base(["list"], store: store, in: folder).standardOutput == before)
        let check = try FactCheckBinary.run(["check", Self.example, "--factbase", store, "--rules", Self.rules], workingDirectory: folder)
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("sources/belarus-us-call.txt"))
    }

    /// kill -9 in the middle of a first build: a new store is written beside its path and renamed into place when
    /// complete, so there is still no store; the next build clears what the killed one left.
    @Test func anInterruptedFirstBuildLeavesNoStore() throws {
        let (folder, store) = try archive()
        try killAddingManyDocuments(to: store, in: folder)
        let staging = store + ".building"
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(FileManager.default.fileExists(atPath: staging))
        let list = try base(["list"], store: store, in: folder)
        #expect(list.status == 2)
        #expect(list.standardError.contains("no fact base here"))
        #expect(try base(["add", "sources"], store: store, in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: staging))
        let stats = try base(["stats", "--verify"], store: store, in: folder)
        #expect(stats.standardOutput.contains("integrity: ok"))
        #expect(stats.standardOutput.contains("documents: 2 "))
    }

    /// A first build that fails (an unreadable document) leaves neither a store nor its staging file.
    @Test func aFailedFirstBuildLeavesNothing() throws {
        let (folder, store) = try archive()
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/sources/binary.txt"))
        let run = try base(["add", "sources"], store: store, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("binary.txt"))
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: store + ".building"))
    }

    /// Starts `base add` of 1,000 documents into `store` and kills it (SIGKILL) once it reports progress.
    private func killAddingManyDocuments(to store: String, in folder: String) throws {
        // Enough documents that the add is still running when its first progress line arrives.
        let source = try String(contentsOfFile: Self.exampleSource, encoding: .utf8)
        let big = folder + "/big"
        try FileManager.default.createDirectory(atPath: big, withIntermediateDirectories: true)
        for index in 0..<1_000 {
            try Data((source + "\nIn \(1900 + index % 100), \(index) roses were sold.\n").utf8)
                .write(to: URL(fileURLWithPath: "\(big)/doc-\(index).txt"))
        }
        let process = Process()
        process.executableURL = FactCheckBinary.url
        process.arguments = ["base", "add", big, "--factbase", store, "--rules", Self.rules, "--progress", "always"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("documents") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(String(decoding: seen, as: UTF8.self).contains("/1000 documents"))
        #expect(process.terminationReason == .uncaughtSignal)
    }
}
