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
}
