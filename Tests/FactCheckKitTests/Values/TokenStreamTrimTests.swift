import Testing
@testable import FactCheckKit

/// `TokenStream.trimmed` works on bytes when it can: it must trim exactly as the Character-based
/// `characterTrimmed` does, whatever the text.
@Suite struct TokenStreamTrimTests {
    /// Pieces that put each rule of the byte path at its edge: whitespace (CR LF is one Character), ASCII and
    /// typographic quotes and brackets, punctuation, a combining mark (which joins the character before it), a
    /// prepended mark (U+0600, which joins the character after it), other non-ASCII letters and symbols.
    static let pieces = [
        " ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{1C}", "\u{A0}", "(", ")", "[", "]", "\"", "'", "\u{201C}",
        "\u{201D}", "\u{2018}", "\u{2019}", ".", ",", ";", ":", "!", "?", "-", "1", "300", "a", "about", "\u{301}",
        "\u{0600}", "€", "é", "東",
    ]

    @Test(arguments: [
        "1,300", " (about 1,300), ", "\"16\".", "a.m.", "“16”", "16\u{301}.", ".\u{301}", "\r\n16\r\n", "(\u{0600}16)",
        "", "   ", "...", "€12.50.",
    ])
    func trimsAsByCharacter(_ text: String) {
        #expect(Array(TokenStream.trimmed(text).utf8) == Array(TokenStream.characterTrimmed(text).utf8))
    }

    /// Many texts made of the pieces, the same every run.
    @Test func trimsGeneratedTextsAsByCharacter() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(8)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            #expect(Array(TokenStream.trimmed(text).utf8) == Array(TokenStream.characterTrimmed(text).utf8),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
