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
