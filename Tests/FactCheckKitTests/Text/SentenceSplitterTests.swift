import Testing
@testable import FactCheckKit

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(bytes).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("U.S. President Donald Trump spoke. He said 16 were freed.",
         ["U.S. President Donald Trump spoke.", "He said 16 were freed."]),
        ("The plane lands at 11:00 a.m. local time. Putin arrives.",
         ["The plane lands at 11:00 a.m. local time.", "Putin arrives."]),
        ("Gov. Mike Dunleavy confirmed it. He smiled.", ["Gov. Mike Dunleavy confirmed it.", "He smiled."]),
        ("Profit rose 3.2 percent to No. 3 in the U.K. market.", ["Profit rose 3.2 percent to No. 3 in the U.K. market."]),
        ("J. R. Smith left on Aug. 15. Nobody followed.", ["J. R. Smith left on Aug. 15.", "Nobody followed."]),
        ("He said \"it was very good.\" Then he left!", ["He said \"it was very good.\"", "Then he left!"]),
        ("Headline Without Period\nThe body starts here.", ["Headline Without Period", "The body starts here."]),
        ("Rates stay up for longer.MSCI's index fell 0.97% on Tuesday.",
         ["Rates stay up for longer.", "MSCI's index fell 0.97% on Tuesday."]),
        ("The U.S.-Russia talks and e.g.Foo stay whole.", ["The U.S.-Russia talks and e.g.Foo stay whole."]),
        // Abbreviations and initials after quotes, in capitals, and outside ASCII (read by Character).
        ("She quoted \"Gov. Mike Dunleavy. He left.", ["She quoted \"Gov. Mike Dunleavy.", "He left."]),
        ("He met 'MR. Smith. Then left.", ["He met 'MR. Smith.", "Then left."]),
        ("He met “Dr. Smith. Then left.", ["He met “Dr. Smith.", "Then left."]),
        ("Ask É. Zola or J. Doe. Then go.", ["Ask É. Zola or J. Doe.", "Then go."]),
        ("It cost 5 €. Then café. Then Ltd. Co.", ["It cost 5 €.", "Then café.", "Then Ltd. Co."]),
        // Tokenized, lower-cased copy sets every period apart; the next sentence starts in lower case.
        ("he had n't been heard from in 66 days . the younger jordan was on a ship .",
         ["he had n't been heard from in 66 days .", "the younger jordan was on a ship ."]),
    ] as [(String, [String])])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func keepsHardWrappedProseTogether() {
        let line = "This is a long line of hard-wrapped prose that goes on past sixty characters and"
        #expect(sentences(line + "\ncontinues on the next line.") == [line + "\ncontinues on the next line."])
    }

    @Test func numbersParagraphs() {
        let split = SentenceSplitter.split(Array("One. Two.\n\nThree.".utf8))
        #expect(split.map(\.paragraph) == [0, 0, 1])
    }
}
