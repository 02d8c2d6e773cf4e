import CPCRE2
import Synchronization

/// Finds all matches of patterns in a subject, reusing one match data block, match context and JIT stack for a
/// whole scan so that the hot loop allocates nothing per match attempt.
///
/// A scanner belongs to one thread at a time; `Pattern`s are shared. A scanner with the standard limits takes its
/// PCRE2 blocks from a pool and gives them back when it goes, so that a scanner made per document (as a fact base
/// build makes one) does not map and unmap a JIT stack each time.
///
/// `subject` must be valid UTF-8 (it comes from a Swift `String`): matching skips PCRE2's UTF check, which would
/// otherwise re-validate the rest of the subject on every call and make a full scan quadratic.
public struct PatternScanner: ~Copyable {
    private let resources: Resources
    private var matchData: OpaquePointer { resources.matchData }
    private var context: OpaquePointer { resources.context }
    private let isPooled: Bool

    /// A scanner's PCRE2 blocks. @unchecked: they belong to one scanner, so one thread, at a time.
    private struct Resources: @unchecked Sendable {
        let matchData: OpaquePointer
        let context: OpaquePointer
        let jitStack: OpaquePointer?

        init(limits: MatchLimits) {
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

        func free() {
            pcre2_match_data_free_8(matchData)
            pcre2_match_context_free_8(context)
            if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        }
    }

    /// Blocks of scanners with the standard limits that are not in use: at most one per thread that scans at once.
    private static let pool = Mutex<[Resources]>([])
    private static let maximumPooled = 64

    public init(limits: MatchLimits = .standard) {
        isPooled = limits == .standard
        if isPooled, let pooled = Self.pool.withLock({ $0.popLast() }) {
            resources = pooled
        } else {
            resources = Resources(limits: limits)
        }
    }

    deinit {
        // A match leaves nothing in the blocks that the next scan depends on: each call starts afresh.
        let kept = isPooled && Self.pool.withLock { pool in
            guard pool.count < Self.maximumPooled else { return false }
            pool.append(resources)
            return true
        }
        if !kept { resources.free() }
    }

    /// Every non-overlapping match of `pattern` in `subject`, left to right, PCRE2 searching every position.
    /// - Throws: `PatternError.limitExceeded` (at the offset where the runaway attempt began) when a match attempt runs
    ///   past the limits.
    public mutating func matches(of pattern: Pattern, in subject: [UInt8]) throws(PatternError) -> [PatternMatch] {
        if !subject.withUnsafeBufferPointer({ pattern.needsUnicodeMode(for: $0) }) {
            let found = try search(with: pattern.unanchoredCode(), of: pattern, in: subject)
            // Byte for byte, PCRE2 also tries the positions inside a character, which UTF mode never tries; only an
            // empty match, of assertions alone, can begin there (`ByteModeSource`). A subject where one did is
            // searched again in UTF mode.
            guard pattern.usesByteMode, found.contains(where: { Self.beginsInsideCharacter($0.range, in: subject) })
            else { return found }
        }
        return try search(with: pattern.unicodeCode(anchored: false), of: pattern, in: subject)
    }

    /// Every non-overlapping match of `code`, compiled from `pattern`, in `subject`.
    private mutating func search(with code: OpaquePointer, of pattern: Pattern,
                                 in subject: [UInt8]) throws(PatternError) -> [PatternMatch] {
        var found = Found()
        var start = 0
        let result: Result<Void, PatternError> = subject.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
            while start <= buffer.count {
                let status = pcre2_match_8(code, base, buffer.count, start, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
                if status == PCRE2_ERROR_NOMATCH { break }
                if status < 0 {
                    // PCRE2 says only that some attempt at or after `start` ran past a limit: the error names the
                    // start of the runaway attempt, found again one anchored attempt at a time (it said byte 0,
                    // line 1, wherever the runaway was: issue 24).
                    let failing = failingStart(of: code, in: buffer, from: start) ?? start
                    return .failure(Self.error(for: status, searchStart: failing))
                }
                let range = found.append(from: matchData, of: pattern, groupCount: status)
                start = Self.nextSearchStart(after: range, in: buffer)
            }
            return .success(())
        }
        try result.get()
        return found.matches(of: pattern)
    }

    /// The first start at or after `start`, at a character's first byte, where an anchored attempt of `code`
    /// fails with an error rather than matching or not; nil when none does.
    private func failingStart(of code: OpaquePointer, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let base = buffer.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
        var position = start
        while position <= buffer.count {
            let status = pcre2_match_8(code, base, buffer.count, position, UInt32(PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED),
                                       matchData, context)
            if status < 0, status != PCRE2_ERROR_NOMATCH { return position }
            position += 1
            while position < buffer.count, buffer[position] & 0xC0 == 0x80 { position += 1 }
        }
        return nil
    }

    /// Whether `range` begins at a UTF-8 continuation byte of `subject`, inside a character.
    private static func beginsInsideCharacter(_ range: Range<Int>, in subject: [UInt8]) -> Bool {
        range.lowerBound < subject.count && subject[range.lowerBound] & 0xC0 == 0x80
    }

