import Foundation
import Testing
@testable import FactCheckKit

@Suite struct CheckSessionTests {
    private func configuration() throws -> Configuration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return Configuration(baseline: [RepositoryPaths.exampleSource], rules: [RepositoryPaths.rules],
                             signOffs: folder + "/accepted.yml")
    }

    private func draft(bytes: Int) throws -> Document {
        let sentence = "Lukashenko pardoned 18 prisoners on August 14, 2025. "
        let text = String(repeating: sentence, count: bytes / sentence.utf8.count + 1)
        return try Document(path: "draft.txt", text: text)
    }

    /// A one-draft check does not wait for PCRE2's JIT; a check of more text than `jitThreshold` compiles the
    /// rules first, and finds what the interpreted rules find.
    @Test func aByVolumeSessionCompilesTheJITOnlyForMuchText() throws {
        let session = try CheckSession(configuration: try configuration(), jit: .byVolume)
        #expect(!session.ruleSet.isJITCompiled)
        let small = try draft(bytes: 2_000)
        let interpreted = try session.check([small])
        #expect(!session.ruleSet.isJITCompiled)
        #expect(interpreted[0].findings.contains { $0.verdict == .contradicted })
        _ = try session.check([try draft(bytes: CheckSession.jitThreshold + 1)])
        #expect(session.ruleSet.isJITCompiled)
        let compiled = try session.check([small])
        #expect(compiled[0].findings.map(\.verdict) == interpreted[0].findings.map(\.verdict))
        #expect(compiled[0].findings.map(\.claim.text) == interpreted[0].findings.map(\.claim.text))
    }

    /// A session that refreshes its store compiles the JIT when a document must be read, and not for a refresh
    /// that finds every source unchanged.
    @Test func aRefreshCompilesTheJITOnlyWhenItReadsADocument() throws {
        var configuration = try configuration()
        configuration.factbase = FileManager.default.temporaryDirectory
            .appendingPathComponent("session-store-\(UUID())/facts.sqlite").path
        let building = try CheckSession(configuration: configuration, factsFrom: .refreshedStore, jit: .byVolume)
        #expect(building.ruleSet.isJITCompiled)
        let refreshing = try CheckSession(configuration: configuration, factsFrom: .refreshedStore, jit: .byVolume)
        #expect(!refreshing.ruleSet.isJITCompiled)
        let reports = try refreshing.check([try draft(bytes: 2_000)])
        #expect(reports[0].findings.contains { $0.verdict == .contradicted })
    }

    /// A session for many requests (the server) is compiled when its rules are loaded.
    @Test func anAlwaysSessionIsCompiledAtOnce() throws {
        #expect(try CheckSession(configuration: try configuration()).ruleSet.isJITCompiled)
    }
}
