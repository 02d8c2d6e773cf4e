import Foundation

/// Compares aligned values and gives the verdict for a claim.
public enum Comparator {
    /// Below this alignment score a differing fact is not evidence enough: the claim is unverified, not
    /// contradicted. One threshold, documented in README.md, measured on the labelled sets.
    public static let contradictionThreshold = 0.3
    /// How much nearness of value counts in choosing which refuting fact to show (it never decides the verdict).
    static let evidenceClosenessWeight = 0.5
    /// The least share of the strongest refuting fact's score that another refuting fact needs to be shown
    /// instead of it.
    static let evidenceShare = 0.5
    /// The threshold for a claim whose value no source states at all, about anything.
    public static let unstatedValueThreshold = 0.15
    /// An agreeing fact must be at least this well aligned to support a claim.
    public static let supportFloor = 0.15
    /// An agreeing fact supports the claim when it is at least this share as well aligned as the best differing
    /// one: a draft number that the sources state in a similar context is not an error.
    public static let supportShare = 0.5

    /// Compares a draft claim's value with a fact's.
    ///
    /// A catch-all figure (kind `number`, no key) may meet an amount of money or a percentage: "3.1 billion" and
    /// "$3.1 billion" state the same figure. A count never does: "several hedge funds" says nothing about dollars.
    /// Two stated ranges ("$1 billion to $2 billion", "$1.7 billion to $1.8 billion") agree only when their ends
    /// do: a range is a claim about both ends, not an uncertain point.
    public static func agreement(of claim: Claim, with fact: Claim) -> Agreement {
        if ValueMacros.exclusiveKinds.contains(claim.kind) || ValueMacros.exclusiveKinds.contains(fact.kind) {
            // Whether either side is of `kind`: no array per candidate, since the aligner asks this of every one.
            func either(_ kind: String) -> Bool { claim.kind == kind || fact.kind == kind }
            // A tally is its two figures: "1-1" and "11-1" are different results, and neither is a range.
            if either("score"), case let .number(a) = claim.value, case let .number(b) = fact.value {
                let sameFigures = a.low == b.low && a.high == b.high
                if claim.kind == fact.kind { return sameFigures ? .agrees : .disagrees }
                // A "5-2" that no result word frames ("went through 5-2 overall"), read as a figure or a count,
                // may confirm a tally with the same figures; it refutes none.
                if either("number") || either("count"), a.isStatedRange, b.isStatedRange {
                    return sameFigures ? .agrees : .incomparable
                }
                return .incomparable
            }
            // The catch-all figure ("Martin , 48 ." where no age frame reads it) may still meet an age; a count,
            // a date or money never does.
            guard claim.kind == fact.kind || either("age") && either("number") else { return .incomparable }
        }
        let looseKinds = claim.kind == "number" || fact.kind == "number"
        switch (claim.value, fact.value) {
        case let (.number(a), .money(b, _)) where looseKinds, let (.money(a, _), .number(b)) where looseKinds,
             let (.number(a), .percent(b, false)) where looseKinds, let (.percent(a, false), .number(b)) where looseKinds:
            return rangeAgreement(claim: a, fact: b)
        case let (.number(a), .number(b)), let (.money(a, _), .money(b, _)), let (.percent(a, _), .percent(b, _)),
             let (.quantity(a, _), .quantity(b, _)):
            let base = claim.value.agreement(with: fact.value)
            // A base disagreement of two ranges is their being disjoint, which `rangeAgreement` reads too.
            guard base == .agrees || base == .disagrees else { return base }
            return rangeAgreement(claim: a, fact: b)
        case let (.ordinal(position), .date(period)) where claim.key == ["quarter"] && period.quarter != nil,
             let (.date(period), .ordinal(position)) where fact.key == ["quarter"] && period.quarter != nil:
            // "the fifth quarter" against "the third quarter of 2021": the same quarter, or not.
            return period.quarter == position ? .agrees : .disagrees
        case let (.date(a), .date(b)):
            // A less specific source date is consistent with a more specific claim but does not confirm it:
            // "2020" says nothing of "the third quarter of 2020" or of "August 15, 2020".
            let base = a.agreement(with: b)
            guard base == .agrees else { return base }
            let claimIsMoreSpecific = (a.month != nil && b.month == nil) || (a.day != nil && b.day == nil)
                || (a.quarter != nil && b.resolvedQuarter == nil)
            return claimIsMoreSpecific ? .incomparable : .agrees
        default:
            return claim.value.agreement(with: fact.value)
        }
    }

