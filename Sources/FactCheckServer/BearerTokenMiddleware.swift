import Hummingbird

/// Lets a request through only with `Authorization: Bearer <token>` naming the server's token; answers 401 with
/// `WWW-Authenticate` otherwise (RFC 6750).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    private let expected: [UInt8]

    init(token: String) {
        expected = Array(token.utf8)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authorization = request.headers[.authorization] else { throw APIError.missingToken }
        let scheme = "bearer "
        guard authorization.count > scheme.count, authorization.lowercased().hasPrefix(scheme) else {
            throw APIError.missingToken
        }
        let given = authorization.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        guard Self.constantTimeEquals(Array(given.utf8), expected) else { throw APIError.wrongToken }
        return try await next(request, context)
    }

    /// Compares every byte whatever the first difference, so the answer's timing does not tell an attacker how
    /// much of a guessed token was right. (The length is not hidden; it says little about a random token.)
    static func constantTimeEquals(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<expected.count {
            let byte = index < given.count ? given[index] : 0
            difference |= byte ^ expected[index]
        }
        return difference == 0
    }
}
