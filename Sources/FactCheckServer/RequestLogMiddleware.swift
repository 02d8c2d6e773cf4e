import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, path, status, duration in milliseconds, response bytes and the
/// request id Hummingbird gives every request (also in every other line logged for that request).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status, bytes: response.body.contentLength, since: start)
            return response
        } catch {
            // Only reached for errors that bypass JSONErrorMiddleware; Hummingbird answers them itself.
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, context: context, status: status, bytes: nil, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: HTTPResponse.Status, bytes: Int?,
                     since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.log(level: status.code >= 500 ? .error : .info, "request", metadata: [
            "request_id": .string(context.id),
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": .stringConvertible(status.code),
            "duration_ms": .string(String(format: "%.2f", milliseconds)),
            "bytes": .string(bytes.map(String.init) ?? "-"),
        ])
    }
}
