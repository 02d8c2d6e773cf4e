/// Bounds on the work one match attempt may do, so that one catastrophic pattern cannot hang a run.
public struct MatchLimits: Equatable, Sendable {
    /// PCRE2's match limit: calls of its internal match function (backtracking steps) per match attempt.
    public var matchLimit: UInt32
    /// PCRE2's depth limit for the interpreter (the JIT ignores it and is bounded by its stack).
    public var depthLimit: UInt32
    /// Bytes of JIT stack.
    public var jitStackSize: Int

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, jitStackSize: Int = 512 * 1024) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.jitStackSize = jitStackSize
    }

    /// Generous enough for any claim pattern on a news sentence, small enough to fail in milliseconds.
    public static let standard = MatchLimits()
}
