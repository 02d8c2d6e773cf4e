/// Checks drafts against a fact base: extracts the draft's claims, aligns each with the facts about the same
/// thing, and gives each a verdict with its evidence.
public struct Checker: Sendable {
    public let extractor: ClaimExtractor
    /// Where the facts come from: an in-memory `FactBase` or a `FactStore`.
    public let facts: any FactSource
    private let aligner: Aligner

    public init(extractor: ClaimExtractor, facts: any FactSource) {
        self.extractor = extractor
        self.facts = facts
        self.aligner = Aligner(facts: facts)
    }

    public init(extractor: ClaimExtractor, factBase: FactBase) {
        self.init(extractor: extractor, facts: factBase)
    }

    /// How much better another claim of the draft must align with a fact before the fact is shown as that
    /// claim's evidence rather than this one's.
    static let claimedMargin = 0.05

    /// Checks one draft.
    /// - Throws: `FactCheckError.extraction` when a rule fails on the draft, `.store` when the fact store
    ///   cannot be read.
    public func check(_ draft: Document) throws(FactCheckError) -> DraftReport {
        let claims: [Claim]
        var alignments: [[Alignment]] = []
        do {
            claims = try extractor.claims(in: draft)
        } catch {
            throw .extraction(error)
        }
        do {
            for claim in claims { alignments.append(try aligner.alignments(for: claim)) }
        } catch {
            throw .store(error)
        }
        // For each fact, the draft claim that restates it best: evidence goes to that claim first.
        var bestClaimForFact: [Int: (claim: Int, score: Double)] = [:]
        for (claimIndex, candidates) in alignments.enumerated() {
            for alignment in candidates where alignment.score > bestClaimForFact[alignment.factIndex]?.score ?? -1 {
                bestClaimForFact[alignment.factIndex] = (claimIndex, alignment.score)
            }
        }
        var findings: [Finding] = []
        for (claimIndex, claim) in claims.enumerated() {
            if let inconsistency = selfContradiction(of: claim, in: draft) {
                findings.append(inconsistency)
                continue
            }
            let (verdict, evidence) = Comparator.verdict(for: alignments[claimIndex]) { alignment in
                guard let best = bestClaimForFact[alignment.factIndex] else { return false }
                return best.claim != claimIndex && best.score > alignment.score + Self.claimedMargin
            }
            let claimPassage = Self.passage(of: claim, in: draft)
            var evidenceItems: [Evidence] = []
            for alignment in evidence {
                let origin: FactOrigin
                do {
                    origin = try facts.origin(of: alignment.fact)
                } catch {
                    throw .store(error)
                }
                evidenceItems.append(Evidence(source: origin.source, sourceDate: origin.sourceDate,
                                              passage: origin.passage, score: alignment.score,
                                              sharedTerms: alignment.sharedTerms))
            }
            findings.append(Finding(verdict: verdict, severity: verdict == .contradicted ? claim.severity : .info,
                           kind: claim.kind, rule: claim.ruleID,
                           message: message(verdict: verdict, claim: claim, passage: claimPassage, evidence: evidenceItems),
                           claim: claimPassage, evidence: evidenceItems))
        }
        return DraftReport(path: draft.path, findings: findings, text: draft.original.string)
    }

    /// A claim that contradicts itself needs no source: "Wednesday, Aug. 14, 2025" names a day that August 14, 2025
    /// (a Thursday) is not.
    private func selfContradiction(of claim: Claim, in draft: Document) -> Finding? {
        guard case let .date(date) = claim.value, date.weekdayContradictsDate,
              let stated = date.weekday, let actual = date.calendarWeekday
        else { return nil }
        let names = DateValue.weekdayNames
        let day = DateValue(year: date.year, month: date.month, day: date.day)
        return Finding(verdict: .contradicted, severity: claim.severity, kind: claim.kind, rule: claim.ruleID,
                       message: "the draft's weekday contradicts its date: \(day) is a \(names[actual - 1]), "
                           + "not a \(names[stated - 1])",
                       claim: Self.passage(of: claim, in: draft), evidence: [])
    }

    /// A claim's text, value, location and sentence in its document.
    static func passage(of claim: Claim, in document: Document) -> Passage {
        Passage(text: document.original.text(of: claim.span), value: claim.value,
                location: document.original.location(ofByte: claim.span.lowerBound),
                length: document.original.scalarLength(of: claim.span),
                sentence: document.readableText(of: document.sentences[claim.sentenceIndex].range))
    }

    private func message(verdict: Verdict, claim: Claim, passage: Passage, evidence: [Evidence]) -> String {
        let claimText = Self.oneLine(passage.text)
        switch verdict {
        case .contradicted:
            let sources = evidence.map { "'\(Self.oneLine($0.passage.text))' (\($0.source):\($0.passage.location.line))" }
            return "\(claim.message): draft says '\(claimText)'; the sources say " + sources.joined(separator: " or ")
        case .supported:
            return "'\(claimText)' agrees with the sources"
        case .unverified:
            return "no source speaks to '\(claimText)'"
        }
    }

    /// Text with its line breaks and runs of blanks made single spaces, for one-line messages.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
