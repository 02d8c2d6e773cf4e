import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `factcheck serve` as a CMS meets it: the built binary, listening on 127.0.0.1, answering real HTTP requests.
@Suite(.serialized) struct ServeCommandTests {
    static let token = "integration-test-token"

    @Test func theServerAnswersRealRequestsAndStaysUpAfterBadOnes() async throws {
        let server = try RunningServer.start(["--max-body", "64KiB"], token: Self.token)
        defer { server.stop() }
        let authorized = ["Authorization": "Bearer \(Self.token)"]
        let draft = try String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md", encoding: .utf8)

        let health = try await server.send("GET", "/healthz")
        #expect(health.status == 200)

        let check = try await server.send("POST", "/v1/check", headers: authorized,
                                          json: ["draft": draft, "name": "Examples/drafts/belarus-errors.md", "format": "markdown"])
        #expect(check.status == 200)
        // The same JSON as `factcheck check --format json` for the same draft.
        #expect(check.body == (try String(contentsOf: Golden.folder.appendingPathComponent("belarus-errors.json"), encoding: .utf8)))

        let report = try await server.send("POST", "/v1/report", headers: authorized, json: ["draft": draft])
        #expect(report.status == 200)
        #expect(report.body.contains("<html"))

        let oversize = try await server.send("POST", "/v1/check", headers: authorized,
                                             json: ["draft": String(repeating: "Sixteen prisoners were freed. ", count: 4000)])
        #expect(oversize.status == 413)
        #expect(oversize.body.contains("64 KiB (65536 bytes)"))

        let malformed = try await server.send("POST", "/v1/check", headers: authorized, rawBody: "{\"draft\": ")
        #expect(malformed.status == 400)
        #expect(malformed.body.contains("not valid JSON"))

        let wrongToken = try await server.send("POST", "/v1/check", headers: ["Authorization": "Bearer guess"],
                                               json: ["draft": draft])
        #expect(wrongToken.status == 401)
        #expect(wrongToken.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)

        let noToken = try await server.send("POST", "/v1/check", json: ["draft": draft])
        #expect(noToken.status == 401)

        // Without --metrics there is no such endpoint, token or not.
        let metrics = try await server.send("GET", "/metrics", headers: authorized)
        #expect(metrics.status == 404)

        // Still up and still right after the bad requests.
        let again = try await server.send("POST", "/v1/check", headers: authorized,
                                          json: ["draft": draft, "name": "Examples/drafts/belarus-errors.md", "format": "markdown"])
        #expect(again.status == 200)
        #expect(again.body == check.body)
        #expect(server.isRunning)

        // One structured log line per request, with its status.
        let log = server.standardError
        #expect(log.contains("method=POST") && log.contains("path=/v1/check") && log.contains("status=413"))
        #expect(log.contains("status=401") && log.contains("request_id="))
        #expect(!log.contains(Self.token))
    }

    @Test func withMetricsTheServerCountsForPrometheus() async throws {
        let server = try RunningServer.start(["--metrics"], token: Self.token)
        defer { server.stop() }
        let authorized = ["Authorization": "Bearer \(Self.token)"]
        let draft = try String(contentsOfFile: FactBinaryPaths.root + "/Examples/drafts/belarus-errors.md", encoding: .utf8)
        let check = try await server.send("POST", "/v1/check", headers: authorized, json: ["draft": draft])
        #expect(check.status == 200)

        #expect(try await server.send("GET", "/metrics").status == 401)
        let page = try await server.send("GET", "/metrics", headers: authorized)
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let lines = page.body.split(separator: "\n")
        #expect(lines.contains(#"factcheck_checks_total{outcome="contradicted"} 1"#), "\(page.body)")
        #expect(lines.contains("factcheck_check_duration_seconds_count 1"))
        #expect(lines.contains(#"factcheck_errors_total{kind="unauthorized"} 1"#))
        #expect(lines.contains { $0.hasPrefix("# TYPE factcheck_fact_store_queries_total counter") })
    }

    @Test func aPortInUseExits2WithAClearMessage() throws {
        let server = try RunningServer.start([], token: nil)
        defer { server.stop() }
        let run = try FactCheckBinary.run(["serve", "--port", "\(server.port)"])
        #expect(run.status == 2)
        #expect(run.standardError.contains(
            "127.0.0.1:\(server.port): cannot listen on this address: port \(server.port) is already in use"))
        #expect(run.standardError.contains("pick a free --port"))
    }

    /// A client that sends half a body and goes away is no server failure (issue 24: logged as status 500).
    @Test func anAbandonedUploadIsNotLoggedAsAServerError() throws {
        let server = try RunningServer.start([], token: nil)
        defer { server.stop() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        let request = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{\"draft\": \"Six"
        _ = request.withCString { send(socketDescriptor, $0, strlen($0), 0) }
        usleep(200_000)
        close(socketDescriptor)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !server.standardError.contains("path=/v1/check") { usleep(50_000) }
        #expect(server.standardError.contains("path=/v1/check"), "\(server.standardError)")
        #expect(!server.standardError.contains("status=500"), "\(server.standardError)")
    }

    @Test(arguments: [
        (["--max-body", "lots"], "--max-body"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--timeout", "0"], "--timeout must be a positive number"),
        (["--host", "no-such-host.invalid", "--insecure"], "the host name 'no-such-host.invalid' does not resolve"),
    ])
    func badServeFlagsExit2(arguments: [String], message: String) throws {
        let run = try FactCheckBinary.run(["serve", "--port", "0"] + arguments)
        #expect(run.status == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test func anEmptyTokenFileExits2() throws {
        let path = try Scratch.file("empty-token", contents: Data("\n".utf8))
        let run = try FactCheckBinary.run(["serve", "--port", "0", "--token-file", path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("the token file is empty"))
    }
}
