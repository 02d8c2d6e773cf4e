/// Finds the baseline facts that speak about the same thing as a draft claim: comparable value, compatible key
/// (after the lexicon), and overlapping context weighted by rarity and closeness.
public struct Aligner: Sendable {
    public let factBase: FactBase

    /// Multiplier for a fact whose claim has no key when the draft's has one (or the reverse): comparable, but
    /// less surely about the same thing.
    static let missingKeyFactor = 0.8
    /// Score share for a key written the same way ("prisoners" and "prisoners").
    static let exactKeyShare = 0.3
    /// Score share for a key that matches through the lexicon ("prisoners" ~ "detainees").
    static let synonymKeyShare = 0.2
    /// How much closeness of value breaks near-ties when ranking: a draft's 1,250 more likely restates 1,300
    /// than 16. It orders candidates; it never lifts one over a threshold.
    static let closenessWeight = 0.05
    /// Multiplier for a supposition ("1,300 may be freed") aligned with a statement, or the reverse: "may" is not
    /// "were", though the two may still speak of the same thing.
    static let suppositionFactor = 0.6
    /// Multiplier for a fact whose sentence names other people than the claim's (people named with a title, an
    /// alias or a pronoun for one): President Lukashenko's 16 prisoners are weak evidence about the Kremlin
    /// leader's. Other names (companies, products) are not people, and sentences about them share few names.
    static let otherSubjectFactor = 0.5
    /// Multiplier for a fact about another event than the claim's: "detained in 2021" is weak evidence about
    /// when someone was sentenced.
    static let otherEventFactor = 0.5

    public init(factBase: FactBase) {
        self.factBase = factBase
    }

    /// Every fact comparable with `claim`, best first.
    public func alignments(for claim: Claim) -> [Alignment] {
        // The claim's terms in a fixed order with their rarity, looked up once: summing in dictionary order would
        // make scores differ in their last bits from run to run.
        let terms = claim.context.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value, rarity: factBase.weight(ofTerm: $0.key)) }
        let unknownSubject = !claim.names.isEmpty && claim.names.isDisjoint(with: factBase.names)
        var alignments: [(order: Int, alignment: Alignment)] = []
        for (order, fact) in factBase.facts.enumerated() {
            let agreement = Comparator.agreement(of: claim, with: fact.claim)
            guard agreement != .incomparable else { continue }
            guard let keyMatch = keyMatch(claim, fact.claim) else { continue }
            // A claim about someone the sources never name is not refuted by what they say of someone else:
            // Bialiatski's sentence says nothing about Zenkovich's.
            if unknownSubject, !fact.claim.names.isEmpty, claim.names.isDisjoint(with: fact.claim.names) { continue }
            // A denial says nothing of what did happen: "was not sentenced to 12 years" neither confirms nor
            // refutes "sentenced to 11 years". Denials meet denials only.
            if (claim.assertion == .negated) != (fact.claim.assertion == .negated) { continue }
            let (overlap, shared) = contextOverlap(terms, fact.claim.context)
            var score = overlap
            switch keyMatch {
            case .exact: score = Self.exactKeyShare + (1 - Self.exactKeyShare) * overlap
            case .synonym: score = Self.synonymKeyShare + (1 - Self.synonymKeyShare) * overlap
            case .missing: score *= Self.missingKeyFactor
            case .notApplicable: break
            }
            if (claim.assertion == .hypothetical) != (fact.claim.assertion == .hypothetical) { score *= Self.suppositionFactor }
            if !claim.people.isEmpty, !fact.claim.people.isEmpty, claim.people.isDisjoint(with: fact.claim.people) {
                score *= Self.otherSubjectFactor
            }
            if let event = claim.event, let factEvent = fact.claim.event, event != factEvent {
                // The same value said of another event confirms nothing: that he was detained in 2021 does not
                // support that he was sentenced in 2021.
                if agreement == .agrees { continue }
                score *= Self.otherEventFactor
            }
            alignments.append((order, Alignment(fact: fact, factIndex: order, score: score, agreement: agreement,
                                                sharedTerms: shared.map { claim.words[$0] ?? $0 },
                                                closeness: Comparator.closeness(of: claim.value, to: fact.claim.value))))
        }
        // Best first; equal ranks keep the facts' order in the base, so reports are the same on every run.
        return alignments.sorted {
            let left = $0.alignment.score + Self.closenessWeight * $0.alignment.closeness
            let right = $1.alignment.score + Self.closenessWeight * $1.alignment.closeness
            return left != right ? left > right : $0.order < $1.order
        }.map(\.alignment)
    }

    private enum KeyMatch { case exact, synonym, missing, notApplicable }

    /// nil when both claims have keys and they differ: 16 prisoners say nothing about 20 roses.
    private func keyMatch(_ claim: Claim, _ fact: Claim) -> KeyMatch? {
        if claim.key.isEmpty && fact.key.isEmpty { return .notApplicable }
        if claim.key.isEmpty || fact.key.isEmpty { return .missing }
        guard claim.key == fact.key else { return nil }
        return claim.keyWords == fact.keyWords ? .exact : .synonym
    }

    /// The share of the claim's context mass that the fact's context covers.
    private func contextOverlap(_ claim: [(term: String, weight: Double, rarity: Double)], _ fact: [String: Double])
        -> (Double, [String]) {
        var total = 0.0
        var covered = 0.0
        var shared: [(String, Double)] = []
        for (term, weight, rarity) in claim {
            total += weight * rarity
            if let factWeight = fact[term] {
                let contribution = min(weight, factWeight) * rarity
                covered += contribution
                shared.append((term, contribution))
            }
        }
        guard total > 0 else { return (0, []) }
        // Ties broken by the term itself: dictionary order changes from run to run, reports must not.
        return (covered / total, shared.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0))
    }
}
