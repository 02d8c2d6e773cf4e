/// Runs a rule set over a document and yields its claims, each with a normalized value, a key and the context
/// the aligner needs.
public struct ClaimExtractor: Sendable {
    public let ruleSet: RuleSet
    /// Where the patterns that open with a value macro can match: found once per document, not by every pattern.
    /// One finder per worker, kept across documents, so that its position lists keep their room and it reads
    /// the required literals' table once.
    private let startFinders: LendingPool<FragmentStartFinder>

    /// Word readings kept across documents for a fact base's statistics (`DocumentFacts`), one per worker.
    let wordReadings: LendingPool<WordReadings>
    /// Value readings kept across documents, one cache per worker.
    private let valueReads: LendingPool<ValueReadCache>
    /// The rules that read values, with their indexes in the rule set and their readers: the rules whose patterns
    /// are matched, in rule order. Listed once, not for every document.
    private let valueRules: [(index: Int, rule: Rule, reader: any ValueReader.Type)]
    /// How many patterns `valueRules` have: the length of a document's `PatternMatches`.
    private let valuePatternCount: Int

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        valueRules = ruleSet.rules.enumerated().compactMap { index, rule in
            ValueMacros.reader(forKind: rule.kind).map { (index, rule, $0) }
        }
        valuePatternCount = valueRules.reduce(0) { $0 + $1.rule.patterns.count }
        let lexicon = ruleSet.lexicon
        wordReadings = LendingPool { WordReadings(lexicon: lexicon) }
        valueReads = LendingPool { ValueReadCache(context: ReadingContext()) }
        let startFinder = FragmentStartFinder(patterns: ruleSet.rules.flatMap(\.patterns))
        startFinders = LendingPool { startFinder }
    }

    /// A match that a value reader accepted, before overlaps between rules are settled.
    fileprivate struct Candidate {
        /// The rule's index in the rule set (`RuleSet.rules`).
        var ruleIndex: Int
        var value: Value
        var span: Range<Int>
        var valueSpan: Range<Int>
        var sentenceIndex: Int
        var keyRanges: [Range<Int>?]
    }

    /// The values a document's patterns matched and its value readers accepted, overlaps settled, in text order:
    /// its claims before their sentences are read.
    struct ValueMatches {
        fileprivate let accepted: [Candidate]

        /// The index of the sentence of each match, in text order (so ascending, with repeats).
        var sentenceIndexes: [Int] { accepted.map(\.sentenceIndex) }
    }

    /// The claims of a document, in text order.
    /// - Parameter keepingWords: whether each claim keeps the word each of its context terms was read from
    ///   (`Claim.words`), which explains a draft claim's alignment; a source's claims (facts) never use them.
    /// - Throws: `ExtractionError` when a pattern exceeds its match limits on this document.
    public func claims(in document: Document, keepingWords: Bool = true) throws(ExtractionError) -> [Claim] {
        claims(in: document, from: try valueMatches(in: document), keepingWords: keepingWords)
    }

    /// The claims of `matches`, the value matches of `document`, in text order.
    /// - Parameters:
    ///   - sentenceWords: the words of sentences the caller has read already (a fact base reads every sentence
    ///     for its statistics), by sentence index; nil entries, and sentences past the end, are read here.
    ///   - keepingWords: see `claims(in:keepingWords:)`.
    func claims(in document: Document, from matches: ValueMatches, sentenceWords: [SentenceWords?] = [],
                keepingWords: Bool) -> [Claim] {
        let accepted = matches.accepted
        let valueSpans = accepted.map(\.valueSpan)
        var sentences = SentenceCache(document: document, lexicon: ruleSet.lexicon, valueSpans: valueSpans,
                                      words: sentenceWords)
        let rules = ruleSet.rules
        return accepted.map { candidate in
            let rule = rules[candidate.ruleIndex]
            let sentence = sentences.sentence(candidate.sentenceIndex)
            let features = features(of: candidate.valueSpan, in: sentence, keepingWords: keepingWords)
            var span = candidate.span
            var key: [String] = []
            var keyWords: [String] = []
            for range in candidate.keyRanges.compactMap({ $0 }) {
                // In a compound ("two-stage speech enhancement", "30-day trial") the word joined to the number is
                // what is counted.
                let isCompound = range.lowerBound > 0 && document.readable[range.lowerBound - 1] == UInt8(ascii: "-")
                guard let head = headWord(in: range, of: document, compound: isCompound) else { continue }
                let stemmed = Terms.stem(head.text.lowercased())
                key.append(ruleSet.lexicon.canonical(stemmed))
                keyWords.append(stemmed)
                // "18 prisoners go": the claim ends with what it counts.
                if range.upperBound == span.upperBound, head.range.upperBound > span.lowerBound {
                    span = span.lowerBound..<head.range.upperBound
                }
            }
            if key.isEmpty, let word = rule.keyWord {
                keyWords = [Terms.stem(word.lowercased())]
                key = [ruleSet.lexicon.canonical(keyWords[0])]
            }
            let relatedKeys = key.count == 1 ? ruleSet.lexicon.relatedTerms(of: key[0]).map { [$0] } : []
            // "won't be more than twelve dot fifty Euros" states a bound, the other way round.
            var value = candidate.value
            var assertion = features.assertion
            if assertion == .negated, let bound = value.deniedBound {
                value = bound
                assertion = .stated
            }
            return Claim(ruleID: rule.id, kind: rule.kind, severity: rule.severity, message: rule.message,
                         value: value, span: span, valueSpan: candidate.valueSpan,
                         sentenceIndex: candidate.sentenceIndex, key: key, keyWords: keyWords,
                         relatedKeys: relatedKeys, context: features.context, words: features.words,
                         entities: sentence.names.entities, names: sentence.nameTerms, people: sentence.people,
                         event: features.event, assertion: assertion, isComparisonBase: features.isComparisonBase,
                         nearTerms: features.nearTerms)
        }
    }

    /// The value matches of a document (see `ValueMatches`).
    /// - Throws: `ExtractionError` when a pattern exceeds its match limits on this document.
    func valueMatches(in document: Document) throws(ExtractionError) -> ValueMatches {
        valueMatches(in: document, from: try patternMatches(in: [document])[0].get())
    }

    /// What every pattern of the rules that read values matched in a document, before the matches are read:
    /// `patternMatches(in:)` finds them, `valueMatches(in:from:)` reads them.
    struct PatternMatches: Sendable {
        /// For each such pattern, in rule order and each rule's pattern order, its matches in text order.
        let byPattern: [[PatternMatch]]
    }

    /// The matches of every value rule's patterns in each of `documents` (see `PatternMatches`), or the error of
    /// the first pattern, in rule order, that failed on a document.
    ///
    /// Pattern by pattern over all the documents, rather than document by document: the JIT code of the rule
    /// patterns (4.2 MB for the bundled rules) is far larger than a core's cache, and a pattern's code stays in
    /// it while that pattern is tried on every document of the batch. `factcheck-bench scan` of 10,000 archive
    /// documents, one thread: 22.3 MB/s document by document, 27.6 MB/s in batches of 256; in a whole build the
    /// other work of each document evicts the patterns' code too, and batches of 256 took 29% off its CPU time
    /// (`FactStore.maximumChunk`).
    func patternMatches(in documents: [Document]) -> [Result<PatternMatches, ExtractionError>] {
        var scanner = PatternScanner()
        var finder = startFinders.borrow()
        defer { startFinders.giveBack(finder) }
        // Each document's starts, kept while the other documents are searched for theirs.
        let starts = documents.map { document in
            finder.find(in: document.readable)
            return finder
        }
        var byPattern = [[[PatternMatch]]](repeating: [], count: documents.count)
        var failures = [ExtractionError?](repeating: nil, count: documents.count)
        for (_, rule, _) in valueRules {
            for pattern in rule.patterns {
                for (index, document) in documents.enumerated() where failures[index] == nil {
                    do throws(PatternError) {
                        byPattern[index].append(try scanner.matches(of: pattern, in: document.readable,
                                                                    startingWhere: starts[index]))
                    } catch {
                        var line: Int?
                        if case let .limitExceeded(_, byteOffset) = error {
                            line = document.originalLocation(ofReadableByte: byteOffset).line
                        }
                        failures[index] = ExtractionError(rule: rule.id, ruleFile: rule.file, document: document.path,
                                                          line: line, underlying: error)
                    }
                }
            }
        }
        return documents.indices.map { index in
            if let failure = failures[index] { return .failure(failure) }
            return .success(PatternMatches(byPattern: byPattern[index]))
        }
    }

    /// The value matches of `document`, read from what its patterns matched (`patternMatches(in:)`).
    /// - Precondition: `patternMatches` came from this extractor's rules.
    func valueMatches(in document: Document, from patternMatches: PatternMatches) -> ValueMatches {
        precondition(patternMatches.byPattern.count == valuePatternCount, "pattern matches of other rules")
        var candidates: [Candidate] = []
        // A text matched by several patterns or rules, or met in an earlier document, is read once.
        var reads = valueReads.borrow()
        defer { valueReads.giveBack(reads) }
        reads.startDocument(context: ReadingContext(documentDate: document.date))
        var byPattern = patternMatches.byPattern.makeIterator()
        for (ruleIndex, rule, reader) in valueRules {
            for _ in rule.patterns {
                for match in byPattern.next()! {
                    guard var valueSpan = match.groups["value"], !valueSpan.isEmpty,
                          let sentenceIndex = sentenceIndex(containing: valueSpan, in: document.sentences)
                    else { continue }
                    let text = document.readableText(of: valueSpan)
                    guard !isPartOfName(valueSpan, in: document), var value = reads.read(text, with: reader)
                    else { continue }
                    value = completed(value, documentDate: document.date)
                    var span = match.groups["claim"] ?? valueSpan
                    if let trimmed = withoutArticle(valueSpan, in: document, reading: value, with: reader, reads: &reads) {
                        if span.lowerBound == valueSpan.lowerBound { span = trimmed.lowerBound..<span.upperBound }
                        valueSpan = trimmed
                    }
                    // "at 6:55 PM." — the sentence's period is not part of the time.
                    if valueSpan.count > 1, document.readable[valueSpan.upperBound - 1] == UInt8(ascii: "."),
                       let reread = reads.read(document.readableText(of: valueSpan.lowerBound..<(valueSpan.upperBound - 1)), with: reader),
                       completed(reread, documentDate: document.date) == value {
                        if span.upperBound == valueSpan.upperBound { span = span.lowerBound..<(span.upperBound - 1) }
                        valueSpan = valueSpan.lowerBound..<(valueSpan.upperBound - 1)
                    }
                    candidates.append(Candidate(ruleIndex: ruleIndex, value: value, span: span, valueSpan: valueSpan,
                                                sentenceIndex: sentenceIndex, keyRanges: rule.key.map { match.groups[$0] }))
                }
            }
        }
        datingBareQuarters(&candidates, in: document)
        // Figures that state nothing ("Route 66") keep their text from other rules, then leave.
        return ValueMatches(accepted: resolveOverlaps(candidates).filter {
            ruleSet.rules[$0.ruleIndex].kind != ValueMacros.notAClaim
        })
    }

    /// Gives the document's bare quarters ("third quarter", an ordinal) the year its dated quarters name most
    /// often (see `ReportingYear`); they become dates, compared as "the third quarter of 2020" is.
    private func datingBareQuarters(_ candidates: inout [Candidate], in document: Document) {
        let periods = candidates.compactMap { candidate -> DateValue? in
            if case let .date(date) = candidate.value { date } else { nil }
        }
        guard let year = ReportingYear.year(ofQuarters: periods) else { return }
        for index in candidates.indices {
            guard case let .ordinal(position) = candidates[index].value, (1...4).contains(position),
                  let keyRange = candidates[index].keyRanges.first ?? nil,
                  document.readableText(of: keyRange).lowercased() == "quarter" else { continue }
            let end = keyRange.upperBound
            let following = document.readableText(of: end..<min(end + 32, document.readable.count))
            guard let offset = ReportingYear.yearOffset(after: following) else { continue }
            candidates[index].value = .date(DateValue(year: year + offset, quarter: position))
            // A date, it is keyed as dates are: by nothing.
            candidates[index].keyRanges = []
        }
    }

    /// The value span without a leading article ("a 60-day" → "60-day"), when the rest reads as the same value.
    private func withoutArticle(_ span: Range<Int>, in document: Document, reading value: Value,
                                with reader: any ValueReader.Type, reads: inout ValueReadCache) -> Range<Int>? {
        // Only a span that starts with an article's first letter, or with a blank (which the readable text
        // drops), can start with an article.
        switch document.readable[span.lowerBound] {
        case UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             0x20, 0x0A, 0x0D, 0x09: break
        default: return nil
        }
        for article in ["a ", "an ", "the "] {
            let length = article.utf8.count
            guard span.count > length,
                  document.readableText(of: span.lowerBound..<(span.lowerBound + length)).lowercased() + " " == article
            else { continue }
            let trimmed = (span.lowerBound + length)..<span.upperBound
            let rest = document.readableText(of: trimmed)
            if let reread = reads.read(rest, with: reader), completed(reread, documentDate: document.date) == value {
                return trimmed
            }
        }
        return nil
    }

    /// Keeps, among matches whose values overlap, the one of the higher-priority rule, then the longer value.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        // Indexes are sorted rather than the candidates, which are large: a sort moves each many times.
        let keys = candidates.map { (priority: ruleSet.rules[$0.ruleIndex].priority, span: $0.valueSpan) }
        let ranked = keys.indices.sorted {
            if keys[$0].priority != keys[$1].priority { return keys[$0].priority > keys[$1].priority }
            if keys[$0].span.count != keys[$1].span.count { return keys[$0].span.count > keys[$1].span.count }
            return keys[$0].span.lowerBound < keys[$1].span.lowerBound
        }
        // The bytes the accepted values take, so that a candidate is tested against its own bytes rather than
        // against every value accepted before (which grew with the square of a document's figures: issue 24).
        // An empty span overlaps nothing, as in `Range.overlaps`.
        let base = keys.lazy.map(\.span.lowerBound).min() ?? 0
        var taken = [Bool](repeating: false, count: (keys.lazy.map(\.span.upperBound).max() ?? base) - base)
        var accepted: [Int] = []
        for candidate in ranked {
            let span = (keys[candidate].span.lowerBound - base)..<(keys[candidate].span.upperBound - base)
            guard !taken[span].contains(true) else { continue }
            for index in span { taken[index] = true }
            accepted.append(candidate)
        }
        return accepted.sorted { keys[$0].span.lowerBound < keys[$1].span.lowerBound }.map { candidates[$0] }
    }

    /// Context terms weighted by distance (in words) from the value, the event the claim's clause names, and whether
    /// that clause states, denies or supposes. Words inside any claim's value are not context: they are what a
    /// draft may have changed. The names of the sentence, the same for each of its claims, are in `sentence`.
    private func features(of valueSpan: Range<Int>, in sentence: ClaimSentence, keepingWords: Bool)
        -> (context: [String: Double], words: [String: String], event: String?, assertion: Assertion,
            isComparisonBase: Bool, nearTerms: [String]) {
        let tokens = sentence.words.tokens
        let clauses = sentence.clauses
        let isValue = sentence.isValue
        var firstValueToken: Int?
        var lastValueToken: Int?
        var firstAfterValue: Int?
        // Through a buffer pointer: reading a field of an array's element copied the whole token (and retained
        // its text) each time.
        tokens.withUnsafeBufferPointer { tokens in
            // Tokens run in text order: those ending at or before the value (a binary search finds where they
            // stop) neither overlap it nor follow it. Looking at each token for each claim grew with the square
            // of a sentence's figures (issue 24).
            var low = 0, high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].range.upperBound <= valueSpan.lowerBound { low = middle + 1 } else { high = middle }
            }
            for index in low..<tokens.count {
                let range = tokens[index].range
                if range.overlaps(valueSpan) {
                    if firstValueToken == nil { firstValueToken = index }
                    lastValueToken = index
                } else if range.lowerBound >= valueSpan.upperBound {
                    firstAfterValue = index
                    break
                }
            }
        }
        let first = firstValueToken ?? firstAfterValue ?? tokens.count
        let last = lastValueToken ?? first - 1
        let claimClause = clauses[min(first, max(0, tokens.count - 1))]
        // Context, event and assertion are read within `contextReach` tokens of the value.
        let reach = max(0, first - Self.contextReach)..<min(tokens.count, max(first, last + 1) + Self.contextReach)
        func distance(to index: Int) -> Int {
            index < first ? first - index : index - last
        }
        // Words in another clause count as farther away: in "16 prisoners were released, and 1,300 may be
        // freed", "freed" belongs to 1,300.
        func weight(at index: Int) -> Double {
            let distance = (index < first ? first - index : max(0, index - last))
                + Self.clauseDistance * abs(clauses[index] - claimClause)
            return 1 / (1 + Double(distance) / Self.halfWeightDistance)
        }
        // Each term weighs as its nearest occurrence (the first of equals), by index into `contextTerms`. The word
        // it was read from is kept as where it is (a token's index; a stand-in's as -1 - the place of its word in
        // `standInWords`), so that choosing a word copies no String.
        // Each term's weight and the place of its word, in one array: one allocation per claim, not two.
        var weights = [(weight: Double, word: Int)](repeating: (0, 0), count: sentence.contextTerms.count)
        let contextTermIndexes = sentence.contextTermIndexes
        tokens.withUnsafeBufferPointer { tokens in
            for index in reach {
                guard let term = contextTermIndexes[index] else { continue }
                // Names pin a claim to its subject: "Zenkovich" says more than "sentenced".
                let tokenWeight = weight(at: index) * (tokens[index].isCapitalized ? Self.nameWeight : 1)
                if tokenWeight > weights[term].weight { weights[term] = (tokenWeight, index) }
            }
        }
        var standInWord = 0
        for standIn in sentence.standIns {
            guard reach.contains(standIn.token) else {
                standInWord += standIn.terms.count
                continue
            }
            let standInWeight = weight(at: standIn.token) * Self.nameWeight
            for (term, _) in standIn.terms {
                if standInWeight > weights[term].weight { weights[term] = (standInWeight, -1 - standInWord) }
                standInWord += 1
            }
        }
        // "sales and profit rose 7% and 12% respectively": the figure is about its own item, at the weight of a
        // word beside it, and not about the others.
        if let (own, others) = RespectiveItems.items(forValueFrom: first, through: last,
                                                     word: { tokens[$0].text.lowercased() }, isValue: isValue) {
            for other in others {
                if let term = contextTermIndexes[other] { weights[term].weight = 0 }
            }
            if let term = contextTermIndexes[own] {
                weights[term] = (tokens[own].isCapitalized ? Self.nameWeight : 1, own)
            }
        }
        func word(at place: Int) -> String {
            place >= 0 ? tokens[place].text : sentence.standInWords[-1 - place]
        }
        let context: [String: Double]
        let words: [String: String]
        if !weights.contains(where: { !($0.weight > 0) }) {
            // Every term is weighed (each comes from a token or a stand-in, and every place weighs more than
            // nothing): the sentence's term → index table, its values mapped, without hashing a term again.
            context = sentence.contextTermIndex.mapValues { weights[$0].weight }
            words = keepingWords ? sentence.contextTermIndex.mapValues { word(at: weights[$0].word) } : [:]
        } else {
            var someContext = [String: Double](minimumCapacity: weights.count)
            var someWords = [String: String](minimumCapacity: keepingWords ? weights.count : 0)
            for (index, term) in sentence.contextTerms.enumerated() where weights[index].weight > 0 {
                someContext[term] = weights[index].weight
                if keepingWords { someWords[term] = word(at: weights[index].word) }
            }
            context = someContext
            words = someWords
        }
        // Clause numbers never fall along a sentence (`ClaimSentence.clauses`): a clause is a run of tokens.
        var clauseStart = min(first, max(0, tokens.count - 1))
        while clauseStart > reach.lowerBound, clauses[clauseStart - 1] == claimClause { clauseStart -= 1 }
        var clauseEnd = clauseStart
        while clauseEnd < reach.upperBound, clauses[clauseEnd] == claimClause { clauseEnd += 1 }
        let clause = clauseStart..<clauseEnd
        let assertion = Assertion.of(clause: clause, in: sentence.words, cues: sentence.assertionCues, isValue: isValue)
        // The nearest event word; of two as near, the first.
        var event: (term: String, distance: Int)?
        for index in clause where !isValue[index] {
            guard let term = sentence.eventTerms[index] else { continue }
            if event == nil || distance(to: index) < event!.distance { event = (term, distance(to: index)) }
        }
        let isComparisonBase = ComparisonBase.isBase(at: first, word: { tokens[$0].text.lowercased() }, isValue: isValue)
        // The context words right beside the value, in its clause: what tells it from the other figures of its
        // sentence (`NearestWords`).
        var nearTerms: Set<String> = []
        for index in max(0, first - Self.nearReach)..<min(tokens.count, max(first, last + 1) + Self.nearReach)
        where !isValue[index] && clauses[index] == claimClause {
            if let term = contextTermIndexes[index] { nearTerms.insert(sentence.contextTerms[term]) }
        }
        return (context, words, event?.term, assertion, isComparisonBase, nearTerms.sorted())
    }

    /// How many tokens on either side of a value are beside it (`Claim.nearTerms`).
    static let nearReach = 2

    /// Bumped whenever a change in code (not in the rule files) changes the claims read from a text: their values,
    /// keys or context terms. It is part of a store's fingerprint (`FactStore.fingerprint(of:)`), so a base built
    /// by an older factcheck is rebuilt rather than aligned by readings that no longer hold.
    public static let readingsVersion = 1

    /// How much more a capitalized word (a name) weighs in a claim's context than another word.
    static let nameWeight = 1.5

    /// How many tokens on either side of a value its context, event and assertion are read from. A word 200
    /// tokens away weighs under 1% of one beside the value (`halfWeightDistance`), and news sentences are far
    /// shorter; the reach keeps a line of thousands of figures (a pasted table) from costing each figure the
    /// whole line (issue 24).
    static let contextReach = 200

    /// Extra words of distance for each clause boundary between a context word and the claim: words across a
    /// comma or an "and" mostly speak about something else.
    static let clauseDistance = 10
    /// Words of distance at which a context word's weight halves.
    static let halfWeightDistance = 2.0

    /// The head word of a key group: the first plural-looking word ("red roses" → roses), else the last word.
    private func headWord(in range: Range<Int>, of document: Document, compound: Bool) -> Terms.Token? {
        let words = Terms.tokens(in: document.readable, range: range).filter {
            !Terms.stopWords.contains($0.text.lowercased())
        }
        if compound { return words.first }
        return words.first {
            let word = $0.text.lowercased()
            return Self.irregularPlurals.contains(word) || (word.hasSuffix("s") && !word.hasSuffix("ss"))
        } ?? words.last
    }

    /// Plural nouns that do not end in s, for `headWord`.
    private static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "staff", "police", "personnel", "troops",
    ]

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
