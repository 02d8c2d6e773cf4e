import Testing
@testable import FactCheckKit

@Suite struct NearestWordsTests {
    static let ruleSet = try! RuleLoader().load(paths: [RepositoryPaths.rules])
    static let extractor = ClaimExtractor(ruleSet: ruleSet)

    static func claim(_ text: String, _ value: String) throws -> Claim {
        let document = try Document(path: "d", text: text)
        return try #require(try extractor.claims(in: document).first { document.readableText(of: $0.valueSpan) == value })
    }

    @Test func aClaimKeepsTheWordsBesideItsValueInItsClause() throws {
        let source = "Labour took 393 seats, a net gain of 239, and a majority of 146."
        #expect(try Self.claim(source, "239").nearTerms == ["gain"])
        #expect(try Self.claim(source, "146").nearTerms == ["majority"])
    }

    @Test func theValueStandingByTheClaimsWordsIsTheOneRestated() throws {
        let source = "Labour took 393 seats, a net gain of 239, and a majority of 146."
        let (gain, majority) = (try Self.claim(source, "239"), try Self.claim(source, "146"))
        let draft = try Self.claim("Labour took 393 seats for a majority of 239.", "239")
        #expect(NearestWords.favour(majority, over: gain, for: draft))
        #expect(!NearestWords.favour(gain, over: majority, for: draft))
        // Each value has a word beside it that the draft has too: neither is favoured.
        let night = try Self.claim("Celtic won 2-1 on the night and 5-2 on aggregate.", "2-1")
        let aggregate = try Self.claim("Celtic won 2-1 on the night and 5-2 on aggregate.", "5-2")
        let tokenized = try Self.claim("celtic won 5-2 on aggregate after a 2-1 win on the night .", "5-2")
        #expect(!NearestWords.favour(night, over: aggregate, for: tokenized))
    }
}