    /// How a claim's range meets a fact's.
    ///
    /// - Disjoint ranges disagree.
    /// - Two stated ranges agree only when their ends match (within 1%).
    /// - A figure agrees with a source's stated range when it is one of its ends.
    /// - Otherwise a stated range and a single figure, or a one-sided bound ("up to 35%", "more than 1,000") that does not
    ///   entail the claim, say nothing about each other: 30% is neither confirmed nor refuted by "up to 35%", and
    ///   a forecast of "$1 billion to $2 billion" is not confirmed by some other figure of $1.67 billion.
    /// - Two one-sided bounds the same way agree when the claim's limit is the source's, or its rounding on the
    ///   weaker side ("more than 300" of "more than 320").
    /// - A figure on the open end of a source's bound ("300" of "more than 300") is neither confirmed nor refuted.
    /// - Otherwise overlapping ranges (rounding, hedges) agree.
    static func rangeAgreement(claim a: NumberRange, fact b: NumberRange) -> Agreement {
        guard a.overlaps(b) else {
            // A figure on the open end of a bound ("300 people" against "more than 300", or the reverse: "more
            // than 20 million" against a source's "exceeded 20 million") sits on the limit that is stated; the
            // one neither confirms nor refutes the other.
            func sitsOnOpenEnd(_ point: NumberRange, of bound: NumberRange) -> Bool {
                point.isPoint && ((bound.lowOpen && point.low == bound.low) || (bound.highOpen && point.high == bound.high))
            }
            if sitsOnOpenEnd(a, of: b) || sitsOnOpenEnd(b, of: a) { return .incomparable }
            return .disagrees
        }
        switch (isStatedRange(a), isStatedRange(b)) {
        case (true, true):
            let tolerance = 0.01 * max(abs(a.high), abs(b.high))
            return abs(a.low - b.low) <= tolerance && abs(a.high - b.high) <= tolerance ? .agrees : .disagrees
        case (false, true):
            // A figure that restates one end of a source's range ("$11,250 million" of "between $11,100 million and
            // $11,250 million") agrees with it; any other figure neither confirms nor refutes the range.
            return a.overlaps(NumberRange(exactly: b.low)) || a.overlaps(NumberRange(exactly: b.high)) ? .agrees : .incomparable
        case (true, false):
            return .incomparable
        case (false, false):
            if isOneSided(a), isOneSided(b), a.high.isInfinite == b.high.isInfinite {
                // Two bounds the same way: the source's limit rounded ("more than 300" of "more than 320") is
                // entailed by it, and annotators call it faithful; a limit that is not its rounding ("more than
                // 30", "more than 350") restates it wrongly, weaker or not.
                let (mine, theirs) = a.high.isInfinite ? (a.low, b.low) : (a.high, b.high)
                let sameLimit = NumberRange(exactly: mine).overlaps(NumberRange(exactly: theirs))
                let roundedLimit = a.low <= b.low && b.high <= a.high
                    && Hedge.roundingInterval(of: mine).overlaps(NumberRange(exactly: theirs))
                return sameLimit || roundedLimit ? .agrees : .disagrees
            }
            if isOneSided(b), !(a.low <= b.low && b.high <= a.high) { return .incomparable }
            // A bound is confirmed by a figure near its limit ("more than 1,000" by 1,312), not by any figure
            // that happens to satisfy it: 15 million workers say nothing of "firms with at least 3,000 staff".
            if isOneSided(a), !isOneSided(b), b.low.isFinite, b.high.isFinite,
               !isNearLimit((b.low + b.high) / 2, of: a) { return .incomparable }
            return .agrees
        }
    }

    /// Whether a figure lies within a factor of `boundNearness` of a one-sided bound's limit.
    private static func isNearLimit(_ figure: Double, of bound: NumberRange) -> Bool {
        let limit = bound.high.isFinite ? bound.high : bound.low
        guard limit != 0, figure != 0 else { return true }
        let ratio = abs(figure / limit)
        return ratio <= boundNearness && ratio >= 1 / boundNearness
    }

    /// How far from a bound's limit a figure may lie and still confirm it.
    static let boundNearness = 2.0

    /// A range the text states both ends of, bounded on both sides.
    private static func isStatedRange(_ range: NumberRange) -> Bool {
        range.isStatedRange && range.low.isFinite && range.high.isFinite && !range.isPoint
    }

