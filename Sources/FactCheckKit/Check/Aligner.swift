/// Finds the baseline facts that speak about the same thing as a draft claim: comparable value, compatible key
/// (after the lexicon), and overlapping context weighted by rarity and closeness.
public struct Aligner: Sendable {
    public let factBase: FactBase

    /// Multiplier for a fact whose claim has no key when the draft's has one (or the reverse): comparable, but
    /// less surely about the same thing.
    static let missingKeyFactor = 0.8
    /// Score bonus share for a matching key ("prisoners" ~ "detainees").
    static let keyShare = 0.3

    public init(factBase: FactBase) {
        self.factBase = factBase
    }

    /// Every fact comparable with `claim`, best first.
    public func alignments(for claim: Claim) -> [Alignment] {
        var alignments: [Alignment] = []
        for fact in factBase.facts {
            let agreement = Comparator.agreement(of: claim.value, with: fact.claim.value)
            guard agreement != .incomparable else { continue }
            guard let keyMatch = keyMatch(claim.key, fact.claim.key) else { continue }
            let (overlap, shared) = contextOverlap(claim.context, fact.claim.context)
            var score = overlap
            switch keyMatch {
            case .matching: score = Self.keyShare + (1 - Self.keyShare) * overlap
            case .missing: score *= Self.missingKeyFactor
            case .notApplicable: break
            }
            alignments.append(Alignment(fact: fact, score: score, agreement: agreement, sharedTerms: shared))
        }
        return alignments.sorted { $0.score > $1.score }
    }

    private enum KeyMatch { case matching, missing, notApplicable }

    /// nil when both claims have keys and they differ: 16 prisoners say nothing about 20 roses.
    private func keyMatch(_ claimKey: [String], _ factKey: [String]) -> KeyMatch? {
        if claimKey.isEmpty && factKey.isEmpty { return .notApplicable }
        if claimKey.isEmpty || factKey.isEmpty { return .missing }
        return claimKey == factKey ? .matching : nil
    }

    /// The share of the claim's context mass that the fact's context covers.
    private func contextOverlap(_ claim: [String: Double], _ fact: [String: Double]) -> (Double, [String]) {
        var total = 0.0
        var covered = 0.0
        var shared: [(String, Double)] = []
        for (term, weight) in claim {
            let rarity = factBase.weight(ofTerm: term)
            total += weight * rarity
            if let factWeight = fact[term] {
                let contribution = min(weight, factWeight) * rarity
                covered += contribution
                shared.append((term, contribution))
            }
        }
        guard total > 0 else { return (0, []) }
        return (covered / total, shared.sorted { $0.1 > $1.1 }.map(\.0))
    }
}
