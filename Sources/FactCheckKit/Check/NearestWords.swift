/// What tells apart two values of one sentence ("a net gain of 239, and a majority of 146"), which share every
/// other word: the words right beside each (`Claim.nearTerms`).
enum NearestWords {
    /// Whether `refuting` stands by the claim's nearest words and `agreeing` by only some of them: each word
    /// beside the claim that is beside `agreeing` is beside `refuting` too, and `refuting` has more. "a majority
    /// of 239" restates "a majority of 146", not "a net gain of 239"; "won 5-2 on aggregate" may restate "5-2 on
    /// aggregate" of "won 2-1 on the night and 5-2 on aggregate", which has a word beside it that 2-1 lacks.
    static func favour(_ refuting: Claim, over agreeing: Claim, for claim: Claim) -> Bool {
        let near = Set(claim.nearTerms)
        return near.intersection(agreeing.nearTerms).isStrictSubset(of: near.intersection(refuting.nearTerms))
    }
}
