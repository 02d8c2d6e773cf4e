/// Checks drafts against a fact base: extracts the draft's claims, aligns each with the facts about the same
/// thing, and gives each a verdict with its evidence.
public struct Checker: Sendable {
    public let extractor: ClaimExtractor
    public let factBase: FactBase
    /// The folder that finding fingerprints name sources relative to (the configuration's folder), so that IDs
    /// do not depend on the folder factcheck runs in; nil keeps source paths as they are.
    public let pathBase: String?
    private let aligner: Aligner

    public init(extractor: ClaimExtractor, factBase: FactBase, pathBase: String? = nil) {
        self.extractor = extractor
        self.factBase = factBase
        self.pathBase = pathBase
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
        let extracted = try extractor.claims(in: draft)
        // Claims in paragraphs an editor silenced take no part: they neither get a verdict nor claim evidence.
        let silenced = IgnoreMarker.silencedRanges(in: draft)
        let claims = extracted.filter { claim in !silenced.contains { $0.overlaps(claim.span) } }
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
                           claim: claimPassage, evidence: evidenceItems,
                           fingerprint: ClaimFingerprint(kind: claim.kind, rule: claim.ruleID, claim: claimPassage,
                                                         key: claim.key, evidence: evidenceItems, pathBase: pathBase))
        }
        // IDs are given before the filter, so that a finding has the same ID in a partial report as in a full one.
        let findings = zip(claims, Self.identified(allFindings)).filter { claim, _ in changes?.contains(claim) ?? true }
            .map(\.1)
        return DraftReport(path: draft.path, findings: findings, text: draft.original.string,
                           ignoredClaims: extracted.count - claims.count)
    }

    /// The findings with their IDs: the fingerprint's hash, the same claim repeated word for word numbered in
    /// text order, and any clash between different fingerprints resolved in text order, so every ID is unique
    /// in its draft and the same on every run.
    static func identified(_ findings: [Finding]) -> [Finding] {
        var occurrences: [ClaimFingerprint: Int] = [:]
        var taken: Set<String> = []
        return findings.map { finding in
            var finding = finding
            let occurrence = (occurrences[finding.fingerprint] ?? 0) + 1
            occurrences[finding.fingerprint] = occurrence
            var salt = 0
            var id = finding.fingerprint.id(occurrence: occurrence)
            while taken.contains(id) {
                salt += 1
                id = finding.fingerprint.id(occurrence: occurrence, salt: salt)
            }
            taken.insert(id)
            finding.id = id
            return finding
        }
    }

    /// A claim that contradicts itself needs no source: "Wednesday, Aug. 14, 2025" names a day that August 14, 2025
    /// (a Thursday) is not.
    private func selfContradiction(of claim: Claim, in draft: Document) -> Finding? {
        guard case let .date(date) = claim.value, date.weekdayContradictsDate,
              let stated = date.weekday, let actual = date.calendarWeekday
        else { return nil }
        let names = DateValue.weekdayNames
        let day = DateValue(year: date.year, month: date.month, day: date.day)
        let claimPassage = passage(of: claim, in: draft)
        return Finding(verdict: .contradicted, severity: claim.severity, kind: claim.kind, rule: claim.ruleID,
                       message: "the draft's weekday contradicts its date: \(day) is a \(names[actual - 1]), "
                           + "not a \(names[stated - 1])",
                       claim: claimPassage, evidence: [],
                       fingerprint: ClaimFingerprint(kind: claim.kind, rule: claim.ruleID, claim: claimPassage,
                                                     key: claim.key, evidence: [], pathBase: pathBase))
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
        case .accepted:
            // Only a sign-off turns a finding into `accepted`, and it keeps the contradiction's message.
            return "'\(claimText)' was accepted by an editor"
        }
    }

    /// Text with its line breaks and runs of blanks made single spaces, for one-line messages.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