    /// The same matches as `matches(of:in:)`, found by trying the anchored `pattern` only at `starts`: the
    /// positions where its `start` holds, ascending (`FragmentStartFinder.positions(for:)`). No match can begin
    /// anywhere else, so trying each start at or after the end of the previous match, in order, finds the leftmost
    /// match each time, as PCRE2's own search does; a limit error reports the offset of the attempt that ran
    /// away.
    /// - Precondition: `pattern` has a `start`.
    public mutating func matches(of pattern: Pattern, in subject: [UInt8],
                                 startingAt starts: [Int]) throws(PatternError) -> [PatternMatch] {
        let needsUnicode = subject.withUnsafeBufferPointer { pattern.needsUnicodeMode(for: $0) }
        return try matches(of: pattern, in: subject, startingAt: starts, unicode: needsUnicode)
    }

    /// `matches(of:in:startingAt:)`, with the UTF code when `unicode` (`Pattern.needsUnicodeMode(for:)`).
    private mutating func matches(of pattern: Pattern, in subject: [UInt8], startingAt starts: [Int],
                                  unicode: Bool) throws(PatternError) -> [PatternMatch] {
        guard let anchoredCode = pattern.anchoredCode else {
            preconditionFailure("\(pattern.source) has no start to anchor at")
        }
        let code = unicode ? try pattern.unicodeCode(anchored: true) : anchoredCode
        // JIT code is called through PCRE2's fast path, which skips the checks pcre2_match makes on every call
        // (about 120 instructions, on each of the hundred or so attempts per document a build makes per pattern).
        // It checks no UTF either, as PCRE2_NO_UTF_CHECK asks. The UTF code beside a byte-mode one is interpreted.
        let attempt = pattern.isJITCompiled && !unicode ? pcre2_jit_match_8 : pcre2_match_8
        var found = Found()
        var searchStart = 0
        var next = 0
        let result: Result<Void, PatternError> = subject.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
            return starts.withUnsafeBufferPointer { starts -> Result<Void, PatternError> in
                while next < starts.count {
                    let position = starts[next]
                    if position < searchStart {
                        next += 1
                        continue
                    }
                    let status = attempt(code, base, buffer.count, position, UInt32(PCRE2_NO_UTF_CHECK), matchData,
                                         context)
                    if status == PCRE2_ERROR_NOMATCH {
                        next += 1
                        continue
                    }
                    // The attempt's own start, not the end of the match before it.
                    if status < 0 { return .failure(Self.error(for: status, searchStart: position)) }
                    let range = found.append(from: matchData, of: pattern, groupCount: status)
                    searchStart = Self.nextSearchStart(after: range, in: buffer)
                }
                return .success(())
            }
        }
        try result.get()
        return found.matches(of: pattern)
    }

    /// Each pattern's matches: none when `subject` lacks the pattern's required literals, anchored at the starts
    /// `finder` found in `subject` for a pattern it knows, searched at every position otherwise.
    /// - Precondition: `finder` has run over `subject`.
    public mutating func matches(of pattern: Pattern, in subject: [UInt8],
                                 startingWhere finder: FragmentStartFinder) throws(PatternError) -> [PatternMatch] {
        guard finder.mayMatch(pattern) else { return [] }
        if let starts = finder.positions(for: pattern) {
            return try matches(of: pattern, in: subject, startingAt: starts,
                               unicode: pattern.usesByteMode && finder.subjectHoldsCaseFoldingCharacters)
        }
        return try matches(of: pattern, in: subject)
    }

    /// The matches of one scan as they are found: each one's range, and the ranges of its named groups in one
    /// buffer for all, which the matches share as slices once the scan is over (a buffer per match was an
    /// allocation per match, 19,000 per 1,000 archive documents).
    private struct Found {
        private var ranges: [Range<Int>] = []
        private var groupRanges: [Range<Int>?] = []

        /// Records the match in `matchData`, with the named groups that took part; returns its range.
        mutating func append(from matchData: OpaquePointer, of pattern: Pattern, groupCount: Int32) -> Range<Int> {
            let unset = factcheck_pcre2_unset()
            let vector = pcre2_get_ovector_pointer_8(matchData)!
            if ranges.isEmpty {
                // Most scans of a document find a few matches or none.
                ranges.reserveCapacity(8)
                groupRanges.reserveCapacity(8 * pattern.groupNumbersByName.count)
            }
            for number in pattern.groupNumbersByName {
                var range: Range<Int>?
                if number < Int(groupCount), vector[2 * number] != unset {
                    range = vector[2 * number]..<vector[2 * number + 1]
                }
                groupRanges.append(range)
            }
            let range = vector[0]..<vector[1]
            ranges.append(range)
            return range
        }

        /// The matches recorded, in order.
        func matches(of pattern: Pattern) -> [PatternMatch] {
            let groupCount = pattern.groupNumbersByName.count
            return ranges.indices.map { index in
                PatternMatch(range: ranges[index], groups: MatchGroups(
                    names: pattern.groupNames,
                    ranges: groupRanges[(index * groupCount)..<((index + 1) * groupCount)]))
            }
        }
    }

    /// Where the search for the next match begins: the end of `range`, or, after an empty match, the next whole
    /// UTF-8 character, so that an empty match cannot repeat forever.
    private static func nextSearchStart(after range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard range.isEmpty else { return range.upperBound }
        var start = range.upperBound + 1
        while start < buffer.count, buffer[start] & 0xC0 == 0x80 { start += 1 }
        return start
    }

    private static func error(for status: Int32, searchStart: Int) -> PatternError {
        let message = Pattern.message(for: status)
        switch status {
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_JIT_STACKLIMIT, PCRE2_ERROR_HEAPLIMIT:
            return .limitExceeded(message: message, byteOffset: searchStart)
        default:
            return .matchFailed(message: message, code: status)
        }
    }
}
