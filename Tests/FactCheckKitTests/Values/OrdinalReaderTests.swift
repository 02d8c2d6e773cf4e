import Foundation
import Testing
@testable import FactCheckKit

@Suite struct OrdinalReaderTests {
    static let ordinal = MacroMatcher("ordinal")

    static let examples: [(String, Int)] = [
        ("first", 1), ("second", 2), ("third", 3), ("twelfth", 12), ("twentieth", 20), ("thirty-first", 31),
        ("thirty first", 31), ("Twenty-Second", 22), ("hundredth", 100), ("1st", 1), ("2nd", 2), ("3rd", 3),
        ("4th", 4), ("11th", 11), ("12th", 12), ("13th", 13), ("21st", 21), ("22nd", 22), ("101st", 101),
        ("111th", 111), ("1000th", 1000),
    ]

    static let nonOrdinals = ["21th", "2st", "12nd", "13rd", "firsts", "1 st", "twenty", "thirty-one", "A1st", "st"]

    @Test(arguments: examples)
    func readsOrdinal(_ text: String, _ expected: Int) {
        #expect(OrdinalReader.read(text, context: ReadingContext()) == .ordinal(expected), "\(text)")
        #expect(Self.ordinal.matchesWhole(text), "ordinal macro should match all of \(text)")
    }

    @Test(arguments: nonOrdinals)
    func rejectsNonOrdinal(_ text: String) {
        #expect(OrdinalReader.read(text, context: ReadingContext()) == nil, "\(text)")
        #expect(!Self.ordinal.matchesWhole(text), "ordinal macro should not match all of \(text)")
    }

    @Test func findsOrdinalsInsideText() {
        #expect(Self.ordinal.matches(in: "his third term, the 21st century, X1st") == ["third", "21st"])
    }
}
