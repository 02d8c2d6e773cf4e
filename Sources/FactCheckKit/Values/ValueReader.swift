/// A recognizer for one dimension of values: a PCRE2 fragment that rule macros expand to, and a reader that turns
/// the text the fragment matched into a `Value`.
public protocol ValueReader: Sendable {
    /// The macro names this reader provides, without braces ("number", "integer").
    static var macros: [String: String] { get }
    /// Reads the text a macro of this reader matched (possibly with a little surrounding text trimmed away).
    /// - Returns: the value, or nil when the text is not a value of this dimension.
    static func read(_ text: String, context: ReadingContext) -> Value?
    /// Whether `read` may give a text another value in another context. A reader that says false has its
    /// readings kept across documents (`ValueReadCache`); the default, true, is always safe.
    static var dependsOnContext: Bool { get }
}

extension ValueReader {
    public static var dependsOnContext: Bool { true }
}

/// What a reader may need beyond the text itself.
public struct ReadingContext: Hashable, Sendable {
    /// The date of the document the text comes from, for completing relative dates ("yesterday", "last year").
    public var documentDate: DateValue?

    public init(documentDate: DateValue? = nil) {
        self.documentDate = documentDate
    }
}
