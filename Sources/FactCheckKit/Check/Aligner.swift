/// Finds the baseline facts that speak about the same thing as a draft claim: comparable value, compatible key
/// (after the lexicon), and overlapping context weighted by rarity and closeness.
public struct Aligner: Sendable {
    public let facts: any FactSource

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

    /// The least context overlap at which a fact can weigh in a verdict. Below it a fact's score (overlap, or
    /// 0.8 × overlap without a key) is under 0.1, and `Comparator.verdict` and `Checker` never look at it: support
    /// needs 0.15, and a fact outranks a 0.15 one by closeness (at most `closenessWeight`) only from 0.1; a
    /// contradiction needs 0.15; a runner-up needs the contradiction's score less 0.1 (handled by lowering this
    /// for that claim); a fact claimed by another claim must score over 0.2 there. Facts with a matching key
    /// score 0.2 or more and are always fetched. Whether any fact agrees at all is settled separately.
    static let relevantOverlap = 0.1
    /// How far below the contradicting fact a runner-up may score (see `Comparator.verdict`).
    static let runnerUpMargin = 0.1

    /// Facts fetched per page while looking for one that states the claim's value.
    static let valuePageSize = 64
    /// Pages looked through at most: a value with no single axis (a time, an ordinal, a date without a year) is
    /// "near" every value of its class, and a base of hundreds of thousands of claims took a second per claim
    /// to page through. Past 1,024 near values without one that agrees, the value counts as stated nowhere.
    static let valuePageLimit = 16

    public init(facts: any FactSource) {
        self.facts = facts
    }

    public init(factBase: FactBase) {
        self.init(facts: factBase)
    }

    /// Every fact comparable with `claim` that can weigh in its verdict, best first.
    /// - Throws: `FactStoreError` when the fact source cannot be read.
    public func alignments(for claim: Claim) throws(FactStoreError) -> [Alignment] {
        // The claim's terms in a fixed order with their rarity, looked up once: summing in dictionary order would
        // make scores differ in their last bits from run to run.
        let context = claim.context.sorted { $0.key < $1.key }
        let rarities = try facts.weights(ofTerms: context.map(\.key))
        let terms = context.map { WeightedTerm(term: $0.key, weight: $0.value, rarity: rarities[$0.key] ?? 1) }
        let unknownSubject = claim.names.isEmpty ? false : try !facts.knowsAnyName(in: claim.names)
        var alignments: [(order: Int, alignment: Alignment)] = []
        var seen: Set<Int> = []
        var overlaps: [Int: ContextOverlap] = [:]
        // Facts that overlap the claim's context by less than this cannot change its verdict (see
        // `relevantOverlap`); a store need not hand them over. Lowered once when a weak contradiction makes
        // fainter runners-up count.
        var minimumOverlap = Self.relevantOverlap
        while true {
            let related = try facts.relatedFacts(to: claim, terms: terms, minimumOverlap: minimumOverlap)
            // Sized once: grown fact by fact, the set rehashed every id at each doubling (a claim of the stress
            // archive meets some 2,500 candidates).
            seen.reserveCapacity(seen.count + related.count)
            for fact in related where seen.insert(fact.index).inserted {
                if let alignment = alignment(of: claim, with: fact, terms: terms, unknownSubject: unknownSubject,
                                             overlaps: &overlaps) {
                    alignments.append((fact.index, alignment))
                }
            }
            // The fact shown as contradicting evidence scores at least the threshold, and its runner-up at least
            // that less `runnerUpMargin`: the weakest fact that could be shown bounds what must be fetched.
            let weakestShown = alignments.filter {
                $0.alignment.agreement == .disagrees && $0.alignment.score >= Comparator.unstatedValueThreshold
            }.map(\.alignment.score).min()
            guard let weakestShown, weakestShown - Self.runnerUpMargin < minimumOverlap else { break }
            minimumOverlap = max(0, weakestShown - Self.runnerUpMargin)
        }
        // Whether any source states the value at all decides the threshold (see `Comparator.verdict`): a source
        // that shares nothing with the claim scores zero, so one such fact is all the verdict needs.
        if !alignments.contains(where: { $0.alignment.agreement == .agrees }) {
            var offset = 0
            search: while true {
                let page = try facts.factsWithValue(near: claim, offset: offset, limit: Self.valuePageSize)
                for fact in page where !seen.contains(fact.index) {
                    if let alignment = alignment(of: claim, with: fact, terms: terms, unknownSubject: unknownSubject,
                                                 overlaps: &overlaps),
                       alignment.agreement == .agrees {
                        alignments.append((fact.index, alignment))
                        break search
                    }
                }
                guard page.count == Self.valuePageSize, offset / Self.valuePageSize + 1 < Self.valuePageLimit else { break }
                offset += page.count
            }
        }
        // Best first; equal ranks keep the facts' order in the base, so reports are the same on every run. The
        // ranks are sorted, not the alignments: each carries a whole claim, and moving them dominated the sort.
        let ranks = alignments.indices.map { index in
            (rank: alignments[index].alignment.score + Self.closenessWeight * alignments[index].alignment.closeness,
             order: alignments[index].order, index: index)
        }.sorted { $0.rank != $1.rank ? $0.rank > $1.rank : $0.order < $1.order }
        return ranks.map { alignments[$0.index].alignment }
    }

