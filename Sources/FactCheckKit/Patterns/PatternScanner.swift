import CPCRE2

/// Finds all matches of patterns in a subject, reusing one match data block, match context and JIT stack for a
/// whole scan so that the hot loop allocates nothing per match.
///
/// A scanner belongs to one thread at a time; `Pattern`s are shared.
public struct PatternScanner: ~Copyable {
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    public init(limits: MatchLimits = .standard) {
        // 64 pairs of offsets are more than any claim pattern has groups; PCRE2 grows nothing past this.
        matchData = pcre2_match_data_create_8(64, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackSize, nil)
        if let jitStack {
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
        }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Every non-overlapping match of `pattern` in `subject`, left to right.
    ///
    /// `subject` must be valid UTF-8 (it comes from a Swift `String`): matching skips PCRE2's UTF check, which would
    /// otherwise re-validate the rest of the subject on every call and make a full scan quadratic.
    public mutating func matches(of pattern: Pattern, in subject: [UInt8]) throws(PatternError) -> [PatternMatch] {
        var found: [PatternMatch] = []
        var start = 0
        let unset = factcheck_pcre2_unset()
        let result: Result<Void, PatternError> = subject.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
            while start <= buffer.count {
                let status = pcre2_match_8(pattern.code, base, buffer.count, start, UInt32(PCRE2_NO_UTF_CHECK),
                                           matchData, context)
                if status == PCRE2_ERROR_NOMATCH { break }
                if status < 0 {
                    let message = Pattern.message(for: status)
                    switch status {
                    case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_JIT_STACKLIMIT,
                         PCRE2_ERROR_HEAPLIMIT:
                        return .failure(.limitExceeded(message: message, byteOffset: start))
                    default:
                        return .failure(.matchFailed(message: message, code: status))
                    }
                }
                let vector = pcre2_get_ovector_pointer_8(matchData)!
                let range = vector[0]..<vector[1]
                var groups: [String: Range<Int>] = [:]
                for (name, number) in pattern.groupNumbers where number < Int(status) {
                    let low = vector[2 * number], high = vector[2 * number + 1]
                    if low != unset { groups[name] = low..<high }
                }
                found.append(PatternMatch(range: range, groups: groups))
                if range.isEmpty {
                    // Step over one whole UTF-8 character so an empty match cannot repeat forever.
                    start = range.upperBound + 1
                    while start < buffer.count, buffer[start] & 0xC0 == 0x80 { start += 1 }
                } else {
                    start = range.upperBound
                }
            }
            return .success(())
        }
        try result.get()
        return found
    }
}
