/// Why a pattern could not be compiled or run.
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// PCRE2 rejected the pattern; `offset` counts Unicode scalars into the pattern as written.
    case invalid(message: String, offset: Int)
    /// A match ran past the match, depth or JIT stack limit: the pattern backtracks catastrophically on this text.
    case limitExceeded(message: String, byteOffset: Int)
    /// PCRE2 reported an error while matching.
    case matchFailed(message: String, code: Int32)

    public var description: String {
        switch self {
        case let .invalid(message, offset):
            "invalid pattern at offset \(offset): \(message)"
        case let .limitExceeded(message, byteOffset):
            "pattern exceeded its backtracking limit (\(message)) in a match starting at byte \(byteOffset); "
                + "it backtracks catastrophically: rewrite nested quantifiers such as (a+)+"
        case let .matchFailed(message, code):
            "matching failed (PCRE2 error \(code)): \(message)"
        }
    }
}
