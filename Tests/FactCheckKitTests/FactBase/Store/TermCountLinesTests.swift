import Testing
@testable import FactCheckKit

/// The documents table's "term<TAB>count" lines are written as bytes on the workers.
@Suite struct TermCountLinesTests {
    @Test func decimalDigitsAreThoseOfString() {
        for value in [0, 7, 10, 1_400, -3, Int.max, Int.min] {
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            FactStore.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(value))
        }
    }
}
