import FactCheckKit
@testable import FactCheckServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every status of the HTTP contract, through the real router and middleware (HummingbirdTesting's router mode).
@Suite struct FactCheckServerTests {
    @Test func checkAnswersTheJSONReport() async throws {
        try await ServerFixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/check", method: .post, headers: [.contentType: "application/json"],
                body: ServerFixture.body(["draft": ServerFixture.erroneousDraft, "name": "belarus-errors.md"]))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            // The same bytes as `factcheck check --format json` gives for the same draft and name.
            let document = try Document(path: "belarus-errors.md", text: ServerFixture.erroneousDraft)
            let expected = JSONReporter().generateReport(try ServerFixture.session.check([document]))
            #expect(String(buffer: response.body) == expected)
            #expect(String(buffer: response.body).contains("\"contradicted\" : 4"))
        }
    }

    @Test func checkReadsTheFormatAndDateFields() async throws {
        try await ServerFixture.application().test(.router) { client in
            let relative = "The prisoners were freed last Thursday."
            let response = try await client.execute(
                uri: "/v1/check", method: .post,
                body: ServerFixture.body(["draft": relative, "format": "text", "date": "2025-09-16"]))
            #expect(response.status == .ok)
            let document = try Document(path: "draft", text: relative, format: .text,
                                        date: DateValue(year: 2025, month: 9, day: 16))
            #expect(String(buffer: response.body) == JSONReporter().generateReport(try ServerFixture.session.check([document])))
            #expect(String(buffer: response.body).contains("\"path\" : \"draft\""))
        }
    }

    @Test func reportAnswersTheHTMLPage() async throws {
        try await ServerFixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/report", method: .post,
                                                    body: ServerFixture.body(["draft": ServerFixture.erroneousDraft]))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let page = String(buffer: response.body)
            #expect(page.hasPrefix("<!DOCTYPE html>") || page.hasPrefix("<!doctype html>"))
            #expect(page.contains("contradicted"))
        }
    }

    @Test func healthzAnswersOKWithoutAToken() async throws {
        try await ServerFixture.application(options: ServerOptions(token: "s3cret")).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "{\"status\":\"ok\"}\n")
        }
    }

    @Test(arguments: [
        ("{\"draft\": ", "not valid JSON"),
        ("[1, 2]", "not an object"),
        ("{}", "has no \"draft\""),
        ("{\"draft\": \"   \"}", "\"draft\" is empty"),
        ("{\"draft\": 42}", "\"draft\" must be a string"),
        ("{\"draft\": \"x\", \"format\": \"docx\"}", "\"format\" is 'docx'"),
        ("{\"draft\": \"x\", \"date\": \"2025-02-30\"}", "\"date\" is '2025-02-30'"),
        ("{\"draft\": \"x\", \"date\": \"15/08/2025\"}", "YYYY-MM-DD"),
        ("{\"draft\": \"---\\ndate: [\\n\"}", "the draft cannot be read"),
    ])
    func badRequestsAnswer400WithTheReason(body: String, reason: String) async throws {
        try await ServerFixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let message = try #require(ServerFixture.errorMessage(response.body))
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test func aMissingOrWrongTokenAnswers401WithWWWAuthenticate() async throws {
        try await ServerFixture.application(options: ServerOptions(token: "s3cret")).test(.router) { client in
            let body = ServerFixture.body(["draft": "Sixteen prisoners were freed."])
            for headers: HTTPFields in [[:], [.authorization: "Bearer s3cre"], [.authorization: "Bearer s3cret2"],
                                        [.authorization: "Basic czNjcmV0"]] {
                let response = try await client.execute(uri: "/v1/check", method: .post, headers: headers, body: body)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(ServerFixture.errorMessage(response.body)?.contains("token") == true)
            }
            let accepted = try await client.execute(uri: "/v1/check", method: .post,
                                                    headers: [.authorization: "Bearer s3cret"], body: body)
            #expect(accepted.status == .ok)
        }
    }

    @Test func anOversizeBodyAnswers413NamingTheLimit() async throws {
        try await ServerFixture.application(options: ServerOptions(maxBodyBytes: 1024)).test(.router) { client in
            let draft = String(repeating: "Sixteen prisoners were freed. ", count: 100)
            let response = try await client.execute(uri: "/v1/check", method: .post,
                                                    body: ServerFixture.body(["draft": draft]))
            #expect(response.status == .contentTooLarge)
            #expect(ServerFixture.errorMessage(response.body)?.contains("1 KiB (1024 bytes)") == true)
            let small = try await client.execute(uri: "/v1/check", method: .post,
                                                 body: ServerFixture.body(["draft": "Sixteen prisoners were freed."]))
            #expect(small.status == .ok)
        }
    }

    @Test func unknownPathsAnswer404AndWrongMethods405() async throws {
        try await ServerFixture.application().test(.router) { client in
            let missing = try await client.execute(uri: "/v2/check", method: .post)
            #expect(missing.status == .notFound)
            #expect(ServerFixture.errorMessage(missing.body)?.contains("/v2/check") == true)
            let wrongMethod = try await client.execute(uri: "/v1/check", method: .get)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "POST")
            let wrongHealthz = try await client.execute(uri: "/healthz", method: .post)
            #expect(wrongHealthz.status == .methodNotAllowed)
            #expect(wrongHealthz.headers[.allow] == "GET")
        }
    }

    @Test func aCheckPastTheTimeoutAnswers503AndIsNotStartedLater() async throws {
        // The request's check queues behind a busy worker and cannot start before its deadline.
        try await ServerFixture.withBusyWorkers { service in
            try await ServerFixture.application(service: service).test(.router) { client in
                let response = try await client.execute(uri: "/v1/check", method: .post,
                                                        body: ServerFixture.body(["draft": "Sixteen prisoners were freed."]))
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(ServerFixture.errorMessage(response.body)?.contains("limit of 50 ms") == true)
            }
        }
    }
}

