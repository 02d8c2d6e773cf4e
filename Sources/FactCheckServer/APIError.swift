import FactCheckKit
import Foundation
import Hummingbird

/// An answer other than 2xx, as DESIGN.md's HTTP contract wants it: a status and a JSON body
/// `{"error": "..."}` whose message says what was wrong and what to do.
public struct APIError: HTTPResponseError, Equatable, CustomStringConvertible {
    /// The HTTP status of the answer (4xx, or 5xx when the server could not do its part).
    public let status: HTTPResponse.Status
    /// What was wrong and what to do, for the developer of the CMS integration.
    public let message: String
    /// Headers the status calls for (`WWW-Authenticate` on 401, `Allow` on 405, `Retry-After` on 503).
    public let headers: HTTPFields
    /// What went wrong, finer than the status (two 503s: a timeout, a server shutting down): the `kind` label of
    /// `factcheck_errors_total`.
    public let kind: Kind

    /// What went wrong, as `/metrics` counts it.
    public enum Kind: String, CaseIterable, Sendable {
        /// 400: the body is not the JSON the contract asks for, or the draft cannot be read.
        case badRequest = "bad_request"
        /// 400: the client stopped sending before the body's end.
        case incompleteBody = "incomplete_body"
        /// 401: no bearer token, or the wrong one.
        case unauthorized
        /// 404: no such endpoint.
        case notFound = "not_found"
        /// 405: a known endpoint asked with the wrong method.
        case methodNotAllowed = "method_not_allowed"
        /// 413: the body is over `--max-body`.
        case tooLarge = "too_large"
        /// 422: a rule or the fact store failed on this draft.
        case uncheckable
        /// 503: the check did not finish within `--timeout`.
        case timeout
        /// 503: the server is stopping.
        case shuttingDown = "shutting_down"
        /// 503: the fact base could not be read (a shared database down or unreachable).
        case storeUnavailable = "store_unavailable"
        /// 500: the server failed.
        case internalFailure = "internal"
        /// Any other status (the framework's own 4xx).
        case other

        /// The kind an error with only a status is taken to be.
        init(status: HTTPResponse.Status) {
            switch status {
            case .badRequest: self = .badRequest
            case .unauthorized: self = .unauthorized
            case .notFound: self = .notFound
            case .methodNotAllowed: self = .methodNotAllowed
            case .contentTooLarge: self = .tooLarge
            case .unprocessableContent: self = .uncheckable
            case .internalServerError: self = .internalFailure
            default: self = .other
            }
        }
    }

    /// An error answer with a status, a message and the headers that go with the status.
    /// - Parameter kind: what `/metrics` counts it as; by default, the kind its status implies.
    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:], kind: Kind? = nil) {
        self.status = status
        self.message = message
        self.headers = headers
        self.kind = kind ?? Kind(status: status)
    }

    public var description: String { "\(status.code) \(message)" }

    /// The JSON answer `{"error": message}` (Hummingbird calls this for errors thrown by a handler).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The response on its own, for the places that have no request context at hand.
    func response() -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A dictionary of two strings always encodes.
        let data = (try? encoder.encode(["error": message])) ?? Data("{}".utf8)
        var body = ByteBuffer(bytes: data)
        body.writeString("\n")
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    // MARK: The errors of the contract

    static func malformedJSON(_ detail: String) -> APIError {
        APIError(.badRequest, "the request body is not valid JSON (\(detail)); send {\"draft\": \"...\"}")
    }

    static let missingDraft = APIError(.badRequest,
        "the request has no \"draft\": send {\"draft\": \"<the text to check>\"}, optionally with \"format\", \"date\" and \"name\"")

    static let emptyDraft = APIError(.badRequest, "\"draft\" is empty: send the text to check")

    static func wrongType(_ field: String, expected: String) -> APIError {
        APIError(.badRequest, "\"\(field)\" must be \(expected)")
    }

    static func unknownFormat(_ format: String, known: [String]) -> APIError {
        APIError(.badRequest, "\"format\" is '\(format)'; it must be one of: \(known.joined(separator: ", "))")
    }

    static func invalidDate(_ date: String) -> APIError {
        APIError(.badRequest, "\"date\" is '\(date)', which is not a date; write it as YYYY-MM-DD, e.g. 2025-08-15")
    }

    static func invalidDraft(_ error: some Error) -> APIError {
        APIError(.badRequest, "the draft cannot be read: \(error)")
    }

    /// The fact base could not be read (a shared database down or unreachable): the draft is fine, the server will
    /// answer again once the database does.
    static func factBaseUnavailable(_ error: FactStoreError) -> APIError {
        APIError(.serviceUnavailable, "the fact base could not be read: \(error); try again shortly",
                 headers: [.retryAfter: "5"], kind: .storeUnavailable)
    }

    static func uncheckableDraft(_ error: some Error) -> APIError {
        APIError(.unprocessableContent,
                 "the draft could not be checked: \(error); shorten the sentence or tell whoever maintains the rules")
    }

    /// The body stopped before its end: the client went away mid-upload (or sent a broken chunked body). A 4xx,
    /// which nobody may read, so that the log does not call it a server failure (it said 500).
    static let incompleteBody = APIError(.badRequest,
                                         "the request body did not arrive in full: the connection closed or the body is malformed",
                                         kind: .incompleteBody)

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge,
                 "the request body is over this server's limit of \(ByteCount(limit)); send a shorter draft, or start the server with a larger --max-body")
    }

    static let missingToken = APIError(.unauthorized,
        "this server needs a token: send the header 'Authorization: Bearer <token>'",
        headers: [.wwwAuthenticate: "Bearer realm=\"factcheck\""])

    static let wrongToken = APIError(.unauthorized,
        "the bearer token is not the one this server was started with; check the token the CMS sends",
        headers: [.wwwAuthenticate: "Bearer realm=\"factcheck\", error=\"invalid_token\""])

    static func notFound(_ path: String) -> APIError {
        APIError(.notFound, "no such endpoint: \(path); the endpoints are POST /v1/check, POST /v1/report and GET /healthz")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, path: String, allowed: HTTPRequest.Method) -> APIError {
        APIError(.methodNotAllowed, "\(path) does not answer \(method); use \(allowed)",
                 headers: [.allow: allowed.rawValue])
    }

    static func timedOut(limit: Duration) -> APIError {
        APIError(.serviceUnavailable,
                 "the check did not finish within this server's limit of \(DurationText(limit)); try again, send a shorter draft, or start the server with a larger --timeout",
                 headers: [.retryAfter: "1"], kind: .timeout)
    }

    static let shuttingDown = APIError(.serviceUnavailable, "the server is shutting down; try again shortly",
                                       headers: [.retryAfter: "1"], kind: .shuttingDown)

    static func internalFailure(_ error: some Error) -> APIError {
        APIError(.internalServerError, "the server failed: \(error)")
    }
}