    /// The share of a claim's context a fact's covers, and the shared terms (see `contextOverlap`).
    private typealias ContextOverlap = (overlap: Double, shares: [(term: String, word: String, contribution: Double)])

    /// The alignment of one fact with a claim; nil when they cannot be about the same thing.
    /// - Parameter overlaps: the context overlap of each group of facts met so far (see `Fact.group`): a capped
    ///   candidate list holds thousands of facts of a few hundred contexts.
    private func alignment(of claim: Claim, with fact: Fact, terms: [WeightedTerm], unknownSubject: Bool,
                           overlaps: inout [Int: ContextOverlap]) -> Alignment? {
        let agreement = Comparator.agreement(of: claim, with: fact.claim)
        guard agreement != .incomparable else { return nil }
        guard let keyMatch = keyMatch(claim, fact.claim) else { return nil }
        // What a figure without a key measures cannot be told: "roughly 1,500" in a sentence about 3,000
        // residents may count anything. A fact that says what it counts may confirm such a figure, never refute it.
        // So with a broader key: "6,660 climbers" may be the draft's "6,660 people", but "22 people" are not
        // thereby 22 climbers.
        if keyMatch == .missing || keyMatch == .broader, agreement == .disagrees { return nil }
        // A claim about someone the sources never name is not refuted by what they say of someone else:
        // Bialiatski's sentence says nothing about Zenkovich's.
        if unknownSubject, !fact.claim.names.isEmpty, claim.names.isDisjoint(with: fact.claim.names) { return nil }
        // A denial says nothing of what did happen: "was not sentenced to 12 years" neither confirms nor refutes
        // "sentenced to 11 years". Denials meet denials only.
        if (claim.assertion == .negated) != (fact.claim.assertion == .negated) { return nil }
        // The base of a comparison confirms only a base: "$0.29 in the third quarter of 2019", the figure earnings
        // rose from, does not confirm that the third quarter of 2019 is the one that rose.
        let otherRole = claim.isComparisonBase != fact.claim.isComparisonBase
        if otherRole, agreement == .agrees { return nil }
        // The same value said of another event confirms nothing: that he was detained in 2021 does not support
        // that he was sentenced in 2021. But a source states the value ("the Corolla, first sold in 1966" of a
        // draft's "launched in 1966"), so a contradiction needs the full threshold, not the one for a value stated
        // nowhere (`Comparator.verdict`): the fact is kept, aligned at zero, where it supports nothing.
        let otherEvent = claim.event != nil && fact.claim.event != nil && claim.event != fact.claim.event
        if otherEvent, agreement == .agrees {
            return Alignment(fact: fact, factIndex: fact.index, score: 0, agreement: agreement,
                             closeness: Comparator.closeness(of: claim.value, to: fact.claim.value), shares: [])
        }
        let (overlap, shares): ContextOverlap
        if keyMatch == .broader {
            // The fact's word for what it counts stands for the claim's in its context: "6.3 million people went
            // up it" shares "visitors" with "drew 6.3 million visitors". Not cached: the group's other claims
            // count other things.
            var context = fact.claim.context
            if let weight = context.removeValue(forKey: fact.claim.key[0]) {
                context[claim.key[0]] = max(context[claim.key[0]] ?? 0, weight)
            }
            (overlap, shares) = contextOverlap(terms, context, words: claim.words)
        } else if let group = fact.group {
            if let known = overlaps[group] {
                (overlap, shares) = known
            } else {
                (overlap, shares) = contextOverlap(terms, fact.claim.context, words: claim.words)
                overlaps[group] = (overlap, shares)
            }
        } else {
            (overlap, shares) = contextOverlap(terms, fact.claim.context, words: claim.words)
        }
        var score = overlap
        switch keyMatch {
        case .exact: score = Self.score(overlap: overlap, exactKey: true)
        case .synonym: score = Self.synonymKeyShare + (1 - Self.synonymKeyShare) * overlap
        // Scored as the claim's own key, and marked: it supports only as well aligned as a refuting fact of the
        // claim's own key (`Comparator.verdict`).
        case .broader: score = Self.score(overlap: overlap, exactKey: true)
        case .missing: score *= Self.missingKeyFactor
        case .notApplicable: break
        }
        // The factors below only lower a score, so the store's candidate pruning (`relevantOverlap`) holds.
        if (claim.assertion == .hypothetical) != (fact.claim.assertion == .hypothetical) { score *= Self.suppositionFactor }
        if !claim.people.isEmpty, !fact.claim.people.isEmpty, claim.people.isDisjoint(with: fact.claim.people) {
            score *= Self.otherSubjectFactor
        }
        if otherEvent || otherRole { score *= Self.otherEventFactor }
        var alignment = Alignment(fact: fact, factIndex: fact.index, score: score, agreement: agreement,
                                  closeness: Comparator.closeness(of: claim.value, to: fact.claim.value), shares: shares)
        alignment.keyIsBroader = keyMatch == .broader
        return alignment
    }

