import Testing
@testable import FactCheckKit

@Suite struct ValueOverlapTests {
    /// Context 7 has claims 1...10; 2, 5 and 9 overlap the value.
    static let members: [Int64] = Array(1...10)
    static let overlapping: [Int64] = [2, 5, 9]
    static let notOverlapping: [Int64] = [1, 3, 4, 6, 7, 8, 10]

    @Test func bothListingsSplitAContextAlike() throws {
        let listings: [ValueOverlap] = [.overlapping([7: Self.overlapping]), .allBut([7: Self.notOverlapping])]
        for listing in listings {
            #expect(Array(listing.agreeing(first: 10, ofContext: 7) { Self.members }) == Self.overlapping)
            #expect(Array(listing.agreeing(first: 2, ofContext: 7) { Self.members }) == [2, 5])
            #expect(Array(listing.disagreeing(first: 10, ofContext: 7) { Self.members }) == Self.notOverlapping)
            #expect(Array(listing.disagreeing(first: 3, ofContext: 7) { Self.members }) == [1, 3, 4])
        }
    }

    @Test func aContextMissingFromTheListIsWhollyOnOneSide() {
        let members: [Int64] = [11, 12]
        #expect(ValueOverlap.overlapping([:]).agreeing(first: 5, ofContext: 8) { members }.isEmpty)
        #expect(Array(ValueOverlap.overlapping([:]).disagreeing(first: 5, ofContext: 8) { members }) == members)
        #expect(Array(ValueOverlap.allBut([:]).agreeing(first: 5, ofContext: 8) { members }) == members)
        #expect(ValueOverlap.allBut([:]).disagreeing(first: 5, ofContext: 8) { members }.isEmpty)
    }

    /// The members are read only where the list alone cannot answer: a context may have a hundred thousand.
    @Test func membersAreReadOnlyWhenNeeded() {
        var reads = 0
        let members: () -> [Int64] = { reads += 1; return Self.members }
        _ = ValueOverlap.overlapping([7: Self.overlapping]).agreeing(first: 5, ofContext: 7, members: members)
        _ = ValueOverlap.allBut([7: Self.notOverlapping]).disagreeing(first: 5, ofContext: 7, members: members)
        #expect(reads == 0)
        _ = ValueOverlap.allBut([7: Self.notOverlapping]).agreeing(first: 5, ofContext: 7, members: members)
        #expect(reads == 1)
    }

    @Test func countsTheIdsListed() {
        #expect(ValueOverlap.allBut([1: [1, 2], 2: [5]]).count == 3)
        #expect(ValueOverlap.overlapping([:]).count == 0)
    }
}
