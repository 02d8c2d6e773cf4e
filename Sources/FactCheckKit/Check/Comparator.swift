/// Compares aligned values and gives the verdict for a claim.
public enum Comparator {
    /// Below this alignment score a differing fact is not evidence enough: the claim is unverified, not
    /// contradicted. One threshold, documented in README.md, measured on the labelled sets.
    public static let contradictionThreshold = 0.45
    /// An agreeing fact must be at least this well aligned to support a claim.
    public static let supportFloor = 0.15
    /// An agreeing fact supports the claim when it is at least this share as well aligned as the best differing
    /// one: a draft number that the sources state in a similar context is not an error.
    public static let supportShare = 0.5

    /// Compares two values, letting a bare number meet an amount of money or a percentage ("3.1 billion" and
    /// "$3.1 billion" state the same figure).
    public static func agreement(of claim: Value, with fact: Value) -> Agreement {
        switch (claim, fact) {
        case let (.number(a), .money(b, _)), let (.money(a, _), .number(b)),
             let (.number(a), .percent(b, false)), let (.percent(a, false), .number(b)):
            return a.overlaps(b) ? .agrees : .disagrees
        default:
            return claim.agreement(with: fact)
        }
    }

    /// How near two numeric values are: 1 for equal midpoints, falling to 0 as they differ by their own size.
    public static func closeness(of claim: Value, to fact: Value) -> Double {
        guard let a = amount(claim), let b = amount(fact) else { return 0 }
        let scale = max(abs(a), abs(b))
        guard scale > 0, scale.isFinite else { return scale == 0 ? 1 : 0 }
        return max(0, 1 - abs(a - b) / scale)
    }

    private static func amount(_ value: Value) -> Double? {
        switch value {
        case let .number(range), let .money(range, _), let .percent(range, _), let .duration(range, _):
            range.low.isFinite && range.high.isFinite ? (range.low + range.high) / 2 : nil
        case let .ordinal(position): Double(position)
        default: nil
        }
    }

    /// The verdict for a claim, from its alignments (best first), and the alignments that back it.
    public static func verdict(for alignments: [Alignment]) -> (Verdict, evidence: [Alignment]) {
        let bestAgreeing = alignments.first { $0.agreement == .agrees }
        let bestDiffering = alignments.first { $0.agreement == .disagrees }
        if let agreeing = bestAgreeing, agreeing.score >= supportFloor,
           agreeing.score >= supportShare * (bestDiffering?.score ?? 0) {
            return (.supported, [agreeing])
        }
        if let differing = bestDiffering, differing.score >= contradictionThreshold {
            // Show the runner-up too when it is nearly as well aligned: the editor should see both.
            let runnerUp = alignments.first {
                $0.agreement == .disagrees
                    && ($0.fact.claim.span != differing.fact.claim.span || $0.fact.documentIndex != differing.fact.documentIndex)
                    && $0.score >= differing.score - 0.1
            }
            return (.contradicted, [differing] + (runnerUp.map { [$0] } ?? []))
        }
        return (.unverified, [])
    }
}
