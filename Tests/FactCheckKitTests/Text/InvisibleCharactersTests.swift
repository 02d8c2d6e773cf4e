import Testing
@testable import FactCheckKit

@Suite struct InvisibleCharactersTests {
    /// "1<U+200B>8 prisoners" is read as "18 prisoners", and the claim still points at the original text.
    @Test func aDocumentReadsThroughThemAndMapsBack() throws {
        let text = "Officials freed 1\u{200B}8 prisoners.\u{FEFF}"
        let document = try Document(path: "d.txt", text: text)
        #expect(String(decoding: document.readable, as: UTF8.self) == "Officials freed 18 prisoners.")
        let eighteen = 16..<18
        #expect(document.originalText(of: eighteen) == "1\u{200B}8")
        #expect(document.originalLocation(ofReadableByte: 19).column == 21)
    }

    @Test func textWithoutThemKeepsTheIdentityMap() throws {
        #expect(try Document(path: "d.txt", text: "Café: 16 prisoners — “freed”.").offsetMap.isIdentity)
    }
}
