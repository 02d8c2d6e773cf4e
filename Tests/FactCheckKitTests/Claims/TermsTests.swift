import Testing
@testable import FactCheckKit

@Suite struct TermsTests {
    @Test(arguments: [
        ("released", "releases"), ("release", "releasing"), ("prisoners", "prisoner"), ("freed", "free"),
        ("freeing", "freed"), ("countries", "country"), ("Putin's", "Putin"),
    ])
    func inflectionsMeet(_ a: String, _ b: String) {
        #expect(Terms.stem(a.lowercased()) == Terms.stem(b.lowercased()))
    }

    /// ASCII words are stemmed on their bytes, others by Character: each rule at the edge of its length limit.
    @Test(arguments: [
        ("prisoner's", "prisoner"), ("countries", "country"), ("dies", "die"), ("ies", "ies"), ("boss", "boss"),
        ("status", "status"), ("analysis", "analysis"), ("cats", "cat"), ("gas", "gas"), ("running", "runn"),
        ("bring", "bring"), ("seeing", "see"), ("released", "releas"), ("freed", "fre"), ("release", "releas"),
        ("the", "the"), ("leaves", "leav"), ("'s", ""), ("it's", "it"), ("1,300", "1,300"), ("café's", "café"),
        ("cafe\u{301}s", "cafe\u{301}"), ("naïves", "naïv"), ("putin’s", "putin"),
    ])
    func stemsAtEachRulesLimits(_ word: String, _ stem: String) {
        #expect(Terms.stem(word) == stem)
    }

    @Test func tokensReadLettersOfEveryLength() {
        let bytes = Array("Łódź 東京 𝒜bc ← naïve".utf8)
        let tokens = Terms.tokens(in: bytes, range: 0..<bytes.count)
        #expect(tokens.map(\.text) == ["Łódź", "東京", "𝒜bc", "naïve"])
        #expect(tokens.map(\.isCapitalized) == [true, false, true, false])
    }

    @Test func tokensKeepFiguresAndPossessivesWhole() {
        let bytes = Array("Putin’s 1,300 detainees (and 3.2 billion) – U.S.-Russia".utf8)
        let tokens = Terms.tokens(in: bytes, range: 0..<bytes.count)
        #expect(tokens.map(\.text) == ["Putin", "s", "1,300", "detainees", "and", "3.2", "billion", "U", "S", "Russia"])
        #expect(tokens.first { $0.text == "and" }?.precedingMark == UInt8(ascii: "("))
        #expect(tokens.first { $0.text == "U" }?.precedingMark != nil)  // the en dash
        #expect(tokens.first { $0.text == "Russia" }?.precedingMark == nil)  // "U.S.-Russia" is no clause mark
    }

    @Test func termsDropStopWordsAndFollowTheLexicon() {
        let lexicon = Lexicon(synonymSets: [["prisoner", "detainee"]])
        #expect(Terms.term("the", lexicon: lexicon) == nil)
        #expect(Terms.term("1,300", lexicon: lexicon) == nil)
        #expect(Terms.term("Detainees", lexicon: lexicon) == Terms.term("prisoners", lexicon: lexicon))
    }
}
