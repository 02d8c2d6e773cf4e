import Testing
@testable import FactCheckKit

@Suite struct RespectiveItemsTests {
    /// The items of `text`'s figure at token `first` (tokens split on spaces; figures are the tokens that hold a
    /// digit), as words.
    private func items(_ text: String, figure: String) -> (own: String, others: [String])? {
        let words = text.split(separator: " ").map { String($0).lowercased() }
        let isValue = words.map { $0.contains { $0.isNumber } }
        guard let first = words.firstIndex(of: figure.lowercased()),
              let found = RespectiveItems.items(forValueFrom: first, through: first, word: { words[$0] }, isValue: isValue)
        else { return nil }
        return (words[found.own], found.others.map { words[$0] })
    }

    @Test func eachFigureIsAboutItsOwnItem() throws {
        let text = "sales and profit rose 7% and 12% respectively"
        #expect(try #require(items(text, figure: "7%")) == ("sales", ["profit"]))
        #expect(try #require(items(text, figure: "12%")) == ("profit", ["sales"]))
        let three = "Smith , Jones and Brown scored 10 , 12 and 15 points , respectively"
        #expect(try #require(items(three, figure: "12")) == ("jones", ["smith", "brown"]))
    }

    @Test func onlyAListThatRespectivelyClosesPairs() {
        #expect(items("sales and profit rose 7% and 12% in the year", figure: "7%") == nil)
        // Three figures and two items: which goes with which cannot be told.
        #expect(items("sales and profit rose 7% , 9% and 12% respectively", figure: "9%") == nil)
        #expect(items("profit rose 7% and 12% respectively", figure: "7%") == nil)
    }
}
