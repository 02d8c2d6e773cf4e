import FactCheckKit
@testable import FactCheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `serve --metrics`: the /metrics page, read the way Prometheus reads it, moves with checks and errors.
@Suite struct MetricsTests {
    static let token = "s3cret"
    static let authorized: HTTPFields = [.authorization: "Bearer \(token)"]

    /// The samples of a page in the text exposition format, by series (`name{label="value"}`), comments skipped.
    struct Exposition {
        var samples: [String: Double] = [:]

        init(_ text: String) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                    continue
                }
                samples[String(line[..<space])] = value
            }
        }

        subscript(_ series: String) -> Double? { samples[series] }

        /// The sum of every series of the metric `name` (all its label values).
        func total(_ name: String) -> Double {
            samples.filter { $0.key == name || $0.key.hasPrefix(name + "{") }.values.reduce(0, +)
        }
    }

    private static func scrape(_ client: some TestClientProtocol) async throws -> Exposition {
        let response = try await client.execute(uri: "/metrics", method: .get, headers: authorized)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
        return Exposition(String(buffer: response.body))
    }

    @Test func withoutMetricsThePathIsUnknown() async throws {
        try await ServerFixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test func checksTheirLatencyAndTheirQueriesAreCounted() async throws {
        let options = ServerOptions(token: Self.token, metrics: true)
        try await ServerFixture.application(options: options).test(.router) { client in
            let before = try await Self.scrape(client)
            // Every series is there from the start, at zero, so that rate() has a first point.
            #expect(before[#"factcheck_checks_total{outcome="contradicted"}"#] == 0)
            #expect(before[#"factcheck_checks_total{outcome="clean"}"#] == 0)
            #expect(before[#"factcheck_checks_total{outcome="error"}"#] == 0)
            #expect(before[#"factcheck_errors_total{kind="timeout"}"#] == 0)
            #expect(before[#"factcheck_fact_store_queries_total{query="related_facts"}"#] == 0)
            #expect(before["factcheck_check_duration_seconds_count"] == 0)

            let contradicted = try await client.execute(
                uri: "/v1/check", method: .post, headers: Self.authorized,
                body: ServerFixture.body(["draft": ServerFixture.erroneousDraft, "name": "belarus-errors.md"]))
            #expect(contradicted.status == .ok)
            // Counting the store's queries changes no answer.
            let document = try Document(path: "belarus-errors.md", text: ServerFixture.erroneousDraft)
            #expect(String(buffer: contradicted.body)
                == JSONReporter().generateReport(try ServerFixture.session.check([document])))
            let clean = try await client.execute(uri: "/v1/report", method: .post, headers: Self.authorized,
                                                 body: ServerFixture.body(["draft": "The weather was mild."]))
            #expect(clean.status == .ok)

            let after = try await Self.scrape(client)
            #expect(after[#"factcheck_checks_total{outcome="contradicted"}"#] == 1)
            #expect(after[#"factcheck_checks_total{outcome="clean"}"#] == 1)
            #expect(after[#"factcheck_checks_total{outcome="error"}"#] == 0)
            #expect(after["factcheck_check_duration_seconds_count"] == 2)
            #expect(after[#"factcheck_check_duration_seconds_bucket{le="10.0"}"#] == 2)
            #expect(after[#"factcheck_check_duration_seconds_bucket{le="+Inf"}"#] == 2)
            #expect((after["factcheck_check_duration_seconds_sum"] ?? 0) > 0)
            // Buckets are cumulative: none holds more than the next.
            let bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0"]
            let counts = bounds.map { after[#"factcheck_check_duration_seconds_bucket{le="\#($0)"}"#] }
            #expect(!counts.contains(nil), "\(counts)")
            #expect(zip(counts, counts.dropFirst()).allSatisfy { ($0 ?? 0) <= ($1 ?? 0) })
            // The contradicted draft's claims were aligned against facts the store was asked for.
            #expect((after[#"factcheck_fact_store_queries_total{query="related_facts"}"#] ?? 0) > 0)
            #expect(after.total("factcheck_errors_total") == 0)
        }
    }

    @Test func theSQLiteStoresQueriesAreCountedAndItsAnswersKept() async throws {
        let configuration = Configuration(
            baseline: [ServerFixture.root.appendingPathComponent("Examples/sources").path],
            rules: [ServerFixture.root.appendingPathComponent("Rules").path],
            reports: ServerFixture.root.appendingPathComponent("Reports").path,
            factbase: FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID())/facts.sqlite").path)
        let session = try CheckSession(configuration: configuration, factsFrom: .refreshedStore)
        let service = CheckService(session: session, templates: ServerFixture.templates)
        let options = ServerOptions(metrics: true)
        try await ServerFixture.application(options: options, service: service).test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/check", method: .post,
                body: ServerFixture.body(["draft": ServerFixture.erroneousDraft, "name": "belarus-errors.md"]))
            let document = try Document(path: "belarus-errors.md", text: ServerFixture.erroneousDraft)
            #expect(String(buffer: response.body) == JSONReporter().generateReport(try session.check([document])))
            let page = Exposition(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(page[#"factcheck_checks_total{outcome="contradicted"}"#] == 1)
            #expect((page[#"factcheck_fact_store_queries_total{query="related_facts"}"#] ?? 0) > 0)
            #expect((page[#"factcheck_fact_store_queries_total{query="origin"}"#] ?? 0) > 0)
        }
    }

    @Test func errorsAreCountedByKind() async throws {
        let options = ServerOptions(maxBodyBytes: 1024, token: Self.token, metrics: true)
        try await ServerFixture.application(options: options).test(.router) { client in
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: Self.authorized,
                                         body: ByteBuffer(string: "{\"draft\": "))
            _ = try await client.execute(uri: "/v1/check", method: .post, headers: Self.authorized,
                                         body: ByteBuffer(string: "{}"))
            _ = try await client.execute(
                uri: "/v1/check", method: .post, headers: Self.authorized,
                body: ServerFixture.body(["draft": String(repeating: "Sixteen prisoners were freed. ", count: 100)]))
            _ = try await client.execute(uri: "/v2/check", method: .post)
            _ = try await client.execute(uri: "/metrics", method: .post)
            // Without the token, /metrics is refused like /v1.
            let anonymous = try await client.execute(uri: "/metrics", method: .get)
            #expect(anonymous.status == .unauthorized)

            let page = try await Self.scrape(client)
            #expect(page[#"factcheck_errors_total{kind="bad_request"}"#] == 2)
            #expect(page[#"factcheck_errors_total{kind="too_large"}"#] == 1)
            #expect(page[#"factcheck_errors_total{kind="not_found"}"#] == 1)
            #expect(page[#"factcheck_errors_total{kind="method_not_allowed"}"#] == 1)
            #expect(page[#"factcheck_errors_total{kind="unauthorized"}"#] == 1)
            #expect(page.total("factcheck_errors_total") == 6)
            // None of them reached the checker.
            #expect(page.total("factcheck_checks_total") == 0)
        }
    }

    @Test func aTimedOutCheckIsAnErrorOutcomeAndATimeout() async throws {
        let options = ServerOptions(token: Self.token, metrics: true)
        try await ServerFixture.withBusyWorkers { service in
            try await ServerFixture.application(options: options, service: service).test(.router) { client in
                let response = try await client.execute(uri: "/v1/check", method: .post, headers: Self.authorized,
                                                        body: ServerFixture.body(["draft": "Sixteen prisoners were freed."]))
                #expect(response.status == .serviceUnavailable)
                let page = try await Self.scrape(client)
                #expect(page[#"factcheck_checks_total{outcome="error"}"#] == 1)
                #expect(page[#"factcheck_errors_total{kind="timeout"}"#] == 1)
                #expect(page["factcheck_check_duration_seconds_count"] == 1)
                // It waited its 50 ms deadline: over the 25 ms bucket's bound.
                #expect(page[#"factcheck_check_duration_seconds_bucket{le="0.025"}"#] == 0)
                #expect(page[#"factcheck_check_duration_seconds_bucket{le="10.0"}"#] == 1)
            }
        }
    }

    @Test func eachServerCountsInItsOwnRegistry() async throws {
        let options = ServerOptions(metrics: true)
        try await ServerFixture.application(options: options).test(.router) { client in
            _ = try await client.execute(uri: "/v1/check", method: .post,
                                         body: ServerFixture.body(["draft": "Sixteen prisoners were freed."]))
            let page = Exposition(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(page.total("factcheck_checks_total") == 1)
        }
        try await ServerFixture.application(options: options).test(.router) { client in
            let page = Exposition(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(page.total("factcheck_checks_total") == 0)
        }
    }
}
