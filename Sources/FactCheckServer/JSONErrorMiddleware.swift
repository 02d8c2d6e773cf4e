import Hummingbird

/// Turns every error into DESIGN.md's JSON error body, including Hummingbird's own (an unknown route's 404, a
/// framework 4xx) and anything unexpected (500), so a client never has to parse an empty or plain-text error.
/// Every error passes here, so here they are counted by kind (`--metrics`).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where errors are counted; nil counts nothing.
    var metrics: ServerMetrics?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = apiError(for: error, request: request, context: context)
            metrics?.recordError(answer.kind)
            return answer.response()
        }
    }

    private func apiError(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError where error.status == .notFound:
            return APIError.notFound(request.uri.path)
        case let error as HTTPError:
            return APIError(error.status, error.body ?? error.status.reasonPhrase, headers: error.headers)
        case let error as any HTTPResponseError:
            return APIError(error.status, error.status.reasonPhrase)
        default:
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            return APIError.internalFailure(error)
        }
    }
}
