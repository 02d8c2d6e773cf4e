import Testing
@testable import FactCheckKit

@Suite struct AssertionTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))

    /// The assertion of the claim whose text starts with `claimText`.
    private func assertion(of claimText: String, in sentence: String) throws -> Assertion {
        let document = try Document(path: "d.txt", text: sentence)
        let claim = try #require(try Self.extractor.claims(in: document).first {
            document.original.text(of: $0.span).hasPrefix(claimText)
        })
        return claim.assertion
    }

    @Test(arguments: [
        ("16 prisoners", "Lukashenko released 16 prisoners on Friday."),
        ("11 years", "Zenkovich was sentenced to 11 years."),
        ("11:00 a.m.", "The plane will land at 11:00 a.m. local time."),  // a schedule is a claim
        ("11:00 a.m.", "The plane did not land until 11:00 a.m. local time."),  // a bound, not a denial
        ("16 prisoners", "Not only 16 prisoners were freed."),
        ("16 prisoners", "16 prisoners were released, and none of them was charged."),  // another clause
    ])
    func statements(_ claim: String, _ sentence: String) throws {
        #expect(try assertion(of: claim, in: sentence) == .stated)
    }

    @Test(arguments: [
        ("12 years", "Zenkovich was not sentenced to 12 years."),
        ("12 years", "Zenkovich wasn't sentenced to 12 years."),
        ("12 years", "Zenkovich didn’t receive 12 years."),  // typographic apostrophe
        ("18 prisoners", "Lukashenko never released 18 prisoners."),
    ])
    func denials(_ claim: String, _ sentence: String) throws {
        #expect(try assertion(of: claim, in: sentence) == .negated)
    }

    @Test(arguments: [
        ("1,300 detainees", "Another 1,300 detainees may be freed."),
        ("1,300 detainees", "Lukashenko could free 1,300 detainees if talks go well."),
        ("12 years", "Zenkovich may not serve 12 years."),  // a supposition before a denial
    ])
    func suppositions(_ claim: String, _ sentence: String) throws {
        #expect(try assertion(of: claim, in: sentence) == .hypothetical)
    }

    @Test func aDeniedBoundIsTheOppositeBound() throws {
        // "won't be more than €12.50" states at most €12.50: a statement, its bound turned round.
        let document = try Document(path: "d.txt", text: "The product cost won't be more than twelve dot fifty Euros.")
        let claim = try #require(try Self.extractor.claims(in: document).first)
        #expect(claim.assertion == .stated)
        #expect(claim.value == .money(NumberRange(low: 0, high: 12.5), currency: "EUR"))
    }

    @Test func aDeniedPointStaysADenial() throws {
        let document = try Document(path: "d.txt", text: "The product won't cost 12 Euros.")
        let claim = try #require(try Self.extractor.claims(in: document).first)
        #expect(claim.assertion == .negated)
        #expect(claim.value == .money(NumberRange(exactly: 12), currency: "EUR"))
    }
}
