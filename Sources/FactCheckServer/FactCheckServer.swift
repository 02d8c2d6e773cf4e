import FactCheckKit
import Hummingbird
import Logging
import NIOCore

/// `factcheck serve`: DESIGN.md's HTTP contract for CMS pre-publish webhooks.
///
/// - `POST /v1/check`: `{"draft": "...", "format": ..., "date": ..., "name": ...}` → 200 with the JSON report (v1).
/// - `POST /v1/report`: the same body → 200 with the HTML discrepancy page.
/// - `GET /healthz`: 200 `{"status": "ok"}`, never behind the token, for load balancers and probes.
/// - `GET /metrics` (only with `ServerOptions.metrics`): Prometheus text exposition format, behind the token when
///   one is set, like `/v1` (see docs/integration.md for why).
///
/// Errors are `{"error": "..."}` with 400, 401, 404, 405, 413, 422 or 503 (see `APIError`).
public struct FactCheckServer: Sendable {
    /// The checker every request shares.
    public let service: CheckService
    /// Address, limits and token.
    public let options: ServerOptions
    /// Where the request log and the start-up line go.
    public let logger: Logger
    /// This server's own counters (`options.metrics`), nil when it counts nothing.
    let metrics: ServerMetrics?

    /// A server for `service` with `options`; nothing listens until `makeApplication()` is run.
    public init(service: CheckService, options: ServerOptions, logger: Logger) {
        let metrics = options.metrics ? ServerMetrics() : nil
        self.service = metrics.map(service.measured(by:)) ?? service
        self.options = options
        self.logger = logger
        self.metrics = metrics
    }

    /// The routes and middleware, without a network listener (tests drive it with HummingbirdTesting's router mode).
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        // Order matters: the log sees the final status, after the error middleware turned errors into JSON.
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: JSONErrorMiddleware(metrics: metrics))
        router.get("healthz") { _, _ in
            Self.response(.ok, contentType: "application/json; charset=utf-8", body: "{\"status\":\"ok\"}\n")
        }
        let version1 = router.group("v1")
        if let token = options.token {
            version1.add(middleware: BearerTokenMiddleware(token: token))
        }
        version1.post("check") { request, context in
            let checkRequest = try await readCheckRequest(request, context: context)
            return Self.response(.ok, contentType: "application/json; charset=utf-8",
                                 body: try await service.checkJSON(checkRequest))
        }
        version1.post("report") { request, context in
            let checkRequest = try await readCheckRequest(request, context: context)
            return Self.response(.ok, contentType: "text/html; charset=utf-8",
                                 body: try await service.checkHTML(checkRequest))
        }
        var endpoints: [(String, HTTPRequest.Method)] = [("v1/check", .post), ("v1/report", .post), ("healthz", .get)]
        if let metrics {
            // Behind the same token as /v1: the page tells how busy the newsroom is and how its checks fail, and
            // Prometheus sends a bearer token as easily as a CMS does (`authorization.credentials_file`).
            let scraped = router.group("metrics")
            if let token = options.token {
                scraped.add(middleware: BearerTokenMiddleware(token: token))
            }
            scraped.get { _, _ in
                Response(status: .ok, headers: [.contentType: ServerMetrics.contentType],
                         body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
            }
            endpoints.append(("metrics", .get))
        }
        // A known path asked with the wrong method is a 405 that names the right one, not a bare 404.
        for (path, allowed) in endpoints {
            for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] where method != allowed {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw APIError.methodNotAllowed(method, path: "/" + path, allowed: allowed)
                }
            }
        }
        return router
    }

    /// The application, listening on `options.host:options.port`.
    /// - Parameter onListening: Called with the bound address once the server accepts connections.
    public func makeApplication(onListening: @escaping @Sendable (String) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let logger = self.logger
        return Application(
            router: makeRouter(),
            // Closes connections a client leaves idle (between requests, or sending a body too slowly), so that
            // abandoned connections cannot pile up, and caps how many are open at once.
            server: .http1(configuration: .init(idleTimeout: TimeAmount(options.idleTimeout))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "factcheck",
                                 availableConnectionsDelegate: .maximum(options.maxConnections, logger: logger)),
            onServerRunning: { channel in
                let address = Self.describe(channel.localAddress)
                logger.info("factcheck serve listening on http://\(address)", metadata: ["address": .string(address)])
                await onListening(address)
            },
            logger: logger
        )
    }

    /// Reads and validates the body, refusing an oversized one before reading it when the client announces its
    /// length, and as soon as the limit is passed when it does not (chunked).
    private func readCheckRequest(_ request: Request, context: some RequestContext) async throws -> CheckRequest {
        let limit = options.maxBodyBytes
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        } catch {
            throw APIError.incompleteBody
        }
        return try CheckRequest(json: body.readableBytesView)
    }

    private static func response(_ status: HTTPResponse.Status, contentType: String, body: String) -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// "127.0.0.1:8787", "[::1]:8787".
    private static func describe(_ address: SocketAddress?) -> String {
        guard let address, let ip = address.ipAddress, let port = address.port else { return "unknown" }
        if case .v6 = address { return "[\(ip)]:\(port)" }
        return "\(ip):\(port)"
    }
}
