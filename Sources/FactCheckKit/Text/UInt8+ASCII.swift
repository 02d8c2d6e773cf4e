/// ASCII classes of a byte, for the byte-level readers (tokenizer, HTML references, pattern rewriting), which
/// must agree on what a letter or digit is without going through `Character`.
extension UInt8 {
    /// An ASCII letter or digit: `[0-9A-Za-z]`, what PCRE2 without UCP and the tokenizer count as word bytes
    /// (besides `_` for PCRE2).
    @inline(__always)
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }

    /// An ASCII hexadecimal digit: `[0-9A-Fa-f]`.
    @inline(__always)
    var isASCIIHexDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66)
    }
}
