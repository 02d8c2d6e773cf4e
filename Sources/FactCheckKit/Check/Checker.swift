/// Checks drafts against a fact base: extracts the draft's claims, aligns each with the facts about the same
/// thing, and gives each a verdict with its evidence.
public struct Checker: Sendable {
    public let extractor: ClaimExtractor
    /// Where the facts come from: an in-memory `FactBase` or a `FactStore`.
    public let facts: any FactSource
    /// The folder that finding fingerprints name sources relative to (the configuration's folder), so that IDs
    /// do not depend on the folder factcheck runs in; nil keeps source paths as they are.
    public let pathBase: String?
    private let aligner: Aligner

    public init(extractor: ClaimExtractor, facts: any FactSource, pathBase: String? = nil) {
        self.extractor = extractor
        self.facts = facts
        self.pathBase = pathBase
        self.aligner = Aligner(facts: facts)
    }

    public init(extractor: ClaimExtractor, factBase: FactBase, pathBase: String? = nil) {
        self.init(extractor: extractor, facts: factBase, pathBase: pathBase)
    }

    /// How much better another claim of the draft must align with a fact before the fact is shown as that
    /// claim's evidence rather than this one's.
    static let claimedMargin = 0.05

    /// Checks one draft.
    /// - Parameters:
    ///   - draft: the draft.
    ///   - changes: when given, only the claims in these changed paragraphs are reported (every claim is still
    ///     aligned, so that evidence goes where it would without the filter).
    /// - Throws: `FactCheckError.extraction` when a rule fails on the draft, `.store` when the fact store
    ///   cannot be read.
    ///   - cancellation: looked at between claims; once cancelled, the check stops with `.cancelled`.
    public func check(_ draft: Document, changes: ParagraphChanges? = nil,
                      cancellation: CheckCancellation? = nil) throws(FactCheckError) -> DraftReport {
        let extracted: [Claim]
        do {
            extracted = try extractor.claims(in: draft)
        } catch {
            throw .extraction(error)
        }
        // Claims in paragraphs an editor silenced take no part: they neither get a verdict nor claim evidence.
        let silenced = IgnoreMarker.silencedRanges(in: draft)
        let claims = extracted.filter { claim in !silenced.contains { $0.overlaps(claim.span) } }
        // One consistent read of the base for the whole draft: its claims make hundreds of queries.
        let allFindings = try facts.readingConsistently { () throws(FactCheckError) -> [Finding] in
            try self.findings(for: claims, in: draft, cancellation: cancellation)
        }
        // IDs are given before the filter, so that a finding has the same ID in a partial report as in a full one.
        let findings = zip(claims, Self.identified(allFindings)).filter { claim, _ in changes?.contains(claim) ?? true }
            .map(\.1)
        return DraftReport(path: draft.path, findings: findings, text: draft.original.string,
                           ignoredClaims: extracted.count - claims.count)
    }

    /// Every claim's finding, in the claims' order, before IDs are given.
    private func findings(for claims: [Claim], in draft: Document,
                          cancellation: CheckCancellation?) throws(FactCheckError) -> [Finding] {
        var alignments: [[Alignment]] = []
        for claim in claims {
            if cancellation?.isCancelled == true { throw .cancelled }
            do {
                alignments.append(try aligner.alignments(for: claim))
            } catch {
                throw .store(error)
            }
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
            let (verdict, evidence) = try Comparator.verdict(
                for: alignments[claimIndex], measureIsKnown: Comparator.saysWhatItMeasures(claim),
                isClaimedElsewhere: { alignment in
                    guard let best = bestClaimForFact[alignment.factIndex] else { return false }
                    return best.claim != claimIndex && best.score > alignment.score + Self.claimedMargin
                },
                isRestatedRival: { (agreeing, refuting) throws(FactCheckError) -> Bool in
                    guard NearestWords.favour(refuting.fact.claim, over: agreeing.fact.claim, for: claim) else { return false }
                    let (one, other) = (try origin(of: agreeing.fact), try origin(of: refuting.fact))
                    return one.source == other.source && one.passage.sentence == other.passage.sentence
                })
            let claimPassage = Self.passage(of: claim, in: draft)
            var evidenceItems: [Evidence] = []
            for alignment in evidence {
                let origin = try origin(of: alignment.fact)
                evidenceItems.append(Evidence(source: origin.source, sourceDate: origin.sourceDate,
                                              passage: origin.passage, score: alignment.score,
                                              sharedTerms: alignment.sharedTerms))
            }
            findings.append(Finding(verdict: verdict, severity: verdict == .contradicted ? claim.severity : .info,
                                       kind: claim.kind, rule: claim.ruleID,
                                       message: message(verdict: verdict, claim: claim, claimText: quoted(claim, in: draft),
                                                        evidence: evidenceItems),
                                       claim: claimPassage, evidence: evidenceItems,
                                       fingerprint: ClaimFingerprint(kind: claim.kind, rule: claim.ruleID,
                                                                     claim: claimPassage, key: claim.key,
                                                                     evidence: evidenceItems, pathBase: pathBase)))
        }
        return findings
    }

