import Testing
@testable import FactCheckKit

@Suite struct SentenceNamesTests {
    static let lexicon = try! RuleLoader().load(paths: [RepositoryPaths.rules]).lexicon

    private func names(_ sentence: String) -> SentenceNames {
        let bytes = Array(sentence.utf8)
        return SentenceNames(tokens: Terms.tokens(in: bytes, range: 0..<bytes.count), lexicon: Self.lexicon)
    }

    @Test func aTitleIsNotPartOfTheName() {
        let found = names("U.S. President Donald Trump and Belarusian President Alexander Lukashenko spoke.")
        #expect(found.entities == ["Donald Trump", "Alexander Lukashenko"])
        #expect(found.nameTerms(lexicon: Self.lexicon) == ["donald", "trump", "alexander", "lukashenko"])
    }

    @Test func aTitleAndASurnameNameAPerson() {
        let found = names("Later, Gov. Dunleavy and Mr. Carstens met Lukashenko.")
        #expect(found.mentions.filter(\.isFullName).map(\.name) == ["Dunleavy", "Carstens"])
        // A single capitalized word without a title may be anything: an adjective, a place, a sentence's start.
        #expect(found.mentions.first { $0.name == "Lukashenko" }?.isFullName == false)
    }

    @Test func anAliasStandsForTheNameTheLexiconGives() {
        let found = names("The Kremlin leader laid roses in Magadan.")
        let alias = found.mentions.first { $0.isAlias }
        #expect(alias?.name == "Vladimir Putin")
        #expect(alias?.tokens == 1..<3)  // "Kremlin leader", the article left out
        #expect(found.nameTerms(lexicon: Self.lexicon).isSuperset(of: ["vladimir", "putin"]))
    }

    /// A fact base finds the names only of sentences that may give a full name: every sentence that does give one
    /// must be among them, whatever words of it are values.
    @Test func aSentenceWithAFullNameMayHoldOne() throws {
        let texts = try ["Examples/sources/belarus-us-call.txt", "Examples/drafts/belarus-errors.md"].map {
            try String(contentsOf: RepositoryPaths.root.appendingPathComponent($0), encoding: .utf8)
        } + [
            "Later, Gov. Dunleavy met him.", "The Kremlin leader laid roses.", "the president, Lukashenko, said so.",
            "Putin met Trump.", "Minsk freed 16 prisoners on Friday.", "In Minsk, 16 were freed.", "They left.",
            "May Smith and 5 others left.", "Flight 370 vanished.",
        ]
        var held = 0, ruledOut = 0
        for text in texts {
            let document = try Document(path: "t.txt", text: text)
            for sentence in document.sentences {
                let tokens = Terms.tokens(in: document.readable, range: sentence.range)
                let classes = tokens.map { Self.lexicon.wordClasses[Terms.lowercased($0.text)] ?? [] }
                let mayHold = SentenceNames.mayHoldFullName(tokens: tokens) { classes[$0] }
                let names = SentenceNames(tokens: tokens, lexicon: Self.lexicon)
                // With each token left out in turn, as the words of a value are.
                let excluding = tokens.indices.map { excluded in
                    SentenceNames(tokens: tokens, lexicon: Self.lexicon) { $0 == excluded }
                }
                let givesOne = ([names] + excluding).contains { $0.mentions.contains(where: \.isFullName) }
                #expect(mayHold || !givesOne, "\(document.readableText(of: sentence.range).debugDescription)")
                if givesOne { held += 1 }
                if !mayHold { ruledOut += 1 }
            }
        }
        // Both kinds are met, so that the test tells something.
        #expect(held >= 10)
        #expect(ruledOut >= 3)
        let tokens = Terms.tokens(in: Array("Minsk freed them.".utf8), range: 0..<17)
        #expect(!SentenceNames.mayHoldFullName(tokens: tokens) { _ in [] })
    }

    @Test func aliasesAndTitlesLoadFromTheLexiconFiles() {
        #expect(Self.lexicon.titles.contains("president"))
        #expect(Self.lexicon.titles.contains("gov"))
        #expect(Self.lexicon.aliases.contains { $0.words == ["kremlin", "leader"] && $0.name == "Vladimir Putin" })
    }

    /// A mention's surname and whether it is a full name, read from its bytes for a plain name, agree with
    /// splitting the name at its spaces, for plain names and names beyond ASCII or with a carriage return.
    @Test(arguments: ["Yuri Zenkovich", "Lukashenko", "J Smith", "Ann B", "A", "", "  Double  Spaced ", "Łukasz Ó",
                      "Zoë Smith", "Carriage\r\nReturn", "Mary Ann Evans", "X Y"])
    func mentionWordsAgreeWithSplittingAtSpaces(_ name: String) {
        let words = name.split(separator: " ")
        for titled in [false, true] {
            let mention = SentenceNames.Mention(name: name, tokens: 0..<1, titled: titled)
            #expect(mention.surname == (words.count > 1 ? words.last!.lowercased() : nil))
            #expect(mention.isFullName == ((words.count >= 2 || titled) && words.allSatisfy { $0.count >= 2 }))
        }
    }
}
