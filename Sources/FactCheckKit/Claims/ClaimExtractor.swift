/// Runs a rule set over a document and yields its claims, each with a normalized value, a key and the context
/// the aligner needs.
public struct ClaimExtractor: Sendable {
    public let ruleSet: RuleSet
    /// Where the patterns that open with a value macro can match: found once per document, not by every pattern.
    private let startFinder: FragmentStartFinder

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        startFinder = FragmentStartFinder(patterns: ruleSet.rules.flatMap(\.patterns))
    }

    /// A match that a value reader accepted, before overlaps between rules are settled.
    private struct Candidate {
        var rule: Rule
        var value: Value
        var span: Range<Int>
        var valueSpan: Range<Int>
        var sentenceIndex: Int
        var keyRanges: [Range<Int>?]
    }

    /// The claims of a document, in text order.
    /// - Parameter sentenceTokens: the words of each sentence, when the caller has them already (a fact base
    ///   tokenizes every sentence for its statistics); computed here otherwise.
    /// - Throws: `ExtractionError` when a pattern exceeds its match limits on this document.
    public func claims(in document: Document, sentenceTokens: [[Terms.Token]]? = nil) throws(ExtractionError) -> [Claim] {
        var scanner = PatternScanner()
        var starts = startFinder
        starts.find(in: document.readable)
        var candidates: [Candidate] = []
        let context = ReadingContext(documentDate: document.date)
        for rule in ruleSet.rules {
            guard let reader = ValueMacros.reader(forKind: rule.kind) else { continue }
            for pattern in rule.patterns {
                let matches: [PatternMatch]
                do {
                    matches = try scanner.matches(of: pattern, in: document.readable, startingWhere: starts)
                } catch {
                    var line: Int?
                    if case let .limitExceeded(_, byteOffset) = error {
                        line = document.originalLocation(ofReadableByte: byteOffset).line
                    }
                    throw ExtractionError(rule: rule.id, ruleFile: rule.file, document: document.path, line: line,
                                          underlying: error)
                }
                for match in matches {
                    guard var valueSpan = match.groups["value"], !valueSpan.isEmpty,
                          let sentenceIndex = sentenceIndex(containing: valueSpan, in: document.sentences)
                    else { continue }
                    let text = document.readableText(of: valueSpan)
                    guard !isPartOfName(valueSpan, in: document), var value = reader.read(text, context: context)
                    else { continue }
                    value = completed(value, documentDate: document.date)
                    var span = match.groups["claim"] ?? valueSpan
                    if let trimmed = withoutArticle(valueSpan, in: document, reading: value, with: reader, context: context) {
                        if span.lowerBound == valueSpan.lowerBound { span = trimmed.lowerBound..<span.upperBound }
                        valueSpan = trimmed
                    }
                    // "at 6:55 PM." — the sentence's period is not part of the time.
                    if valueSpan.count > 1, document.readable[valueSpan.upperBound - 1] == UInt8(ascii: "."),
                       let reread = reader.read(document.readableText(of: valueSpan.lowerBound..<(valueSpan.upperBound - 1)), context: context),
                       completed(reread, documentDate: document.date) == value {
                        if span.upperBound == valueSpan.upperBound { span = span.lowerBound..<(span.upperBound - 1) }
                        valueSpan = valueSpan.lowerBound..<(valueSpan.upperBound - 1)
                    }
                    candidates.append(Candidate(rule: rule, value: value, span: span, valueSpan: valueSpan,
                                                sentenceIndex: sentenceIndex, keyRanges: rule.key.map { match.groups[$0] }))
                }
            }
        }
        let accepted = resolveOverlaps(candidates)
        let valueSpans = accepted.map(\.valueSpan)
        var sentences = SentenceCache(document: document, lexicon: ruleSet.lexicon, valueSpans: valueSpans,
                                      tokens: sentenceTokens)
        return accepted.map { candidate in
            let (tokens, names) = sentences.tokensAndNames(of: candidate.sentenceIndex)
            let references = sentences.references(in: candidate.sentenceIndex)
            let features = features(of: candidate.valueSpan, tokens: tokens, names: names, references: references,
                                    valueSpans: valueSpans)
            var span = candidate.span
            var key: [String] = []
            var keyWords: [String] = []
            for range in candidate.keyRanges.compactMap({ $0 }) {
                // In a compound ("two-stage speech enhancement", "30-day trial") the word joined to the number is
                // what is counted.
                let isCompound = range.lowerBound > 0 && document.readable[range.lowerBound - 1] == UInt8(ascii: "-")
                guard let head = headWord(in: range, of: document, compound: isCompound) else { continue }
                key.append(ruleSet.lexicon.canonical(Terms.stem(head.text.lowercased())))
                keyWords.append(Terms.stem(head.text.lowercased()))
                // "18 prisoners go": the claim ends with what it counts.
                if range.upperBound == span.upperBound, head.range.upperBound > span.lowerBound {
                    span = span.lowerBound..<head.range.upperBound
                }
            }
            if key.isEmpty, let word = candidate.rule.keyWord {
                keyWords = [Terms.stem(word.lowercased())]
                key = [ruleSet.lexicon.canonical(keyWords[0])]
            }
            // "won't be more than twelve dot fifty Euros" states a bound, the other way round.
            var value = candidate.value
            var assertion = features.assertion
            if assertion == .negated, let bound = value.deniedBound {
                value = bound
                assertion = .stated
            }
            return Claim(ruleID: candidate.rule.id, kind: candidate.rule.kind, severity: candidate.rule.severity,
                         message: candidate.rule.message, value: value, span: span,
                         valueSpan: candidate.valueSpan, sentenceIndex: candidate.sentenceIndex, key: key,
                         keyWords: keyWords, context: features.context, words: features.words,
                         entities: features.entities, names: features.names, people: features.people,
                         event: features.event, assertion: assertion)
        }
    }

    /// The value span without a leading article ("a 60-day" → "60-day"), when the rest reads as the same value.
    private func withoutArticle(_ span: Range<Int>, in document: Document, reading value: Value,
                                with reader: any ValueReader.Type, context: ReadingContext) -> Range<Int>? {
        for article in ["a ", "an ", "the "] {
            let length = article.utf8.count
            guard span.count > length,
                  document.readableText(of: span.lowerBound..<(span.lowerBound + length)).lowercased() + " " == article
            else { continue }
            let trimmed = (span.lowerBound + length)..<span.upperBound
            let rest = document.readableText(of: trimmed)
            if let reread = reader.read(rest, context: context), completed(reread, documentDate: document.date) == value {
                return trimmed
            }
        }
        return nil
    }

    /// Keeps, among matches whose values overlap, the one of the higher-priority rule, then the longer value.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ranked = candidates.sorted {
            if $0.rule.priority != $1.rule.priority { return $0.rule.priority > $1.rule.priority }
            if $0.valueSpan.count != $1.valueSpan.count { return $0.valueSpan.count > $1.valueSpan.count }
            return $0.valueSpan.lowerBound < $1.valueSpan.lowerBound
        }
        var accepted: [Candidate] = []
        for candidate in ranked where !accepted.contains(where: { $0.valueSpan.overlaps(candidate.valueSpan) }) {
            accepted.append(candidate)
        }
        return accepted.sorted { $0.valueSpan.lowerBound < $1.valueSpan.lowerBound }
    }

    /// Context terms weighted by distance (in words) from the value, the names in the sentence (with those that
    /// its pronouns and surnames refer to), and whether the claim's clause states, denies or supposes. Words inside
    /// any claim's value are not context: they are what a draft may have changed.
    private func features(of valueSpan: Range<Int>, tokens: [Terms.Token], names: SentenceNames,
                          references: [SentenceCache.Reference], valueSpans: [Range<Int>])
        -> (context: [String: Double], words: [String: String], entities: [String], names: Set<String>,
            people: Set<String>, event: String?, assertion: Assertion) {
        let valueTokenIndexes = tokens.indices.filter { tokens[$0].range.overlaps(valueSpan) }
        let first = valueTokenIndexes.first ?? tokens.firstIndex { $0.range.lowerBound >= valueSpan.upperBound } ?? tokens.count
        let last = valueTokenIndexes.last ?? first - 1
        var context: [String: Double] = [:]
        var words: [String: String] = [:]
        let clauses = clauseIndexes(of: tokens)
        let claimClause = clauses[min(first, max(0, tokens.count - 1))]
        // Words in another clause count as farther away: in "16 prisoners were released, and 1,300 may be
        // freed", "freed" belongs to 1,300.
        func weight(at index: Int) -> Double {
            let distance = (index < first ? first - index : max(0, index - last))
                + Self.clauseDistance * abs(clauses[index] - claimClause)
            return 1 / (1 + Double(distance) / Self.halfWeightDistance)
        }
        func add(_ term: String, weight: Double, word: String) {
            if weight > context[term] ?? 0 {
                context[term] = weight
                words[term] = word
            }
        }
        for (index, token) in tokens.enumerated() {
            let insideAValue = valueSpans.contains { $0.overlaps(token.range) }
            guard !insideAValue, !token.hasDigit, let term = Terms.term(token.text, lexicon: ruleSet.lexicon) else {
                continue
            }
            // Names pin a claim to its subject: "Zenkovich" says more than "sentenced".
            add(term, weight: weight(at: index) * (token.isCapitalized ? Self.nameWeight : 1), word: token.text)
        }
        // What an alias, a pronoun or a surname stands for counts where it stands: "the Kremlin leader" is Putin,
        // "He" the person the sentence before named.
        var nameTerms = names.nameTerms(lexicon: ruleSet.lexicon)
        var people = Set(names.mentions.filter { $0.titled && $0.isFullName }.flatMap { $0.terms(lexicon: ruleSet.lexicon).map(\.term) })
        let aliases = names.mentions.filter(\.isAlias).map {
            SentenceCache.Reference(token: $0.tokens.lowerBound, mention: $0, isPronoun: true)
        }
        for reference in references + aliases {
            let referenceWeight = weight(at: reference.token) * Self.nameWeight
            for (term, word) in reference.mention.terms(lexicon: ruleSet.lexicon) {
                if reference.isPronoun { add(term, weight: referenceWeight, word: word) }
                nameTerms.insert(term)
                if reference.mention.titled { people.insert(term) }
            }
        }
        let clause = tokens.indices.filter { clauses[$0] == claimClause }
        let isValue = { (index: Int) in valueSpans.contains { $0.overlaps(tokens[index].range) } }
        let assertion = Assertion.of(clause: clause, tokens: tokens, excluding: isValue)
        let event = clause.filter { !isValue($0) }
            .compactMap { index in
                Terms.term(tokens[index].text, lexicon: ruleSet.lexicon).flatMap { term in
                    ruleSet.lexicon.events.contains(term) ? (term, index < first ? first - index : index - last) : nil
                }
            }
            .min { $0.1 < $1.1 }?.0
        return (context, words, names.entities, nameTerms, people, event, assertion)
    }

    /// How much more a capitalized word (a name) weighs in a claim's context than another word.
    static let nameWeight = 1.5

    /// Extra words of distance for each clause boundary between a context word and the claim: words across a
    /// comma or an "and" mostly speak about something else.
    static let clauseDistance = 10
    /// Longest opening phrase, in words, read as introducing the clause after its comma.
    static let introductoryPhraseLength = 4
    /// Words of distance at which a context word's weight halves.
    static let halfWeightDistance = 2.0

    /// For each token, how many clause boundaries precede it in the sentence: punctuation marks (see
    /// `Terms.Token.precedingMark`) and the conjunctions "and", "but", "while", "whereas".
    private func clauseIndexes(of tokens: [Terms.Token]) -> [Int] {
        var indexes: [Int] = []
        var clause = 0
        for (index, token) in tokens.enumerated() {
            if index > 0, token.precedingMark != nil { clause += 1 }
            if ["and", "but", "while", "whereas"].contains(token.text.lowercased()) { clause += 1 }
            indexes.append(clause)
        }
        // A short introductory phrase belongs to the clause it introduces: in "In January, another American was
        // released", January dates the release.
        if let firstBreak = tokens.indices.dropFirst().first(where: { indexes[$0] > 0 }),
           firstBreak <= Self.introductoryPhraseLength, tokens[firstBreak].precedingMark == UInt8(ascii: ",") {
            for index in 0..<firstBreak { indexes[index] = indexes[firstBreak] }
        }
        return indexes
    }

    /// The head word of a key group: the first plural-looking word ("red roses" → roses), else the last word.
    private func headWord(in range: Range<Int>, of document: Document, compound: Bool) -> Terms.Token? {
        let words = Terms.tokens(in: document.readable, range: range).filter {
            !Terms.stopWords.contains($0.text.lowercased())
        }
        if compound { return words.first }
        let plurals: Set<String> = ["people", "children", "men", "women", "staff", "police", "personnel", "troops"]
        return words.first {
            let word = $0.text.lowercased()
            return plurals.contains(word) || (word.hasSuffix("s") && !word.hasSuffix("ss"))
        } ?? words.last
    }

    /// A number in words with a capital letter right after a capitalized word is part of a name ("Capital One",
    /// "Formula One"), not a count.
    private func isPartOfName(_ span: Range<Int>, in document: Document) -> Bool {
        let first = document.readable[span.lowerBound]
        guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"),
              let word = Terms.tokens(in: document.readable, range: span).first?.text.lowercased(),
              NumberWords.units[word] != nil || NumberWords.tens[word] != nil
        else { return false }
        var end = span.lowerBound
        while end > 0, document.readable[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end < span.lowerBound else { return false }
        var start = end
        while start > 0, document.readable[start - 1] >= UInt8(ascii: "A") { start -= 1 }
        let previous = Terms.tokens(in: document.readable, range: start..<end).last
        return previous?.isCapitalized == true && previous?.hasDigit == false
    }

    /// Completes a partial date with the document's year: in a dated article, "August 15" means that year's.
    private func completed(_ value: Value, documentDate: DateValue?) -> Value {
        guard case var .date(date) = value, date.year == nil, date.month != nil, let year = documentDate?.year else {
            return value
        }
        date.year = year
        return .date(date)
    }

    private func sentenceIndex(containing span: Range<Int>, in sentences: [Sentence]) -> Int? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = sentences[middle].range
            if span.lowerBound < range.lowerBound {
                high = middle - 1
            } else if span.lowerBound >= range.upperBound {
                low = middle + 1
            } else {
                return span.upperBound <= range.upperBound ? middle : nil
            }
        }
        return nil
    }
}