    /// Where a fact comes from, a store's failure to say reported as the check's.
    private func origin(of fact: Fact) throws(FactCheckError) -> FactOrigin {
        do {
            return try facts.origin(of: fact)
        } catch {
            throw .store(error)
        }
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
    /// (a Thursday) is not, and no clock reads "500:30 am" (a rule of kind `ValueMacros.impossible`).
    private func selfContradiction(of claim: Claim, in draft: Document) -> Finding? {
        let message: String
        if claim.kind == ValueMacros.impossible {
            message = "\(claim.message): '\(quoted(claim, in: draft))'"
        } else if case let .date(date) = claim.value, date.weekdayContradictsDate,
                  let stated = date.weekday, let actual = date.calendarWeekday {
            let names = DateValue.weekdayNames
            let day = DateValue(year: date.year, month: date.month, day: date.day)
            message = "the draft's weekday contradicts its date: \(day) is a \(names[actual - 1]), not a \(names[stated - 1])"
        } else {
            return nil
        }
        let claimPassage = Self.passage(of: claim, in: draft)
        return Finding(verdict: .contradicted, severity: claim.severity, kind: claim.kind, rule: claim.ruleID,
                       message: message, claim: claimPassage, evidence: [],
                       fingerprint: ClaimFingerprint(kind: claim.kind, rule: claim.ruleID, claim: claimPassage,
                                                     key: claim.key, evidence: [], pathBase: pathBase))
    }

    /// A claim's text, value, location and sentence in its document (the original text, wherever HTML markup
    /// was removed from the readable one).
    static func passage(of claim: Claim, in document: Document) -> Passage {
        passage(of: claim, in: document, sentence: sentenceText(of: claim, in: document))
    }

    /// Past this many readable bytes, a passage carries the part of its sentence around the claim, not the whole:
    /// a "sentence" of 20,000 figures (a table pasted as one line) quoted whole by each of its claims made the
    /// work and the reports grow with the square of its length (issue 24: 9.6 GB for 120 KB).
    static let sentenceExcerptBytes = 480

    /// The readable text of a claim's sentence, or of the `sentenceExcerptBytes` around the claim in a longer
    /// sentence, marked "…" where cut.
    static func sentenceText(of claim: Claim, in document: Document) -> String {
        let sentence = document.sentences[claim.sentenceIndex].range
        guard sentence.count > sentenceExcerptBytes else { return document.readableText(of: sentence) }
        let readable = document.readable
        let half = sentenceExcerptBytes / 2
        var start = max(sentence.lowerBound, min(claim.span.lowerBound, sentence.upperBound) - half)
        var end = min(sentence.upperBound, max(claim.span.upperBound, start) + half)
        // Cut between characters, never inside one's UTF-8 bytes.
        while start > sentence.lowerBound, readable[start] & 0xC0 == 0x80 { start -= 1 }
        while end < sentence.upperBound, readable[end] & 0xC0 == 0x80 { end += 1 }
        return (start > sentence.lowerBound ? "… " : "") + document.readableText(of: start..<end)
            + (end < sentence.upperBound ? " …" : "")
    }

    /// `passage(of:in:)` given the readable text of the claim's sentence, which the claims of one sentence share.
    static func passage(of claim: Claim, in document: Document, sentence: String) -> Passage {
        let span = document.originalRange(of: claim.span)
        return Passage(text: document.original.text(of: span), value: claim.value,
                location: document.original.location(ofByte: span.lowerBound),
                length: document.original.scalarLength(of: span), sentence: sentence)
    }

    /// A claim as a message quotes it, on one line: as written, except that HTML is quoted as it reads
    /// ("12 years", not "12&nbsp;years" or "12</em> years").
    private func quoted(_ claim: Claim, in document: Document) -> String {
        document.format == .html ? document.readableText(of: claim.span)
            : Self.oneLine(document.original.text(of: document.originalRange(of: claim.span)))
    }

    /// The message of a finding. Evidence is quoted as its passage was written: a store keeps no readable text
    /// of its sources, so an HTML source is quoted with its markup.
    private func message(verdict: Verdict, claim: Claim, claimText: String, evidence: [Evidence]) -> String {
        switch verdict {
        case .contradicted:
            let sources = evidence.map { "'\(Self.oneLine($0.passage.text))' (\($0.source):\($0.passage.location.line))" }
            return "\(claim.message): draft says '\(claimText)'; the sources say " + sources.joined(separator: " or ")
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