    /// "up to 35%", "fewer than 20", "more than 1,000": bounded on one side only.
    private static func isOneSided(_ range: NumberRange) -> Bool {
        !range.low.isFinite || !range.high.isFinite || (range.low == 0 && range.high > 0)
    }

    /// How near two numeric values are, 0...1: the nearer of their size (1,250 is near 1,300) and their digits
    /// (1.19 is one keystroke from 0.19), since drafts go wrong both by rounding and by typing.
    public static func closeness(of claim: Value, to fact: Value) -> Double {
        guard let a = amount(claim), let b = amount(fact) else { return 0 }
        let scale = max(abs(a), abs(b))
        guard scale > 0, scale.isFinite else { return scale == 0 ? 1 : 0 }
        let bySize = max(0, 1 - abs(a - b) / scale)
        let digitsA = significantDigits(a), digitsB = significantDigits(b)
        let byDigits = 1 - Double(editDistance(digitsA, digitsB)) / Double(max(digitsA.count, digitsB.count))
        return max(bySize, byDigits)
    }

    /// The digits that carry a figure, without separators, point or trailing zeros: $7.2 million is "72",
    /// 0.19 is "019", so that a slip of one digit is one edit whatever the scale. The digits are those of the
    /// figure as `NumberRange.format` writes it (whole numbers exactly, others to six decimals), read without
    /// making a string: this runs for every fact aligned with every claim.
    static func significantDigits(_ value: Double) -> [UInt8] {
        let magnitude = abs(value)
        var digits: [UInt8] = []
        // A double printed whole or to six decimals has at most 22 digits below 1e15: one allocation, no regrowth.
        digits.reserveCapacity(24)
        func append(_ number: Int64, width: Int) {
            let start = digits.count
            var rest = number
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0 || digits.count - start < width
            digits[start...].reverse()
        }
        let millionths = magnitude * 1e6
        let fraction = millionths - millionths.rounded(.down)
        if magnitude == magnitude.rounded(), magnitude < 1e15 {
            append(Int64(magnitude), width: 1)
        } else if millionths < 0x1p50, abs(fraction - 0.5) > 0.25 {
            // Below 2^50 the product is within 1/8 of the exact one, so away from a half it rounds as printf's
            // six decimals do.
            let rounded = Int64(millionths.rounded())
            append(rounded / 1_000_000, width: 1)
            append(rounded % 1_000_000, width: 6)
        } else {
            // Six decimals as printf rounds them; a double has at most 309 integer digits.
            var buffer = [CChar](repeating: 0, count: 400)
            let length = withVaList([magnitude]) { vsnprintf(&buffer, buffer.count, "%.6f", $0) }
            digits = buffer.prefix(max(0, Int(length))).map { UInt8(bitPattern: $0) }
                .filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return digits
    }

    /// Levenshtein distance between two short strings of digits.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        // Two rows of the table, on the stack: this runs for every fact aligned with every claim.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for (i, left) in a.enumerated() {
                current[0] = i + 1
                for (j, right) in b.enumerated() {
                    current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
                }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    private static func amount(_ value: Value) -> Double? {
        switch value {
        case let .number(range), let .money(range, _), let .percent(range, _), let .duration(range, _):
            range.low.isFinite && range.high.isFinite ? (range.low + range.high) / 2 : nil
        case let .ordinal(position): Double(position)
        default: nil
        }
    }

    /// Whether a refuting fact aligned better than `agreeing` is the value the claim restates (`isRestatedRival`).
    private static func isOutranked<Failure: Error>(
        _ agreeing: Alignment, in alignments: [Alignment],
        by isRestatedRival: (Alignment, Alignment) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        for refuting in alignments where refuting.agreement == .disagrees && refuting.score > agreeing.score {
            if try isRestatedRival(agreeing, refuting) { return true }
        }
        return false
    }

    /// Whether a claim says what it measures, so that a value no source states is an error at the lower
    /// threshold: a figure with a key ("18 prisoners") or a dimension of its own (money, a date, a length of
    /// time). The catch-all figure ("roughly 1,500", no key) could be about anything the sentence mentions, and a
    /// tally or an age belongs to one match or one person of several a source may state: for them an unstated value
    /// needs the full threshold, and when the subject cannot be told the claim is unverified, not contradicted.
    public static func saysWhatItMeasures(_ claim: Claim) -> Bool {
        if ValueMacros.exclusiveKinds.contains(claim.kind) { return false }
        return claim.kind != "number" || !claim.key.isEmpty
    }

    /// The verdict for a claim, from its alignments (best first), and the alignments that back it.
    /// - Parameter measureIsKnown: see `saysWhatItMeasures`; false asks the full threshold of any contradiction.
    public static func verdict(for alignments: [Alignment], measureIsKnown: Bool = true,
                               isClaimedElsewhere: (Alignment) -> Bool = { _ in false }) -> (Verdict, evidence: [Alignment]) {
        verdict(for: alignments, measureIsKnown: measureIsKnown, isClaimedElsewhere: isClaimedElsewhere,
                isRestatedRival: { (_, _) throws(Never) in false })
    }

    /// `verdict(for:measureIsKnown:isClaimedElsewhere:)`, told which refuting facts the claim restates rather
    /// than an agreeing value of the same sentence.
    /// - Parameter isRestatedRival: whether a refuting fact comes from the same sentence of the same source as an
    ///   agreeing one and stands by the claim's nearest words where that one does not (`NearestWords`): "a
    ///   majority of 239" restates "a majority of 146", not "a net gain of 239", though the sentence states 239.
    ///   Asked only of refuting facts aligned better than the agreeing one.
    public static func verdict<Failure: Error>(
        for alignments: [Alignment], measureIsKnown: Bool, isClaimedElsewhere: (Alignment) -> Bool,
        isRestatedRival: (_ agreeing: Alignment, _ refuting: Alignment) throws(Failure) -> Bool
    ) throws(Failure) -> (Verdict, evidence: [Alignment]) {
        let bestAgreeing = alignments.first { $0.agreement == .agrees }
        let bestDiffering = alignments.first { $0.agreement == .disagrees }
        let differingScore = bestDiffering?.score ?? 0
        // Best first: the first agreeing fact that is aligned well enough for its kind of match supports.
        for agreeing in alignments where agreeing.agreement == .agrees {
            guard agreeing.score >= supportFloor, agreeing.score >= supportShare * differingScore else { break }
            // A broader or narrower key confirms only when aligned at least as well as the refuting fact of the
            // claim's own key (`Aligner`): "567,131 people lived" is not "567,000 inhabitants" when the sentence
            // about the inhabitants says 200,000.
            if agreeing.keyIsBroader, agreeing.score < differingScore { continue }
            if try isOutranked(agreeing, in: alignments, by: isRestatedRival) { continue }
            return (.supported, [agreeing])
        }
        // A value no source states anywhere needs less alignment to be an error than one a source states about
        // something else.
        let threshold = bestAgreeing == nil && measureIsKnown ? unstatedValueThreshold : contradictionThreshold
        let strongest = alignments.filter { $0.agreement == .disagrees }.max { $0.score < $1.score }
        if let strongest, strongest.score >= threshold {
            // The verdict stands on the best-aligned differing fact. The evidence shown is, among the differing
            // facts aligned well enough to refute the claim, the one nearest the claim's value (1.19 is a slip
            // for 0.19, not for 0.70) that no other claim of the draft restates better.
            // Aligned well enough means above the threshold and at least half as well as the strongest: with the
            // low threshold of an unstated value, a fact that shares one word ("two of these aircraft") would
            // otherwise win on nearness alone over the one the claim restates ("12 737 MAX 9").
            let floor = max(threshold, evidenceShare * strongest.score)
            let eligible = alignments.filter { $0.agreement == .disagrees && $0.score >= floor }
            let ranked = eligible.sorted {
                let left = $0.score + evidenceClosenessWeight * $0.closeness
                let right = $1.score + evidenceClosenessWeight * $1.closeness
                return left != right ? left > right : $0.factIndex < $1.factIndex
            }
            let differing = ranked.first { !isClaimedElsewhere($0) } ?? ranked.first ?? strongest
            // Show the runner-up too when it is nearly as well aligned: the editor should see both.
            let runnerUp = alignments.first {
                $0.agreement == .disagrees && $0.factIndex != differing.factIndex && !isClaimedElsewhere($0)
                    && $0.score >= differing.score - 0.1
            }
            return (.contradicted, [differing] + (runnerUp.map { [$0] } ?? []))
        }
        return (.unverified, [])
    }
}
