import CPCRE2
import Foundation

/// A compiled PCRE2 pattern: UTF-8, JIT-compiled where the library supports it, with named groups.
///
/// This is the only type (with `PatternScanner`) that calls into PCRE2. Compiled code is immutable and shared
/// between threads; each scan allocates its own match data.
///
/// A pattern with a `start` (one that opens with a value macro) is compiled anchored: `PatternScanner` tries it
/// only where `FragmentStartFinder` found its start. Its unanchored form, for a scan of every position, is
/// compiled on first use: JIT compiling both forms of every rule pattern would double the startup of
/// `factcheck check`, whose extraction needs only the anchored one.
public final class Pattern: @unchecked Sendable {
    // @unchecked: the compiled code never changes once made; the lazy properties are only touched under `lock`.

    /// The pattern as compiled.
    public let source: String
    /// Group number of every named group.
    public let groupNumbers: [String: Int]
    /// The named groups' names, sorted, and their numbers in the same order: what a match's `MatchGroups` holds.
    let groupNames: [String]
    let groupNumbersByName: [Int]
    /// True when the JIT compiled the pattern (its anchored form, for a pattern with a `start`).
    public var isJITCompiled: Bool {
        var size = 0
        return pcre2_pattern_info_8(anchoredCode ?? lazyUnanchoredCode, UInt32(PCRE2_INFO_JITSIZE), &size) == 0 && size > 0
    }
    /// Where every match begins, for a pattern that opens with a value macro; nil for a pattern that must be
    /// tried at every position.
    let start: FragmentStart?
    /// The pattern compiled with PCRE2_ANCHORED, for a pattern with a `start`.
    let anchoredCode: OpaquePointer?
    private let options: UInt32
    private let lock = NSLock()
    private var lazyUnanchoredCode: OpaquePointer?
    private var lazyRequiredLiterals: Set<String>??

    /// Literals (ASCII letters lowercase) one of which every match contains, compared ASCII-caselessly; nil when none are
    /// known. A subject without any of them cannot hold a match (`FragmentStartFinder.mayMatch(_:)`). Read from
    /// the source on first use: only a scan of many documents gains from them (`LiteralPrefilter`).
    public var requiredLiterals: Set<String>? {
        lock.lock()
        defer { lock.unlock() }
        if let lazyRequiredLiterals { return lazyRequiredLiterals }
        let literals = RequiredLiterals.of(source)
        lazyRequiredLiterals = .some(literals)
        return literals
    }

    /// Compiles a pattern.
    /// - Parameters:
    ///   - source: PCRE2 syntax.
    ///   - caseless: match letters without regard to case.
    /// - Throws: `PatternError.invalid` with the scalar offset of the error in `source`.
    public convenience init(_ source: String, caseless: Bool = true) throws(PatternError) {
        try self.init(source, caseless: caseless, start: nil)
    }

    /// Compiles a pattern whose every match begins where `start` holds (its lookahead opens the pattern, outside
    /// any alternation or optional group), or, for a nil `start`, one that may match anywhere.
    /// - Parameter jit: JIT-compile it now; without, `compileJIT()` must run before the pattern is shared or
    ///   matched fast (the rule loader JIT-compiles all its patterns at once, on every core).
    init(_ source: String, caseless: Bool = true, start: FragmentStart?, jit: Bool = true) throws(PatternError) {
        self.source = source
        self.start = start
        // UCP is off on purpose: it makes \d, \w and \b Unicode-aware and costs about 5x in throughput.
        var options = UInt32(PCRE2_UTF)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        self.options = options
        let compiled = try Pattern.compile(source, options: start == nil ? options : options | UInt32(PCRE2_ANCHORED))
        if start == nil {
            lazyUnanchoredCode = compiled
            anchoredCode = nil
        } else {
            anchoredCode = compiled
        }
        let numbers = Pattern.readNameTable(compiled)
        groupNumbers = numbers
        groupNames = numbers.keys.sorted()
        groupNumbersByName = groupNames.map { numbers[$0]! }
        if jit { compileJIT() }
    }

    /// JIT-compiles the code made with the pattern (the anchored code, for a pattern with a `start`), where the
    /// library has a JIT; without, PCRE2 interprets it. Once, before the pattern is matched on other threads:
    /// PCRE2 adds the machine code to the compiled pattern.
    func compileJIT() {
        guard let code = anchoredCode ?? lazyUnanchoredCode, !isJITCompiled else { return }
        pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
    }

    /// JIT-compiles `patterns` (`compileJIT()`), spread over every core: JIT compiling is most of the time it takes
    /// to load the rules, and so of a `factcheck check` of one draft.
    static func compileJIT(_ patterns: [Pattern]) {
        DispatchQueue.concurrentPerform(iterations: patterns.count) { index in
            patterns[index].compileJIT()
        }
    }

    deinit {
        if let lazyUnanchoredCode { pcre2_code_free_8(lazyUnanchoredCode) }
        if let anchoredCode { pcre2_code_free_8(anchoredCode) }
    }

    /// The code that finds a match at or after any offset: compiled with the pattern when it has no `start`,
    /// and here on first use when it has one.
    /// - Throws: `PatternError.invalid` only if PCRE2 fails to compile again what it compiled before (memory).
    func unanchoredCode() throws(PatternError) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let lazyUnanchoredCode { return lazyUnanchoredCode }
        let compiled = try Pattern.compile(source, options: options)
        pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        lazyUnanchoredCode = compiled
        return compiled
    }

    private static func compile(_ source: String, options: UInt32) throws(PatternError) -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let scalarOffset = String(decoding: bytes.prefix(errorOffset), as: UTF8.self).unicodeScalars.count
            throw .invalid(message: Pattern.message(for: errorCode), offset: scalarOffset)
        }
        return compiled
    }

    /// Every non-overlapping match in `subject`, left to right.
    /// - Throws: `PatternError.limitExceeded` when a match attempt runs past `limits`.
    public func matches(in subject: [UInt8], limits: MatchLimits = .standard) throws(PatternError) -> [PatternMatch] {
        var scanner = PatternScanner(limits: limits)
        return try scanner.matches(of: self, in: subject)
    }

    /// PCRE2's message for a pattern whose compiled form passes its size limit (`PatternError.invalid`).
    static let tooLargeMessage = message(for: PCRE2_ERROR_PATTERN_TOO_LARGE)

    /// A readable message for a PCRE2 error code.
    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            pcre2_get_error_message_8(errorCode, pointer.baseAddress, pointer.count)
        }
        guard length > 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer.prefix(Int(length)), as: UTF8.self)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count) == 0, count > 0,
              pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize) == 0,
              pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table) == 0,
              let table
        else { return [:] }
        var numbers: [String: Int] = [:]
        for index in 0..<Int(count) {
            let entry = table + index * Int(entrySize)
            // Each entry: two bytes of group number (big-endian), then the zero-terminated name.
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            numbers[name] = number
        }
        return numbers
    }
}