/// Work the server answered 503 for is told to stop, and connections are bounded (issue 24).
@Suite struct ServerLimitTests {
    @Test func workPastItsDeadlineIsToldToStop() async throws {
        let stopped = DispatchSemaphore(value: 0)
        do {
            _ = try await CheckWorkerPool().run(timeout: .milliseconds(50)) { cancellation in
                while !cancellation.isCancelled { usleep(1_000) }
                stopped.signal()
            }
            Issue.record("the work answered before its deadline")
        } catch CheckWorkerPool.Failure.timedOut {
        }
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }

    @Test func theFileLimitIsRaisedAndConnectionsStayBelowIt() {
        let limit = OpenFileLimit.raise()
        #expect(limit >= 256)
        let connections = OpenFileLimit.connectionLimit(forFileLimit: limit)
        #expect(connections <= max(16, limit - 64) && connections <= ServerOptions.defaultMaxConnections)
        #expect(OpenFileLimit.connectionLimit(forFileLimit: 1_024) == 960)
        #expect(ServerOptions().idleTimeout == .seconds(15))
    }
}

@Suite struct BearerTokenComparisonTests {
    @Test func onlyTheSameBytesAreEqual() {
        typealias Middleware = BearerTokenMiddleware<BasicRequestContext>
        #expect(Middleware.constantTimeEquals(Array("s3cret".utf8), Array("s3cret".utf8)))
        #expect(!Middleware.constantTimeEquals(Array("s3cre".utf8), Array("s3cret".utf8)))
        #expect(!Middleware.constantTimeEquals(Array("s3cret!".utf8), Array("s3cret".utf8)))
        #expect(!Middleware.constantTimeEquals(Array("S3cret".utf8), Array("s3cret".utf8)))
        #expect(!Middleware.constantTimeEquals([], Array("s3cret".utf8)))
    }
}
