import FactCheckKit
@testable import FactCheckServer
import Foundation
import Hummingbird
import Logging
import NIOPosix

/// The bundled example (Examples/sources, Rules, Reports/templates), loaded once for every test of this target,
/// as the server loads it once for every request.
enum ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let session: CheckSession = {
        let configuration = Configuration(baseline: [root.appendingPathComponent("Examples/sources").path],
                                          rules: [root.appendingPathComponent("Rules").path],
                                          reports: root.appendingPathComponent("Reports").path)
        do {
            return try CheckSession(configuration: configuration)
        } catch {
            fatalError("the bundled example does not load: \(error)")
        }
    }()

    static let templates: HTMLTemplates = {
        do {
            return try HTMLTemplates.load(folder: root.appendingPathComponent("Reports/templates").path)
        } catch {
            fatalError("the bundled templates do not load: \(error)")
        }
    }()

    /// The draft with known contradictions.
    static let erroneousDraft: String = {
        let url = root.appendingPathComponent("Examples/drafts/belarus-errors.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The server's application, to be driven by HummingbirdTesting.
    static func application(options: ServerOptions = ServerOptions(), service: CheckService? = nil)
        -> some ApplicationProtocol {
        var logger = Logger(label: "factcheck.serve.tests")
        logger.logLevel = .critical
        let service = service ?? CheckService(session: session, templates: templates, timeout: options.timeout)
        return FactCheckServer(service: service, options: options, logger: logger).makeApplication()
    }

    /// Runs `body` with a check service whose every check misses its 50 ms deadline, whatever the machine's speed:
    /// its one worker thread is kept busy until `body` returns, so a request's check queues behind the blocker.
    static func withBusyWorkers(_ body: (CheckService) async throws -> Void) async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let release = DispatchSemaphore(value: 0)
        pool.submit { _ in release.wait() }
        let service = CheckService(session: session, templates: templates,
                                   timeout: .milliseconds(50), workers: CheckWorkerPool(threadPool: pool))
        var failure: (any Error)?
        do { try await body(service) } catch { failure = error }
        release.signal()
        try await pool.shutdownGracefully()
        if let failure { throw failure }
    }

    /// A request body with the given fields, as a client would encode it.
    static func body(_ fields: [String: String]) -> ByteBuffer {
        let data = (try? JSONSerialization.data(withJSONObject: fields)) ?? Data()
        return ByteBuffer(bytes: data)
    }

    /// The "error" member of a JSON error body.
    static func errorMessage(_ body: ByteBuffer) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        return object?["error"] as? String
    }
}
