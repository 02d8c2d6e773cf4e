import Testing
@testable import FactCheckKit

@Suite struct LexiconTests {
    static let lexicon = Lexicon(synonymSets: [["employee", "staff", "worker"]],
                                 broaderSets: [["people", "climbers", "workers"], ["vehicles", "cars"]])

    static func term(_ word: String) -> String { lexicon.canonical(Terms.stem(word)) }

    @Test func aBroaderWordAndTheWordsItCoverAreRelatedBothWays() {
        #expect(Self.lexicon.relatedTerms(of: Self.term("climbers")) == [Self.term("people")])
        #expect(Self.lexicon.relatedTerms(of: Self.term("people")) == [Self.term("climbers"), Self.term("employee")])
        // A narrower word stands for its synonym set: "staff" is covered as "workers" is.
        #expect(Self.lexicon.relatedTerms(of: Self.term("staff")) == [Self.term("people")])
    }

    @Test func narrowerWordsOfOneBroaderWordAreNotRelated() {
        #expect(!Self.lexicon.relatedTerms(of: Self.term("climbers")).contains(Self.term("workers")))
        #expect(Self.lexicon.relatedTerms(of: Self.term("cars")) == [Self.term("vehicles")])
        #expect(Self.lexicon.relatedTerms(of: Self.term("roses")).isEmpty)
    }

    @Test func theRepositoryLexiconCoversCountsOfPeople() throws {
        let lexicon = try RuleLoader().load(paths: [RepositoryPaths.rules]).lexicon
        let people = lexicon.canonical(Terms.stem("people"))
        for word in ["passengers", "climbers", "visitors", "inhabitants"] {
            #expect(lexicon.relatedTerms(of: lexicon.canonical(Terms.stem(word))) == [people], "\(word)")
        }
    }
}
