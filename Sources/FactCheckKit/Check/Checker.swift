/// Checks drafts against a fact base: extracts the draft's claims, aligns each with the facts about the same
/// thing, and gives each a verdict with its evidence.
public struct Checker: Sendable {
    public let extractor: ClaimExtractor
    public let factBase: FactBase
    private let aligner: Aligner

    public init(extractor: ClaimExtractor, factBase: FactBase) {
        self.extractor = extractor
        self.factBase = factBase
        self.aligner = Aligner(factBase: factBase)
    }

    /// How much better another claim of the draft must align with a fact before the fact is shown as that
    /// claim's evidence rather than this one's.
    static let claimedMargin = 0.05

    /// Checks one draft.
    /// - Parameters:
    ///   - draft: the draft.
    ///   - changes: when given, only the claims in these changed paragraphs are reported (every claim is still
    ///     aligned, so that evidence goes where it would without the filter).
    /// - Throws: `ExtractionError` when a rule fails on the draft.
    public func check(_ draft: Document, changes: ParagraphChanges? = nil) throws(ExtractionError) -> DraftReport {
        let claims = try extractor.claims(in: draft)
        let alignments = claims.map(aligner.alignments(for:))
        // For each fact, the draft claim that restates it best: evidence goes to that claim first.
        var bestClaimForFact: [Int: (claim: Int, score: Double)] = [:]
        for (claimIndex, candidates) in alignments.enumerated() {
            for alignment in candidates where alignment.score > bestClaimForFact[alignment.factIndex]?.score ?? -1 {
                bestClaimForFact[alignment.factIndex] = (claimIndex, alignment.score)
            }
        }
        let allFindings = claims.enumerated().map { claimIndex, claim in
            if let inconsistency = selfContradiction(of: claim, in: draft) { return inconsistency }
            let (verdict, evidence) = Comparator.verdict(for: alignments[claimIndex]) { alignment in
                guard let best = bestClaimForFact[alignment.factIndex] else { return false }
                return best.claim != claimIndex && best.score > alignment.score + Self.claimedMargin
            }
            let claimPassage = passage(of: claim, in: draft)
            let evidenceItems = evidence.map { alignment in
                let source = factBase.documents[alignment.fact.documentIndex]
                return Evidence(source: source.path, sourceDate: source.date,
                                passage: passage(of: alignment.fact.claim, in: source), score: alignment.score,
                                sharedTerms: alignment.sharedTerms)
            }
            let quotedEvidence = zip(evidence, evidenceItems).map { alignment, item in
                let quote = quoted(alignment.fact.claim, in: factBase.documents[alignment.fact.documentIndex])
                return "'\(quote)' (\(item.source):\(item.passage.location.line))"
            }
            return Finding(verdict: verdict, severity: verdict == .contradicted ? claim.severity : .info,
                           kind: claim.kind, rule: claim.ruleID,
                           message: message(verdict: verdict, claim: claim, claimText: quoted(claim, in: draft),
                                            evidence: quotedEvidence),
                           claim: claimPassage, evidence: evidenceItems)
        }
        let findings = zip(claims, allFindings).filter { claim, _ in changes?.contains(claim) ?? true }.map(\.1)
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
                       claim: passage(of: claim, in: draft), evidence: [])
    }

    private func passage(of claim: Claim, in document: Document) -> Passage {
        let span = document.originalRange(of: claim.span)
        return Passage(text: document.original.text(of: span), value: claim.value,
                location: document.original.location(ofByte: span.lowerBound),
                length: document.original.scalarLength(of: span),
                sentence: document.readableText(of: document.sentences[claim.sentenceIndex].range))
    }

    /// A claim as a message quotes it, on one line: as written, except that HTML is quoted as it reads
    /// ("12 years", not "12&nbsp;years" or "12</em> years").
    private func quoted(_ claim: Claim, in document: Document) -> String {
        document.format == .html ? document.readableText(of: claim.span)
            : Self.oneLine(document.original.text(of: document.originalRange(of: claim.span)))
    }

    /// - Parameter evidence: each source's quote and place, as the message shows them.
    private func message(verdict: Verdict, claim: Claim, claimText: String, evidence: [String]) -> String {
        switch verdict {
        case .contradicted:
            return "\(claim.message): draft says '\(claimText)'; the sources say " + evidence.joined(separator: " or ")
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
