import Testing
@testable import FactCheckKit

@Suite struct ContentHashTests {
    @Test func theDigestAndItsHexDigitsNameTheSameHash() throws {
        let bytes = Array("In 2022, 1,400 detainees were held in 13 prisons.".utf8)
        let digest = ContentHash.digest(of: bytes)
        #expect(ContentHash.of(bytes) == digest.hexDigits)
        #expect(digest.hexDigits.count == 32)
        #expect(ContentHash.Digest(hexDigits: digest.hexDigits) == digest)
        #expect(ContentHash.Digest(hexDigits: digest.hexDigits.uppercased()) == digest)
    }

    @Test func hexDigitsPutTheFirstLaneFirst() {
        let digest = ContentHash.Digest(lane1: 0x0123_4567_89ab_cdef, lane2: 0xf)
        #expect(digest.hexDigits == "0123456789abcdef000000000000000f")
        #expect(ContentHash.Digest(hexDigits: "0123456789abcdef000000000000000f") == digest)
    }

    @Test func anythingButThirtyTwoHexDigitsIsNoDigest() {
        #expect(ContentHash.Digest(hexDigits: "") == nil)
        #expect(ContentHash.Digest(hexDigits: String(repeating: "0", count: 31)) == nil)
        #expect(ContentHash.Digest(hexDigits: String(repeating: "0", count: 31) + "g") == nil)
    }

    @Test func differentBytesGiveDifferentDigests() {
        #expect(ContentHash.digest(of: Array("a".utf8)) != ContentHash.digest(of: Array("b".utf8)))
    }
}
