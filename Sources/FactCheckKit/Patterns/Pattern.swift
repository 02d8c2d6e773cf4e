import CPCRE2
import Foundation

/// A compiled PCRE2 pattern over UTF-8, JIT-compiled where the library supports it, with named groups.
///
/// The pattern is written for PCRE2's UTF mode. Where `ByteModeSource` can rewrite it to match the same byte for
/// byte, the rewrite is what is compiled and matched, about 30% faster, and the UTF code is compiled only for the
/// rare subject that needs it (`needsUnicodeMode(for:)`); otherwise, and to report an error in the pattern (at a
/// scalar offset of `source`), it is compiled in UTF mode.
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
    public var isJITCompiled: Bool { jitCodeSize > 0 }
    /// The bytes of machine code the JIT made of the pattern (its anchored form, for a pattern with a `start`);
    /// 0 when it is interpreted.
    public var jitCodeSize: Int {
        var size = 0
        guard pcre2_pattern_info_8(anchoredCode ?? lazyUnanchoredCode, UInt32(PCRE2_INFO_JITSIZE), &size) == 0
        else { return 0 }
        return size
    }
    /// Whether letters match without regard to case.
    var caseless: Bool { options & UInt32(PCRE2_CASELESS) != 0 }
    /// Where every match begins, for a pattern that opens with a value macro; nil for a pattern that must be
    /// tried at every position.
    let start: FragmentStart?
    /// The pattern compiled with PCRE2_ANCHORED, for a pattern with a `start`; in byte mode when `usesByteMode`.
    let anchoredCode: OpaquePointer?
    /// Whether the codes matched by default are the byte-mode rewrite of `source` (`ByteModeSource`).
    public let usesByteMode: Bool
    /// What those codes are compiled from, and with which options: `source` with PCRE2_UTF, or its rewrite.
    private let compiledSource: String
    private let options: UInt32
    /// `options` with PCRE2_UTF, for `source` itself.
    private let unicodeOptions: UInt32
    private let lock = NSLock()
    private var lazyUnanchoredCode: OpaquePointer?
    /// Beside byte-mode codes, the UTF codes for a subject that needs them, compiled on first use; interpreted.
    private var lazyUnicodeAnchoredCode: OpaquePointer?
    private var lazyUnicodeUnanchoredCode: OpaquePointer?
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
    /// - Parameters:
    ///   - jit: JIT-compile it now; without, `compileJIT()` must run before the pattern is shared or matched fast
    ///     (the rule loader JIT-compiles all its patterns at once, on every core).
    ///   - byteMode: match the byte-mode rewrite where there is one; false keeps UTF mode (tests compare the two).
    init(_ source: String, caseless: Bool = true, start: FragmentStart?, jit: Bool = true,
         byteMode: Bool = true) throws(PatternError) {
        self.source = source
        self.start = start
        // UCP is off on purpose: it makes \d, \w and \b Unicode-aware and costs about 5x in throughput.
        let byteOptions = caseless ? UInt32(PCRE2_CASELESS) : 0
        unicodeOptions = byteOptions | UInt32(PCRE2_UTF)
        let anchoring = start == nil ? 0 : UInt32(PCRE2_ANCHORED)
        var byteModeCode: (code: OpaquePointer, source: String)?
        if byteMode, let translated = ByteModeSource.translating(source),
           let code = try? Pattern.compile(translated, options: byteOptions | anchoring) {
            byteModeCode = (code, translated)
        }
        usesByteMode = byteModeCode != nil
        compiledSource = byteModeCode?.source ?? source
        options = usesByteMode ? byteOptions : unicodeOptions
        let code: OpaquePointer
        if let byteModeCode {
            code = byteModeCode.code
        } else {
            code = try Pattern.compile(source, options: unicodeOptions | anchoring)
        }
        if start == nil {
            lazyUnanchoredCode = code
            anchoredCode = nil
        } else {
            anchoredCode = code
        }
        // The rewrite adds no capturing group: its groups and names are those of `source`.
        let numbers = Pattern.readNameTable(code)
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
        for code in [lazyUnanchoredCode, anchoredCode, lazyUnicodeUnanchoredCode, lazyUnicodeAnchoredCode] {
            if let code { pcre2_code_free_8(code) }
        }
    }

    /// Whether `subject` must be matched with the UTF code: a byte-mode pattern and a subject with KELVIN SIGN or
    /// LATIN SMALL LETTER LONG S, which PCRE2 takes caselessly for k and s only in UTF mode.
    func needsUnicodeMode(for subject: UnsafeBufferPointer<UInt8>) -> Bool {
        usesByteMode && Pattern.holdsCaseFoldingCharacters(subject)
    }

    /// Whether `subject` holds KELVIN SIGN (E2 84 AA) or LATIN SMALL LETTER LONG S (C5 BF): the only characters
    /// beyond ASCII that PCRE2's caseless UTF matching takes for an ASCII letter (k and s).
    static func holdsCaseFoldingCharacters(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        holds([0xE2, 0x84, 0xAA], in: subject) || holds([0xC5, 0xBF], in: subject)
    }

    /// Whether `needle` occurs in `subject`: memchr finds its first byte, which in most text never occurs.
    private static func holds(_ needle: [UInt8], in subject: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = subject.baseAddress else { return false }
        var position = 0
        while position + needle.count <= subject.count,
              let found = memchr(base + position, Int32(needle[0]), subject.count - position) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if offset + needle.count <= subject.count,
               needle.indices.allSatisfy({ subject[offset + $0] == needle[$0] }) {
                return true
            }
            position = offset + 1
        }
        return false
    }

    /// The code in UTF mode (the anchored one or the one that finds a match at or after any offset), for a
    /// subject that needs it: the code matched by default unless `usesByteMode`, else compiled on first use.
    /// - Throws: `PatternError.invalid` if PCRE2 refuses in UTF mode what it compiled byte for byte.
    func unicodeCode(anchored: Bool) throws(PatternError) -> OpaquePointer {
        guard usesByteMode else {
            guard anchored else { return try unanchoredCode() }
            guard let anchoredCode else { preconditionFailure("\(source) has no start to anchor at") }
            return anchoredCode
        }
        lock.lock()
        defer { lock.unlock() }
        if let known = anchored ? lazyUnicodeAnchoredCode : lazyUnicodeUnanchoredCode { return known }
        let compiled = try Pattern.compile(source, options: unicodeOptions | (anchored ? UInt32(PCRE2_ANCHORED) : 0))
        if anchored { lazyUnicodeAnchoredCode = compiled } else { lazyUnicodeUnanchoredCode = compiled }
        return compiled
    }

    /// The code that finds a match at or after any offset: compiled with the pattern when it has no `start`,
    /// and here on first use when it has one.
    /// - Throws: `PatternError.invalid` only if PCRE2 fails to compile again what it compiled before (memory).
    func unanchoredCode() throws(PatternError) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let lazyUnanchoredCode { return lazyUnanchoredCode }
        let compiled = try Pattern.compile(compiledSource, options: options)
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