    private enum KeyMatch { case exact, synonym, broader, missing, notApplicable }

    /// The score of a fact whose key is the claim's, written the same way, before the factors that only lower it:
    /// the most any fact of that overlap can score (a store ranks candidates by it).
    static func score(overlap: Double, exactKey: Bool) -> Double {
        exactKey ? exactKeyShare + (1 - exactKeyShare) * overlap : overlap
    }

    /// nil when both claims have keys and they differ, neither one level broader than the other: 16 prisoners
    /// say nothing about 20 roses.
    private func keyMatch(_ claim: Claim, _ fact: Claim) -> KeyMatch? {
        if claim.key.isEmpty && fact.key.isEmpty { return .notApplicable }
        if claim.key.isEmpty || fact.key.isEmpty { return .missing }
        guard claim.key == fact.key else { return claim.relatedKeys.contains(fact.key) ? .broader : nil }
        return claim.keyWords == fact.keyWords ? .exact : .synonym
    }

    /// The share of the claim's context mass that the fact's context covers, and the shared terms (with the
    /// claim's word for each and what it contributes).
    private func contextOverlap(_ claim: [WeightedTerm], _ fact: [String: Double], words: [String: String])
        -> (Double, [(term: String, word: String, contribution: Double)]) {
        var total = 0.0
        var covered = 0.0
        var shares: [(term: String, word: String, contribution: Double)] = []
        for item in claim {
            let (term, weight, rarity) = (item.term, item.weight, item.rarity)
            total += weight * rarity
            if let factWeight = fact[term] {
                let contribution = min(weight, factWeight) * rarity
                covered += contribution
                shares.append((term, words[term] ?? term, contribution))
            }
        }
        guard total > 0 else { return (0, []) }
        return (covered / total, shares)
    }
}
