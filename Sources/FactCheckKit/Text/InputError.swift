/// A problem with an input file, worded for the editor who gave it: what is wrong, where, and what to do.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var path: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String
    /// What the user can do about it.
    public var hint: String?

    public init(path: String, line: Int? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}
