import Hummingbird

/// Turns every error into DESIGN.md's JSON error body, including Hummingbird's own (an unknown route's 404, a
/// framework 4xx) and anything unexpected (500), so a client never has to parse an empty or plain-text error.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as HTTPError where error.status == .notFound {
            return APIError.notFound(request.uri.path).response()
        } catch let error as HTTPError {
            return APIError(error.status, error.body ?? error.status.reasonPhrase, headers: error.headers).response()
        } catch let error as any HTTPResponseError {
            return APIError(error.status, error.status.reasonPhrase).response()
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            return APIError.internalFailure(error).response()
        }
    }
}
