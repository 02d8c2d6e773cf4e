import Foundation

/// Rules, fact base and checker, loaded once from a configuration and shared by every draft of a run (and, for
/// the server, by every request).
public struct CheckSession: Sendable {
    /// Where a session's facts come from.
    public enum FactsFrom: Sendable {
        /// An in-memory base extracted from the configuration's baseline on every run (`--baseline`, tests).
        case memory
        /// The configuration's store (`factbase`), created or refreshed from its baseline first.
        case refreshedStore
        /// A store used as it is, without looking at the sources (`--factbase`): the fast path for a hook.
        case store(path: String)
        /// A store opened by the caller, used as it is: one FactCheckKit does not open itself (a PostgreSQL
        /// fact base, from its own module). Given the session's rules, it opens the store and checks that they
        /// built it.
        case opened(@Sendable (RuleSet) throws(FactCheckError) -> any FactSource)
    }

    /// When the rules' patterns are JIT-compiled. PCRE2's JIT turns them into machine code, which takes some 270
    /// million instructions (a third of a `factcheck check` of one draft against a store); interpreted, they match
    /// more slowly, which pays off only past some hundreds of KB of text (`jitThreshold`).
    public enum JITPolicy: Sendable {
        /// When the rules are loaded: for a session that serves many drafts, or several threads at once
        /// (`factcheck serve`).
        case always
        /// Only before more than `jitThreshold` bytes are read at once: a large baseline or batch of drafts, a
        /// store to create or refresh. For a session used by one thread at a time (the command line, the hook).
        case byVolume
    }

    /// Past this many bytes of text read at once, a `byVolume` session JIT-compiles its rules first. A check of
    /// the archive's documents joined as one draft (release builds, CLI, against the benchmark store) took 409 ms
    /// interpreted and 483 ms with the JIT for 118 KB, 1.353 and 1.293 s for 464 KB.
    public static let jitThreshold = 256 * 1024

    public let configuration: Configuration
    public let ruleSet: RuleSet
    /// The newsroom's own report templates (`templates` in factcheck.yml), read and validated when the session
    /// starts, so that a broken house style fails the run before any checking; nil for the built-in templates.
    public let customTemplates: HTMLTemplates?
    /// Baseline files left out because they are drafts being checked (`--baseline .` names the draft too): a
    /// draft would confirm every one of its own claims.
    public let draftsLeftOutOfBaseline: [String]
    public internal(set) var checker: Checker
    public let jit: JITPolicy

    /// Loads the rules and the fact base.
    /// - Parameters:
    ///   - factsFrom: an in-memory base, the configured store (refreshed), or a given store.
    ///   - progress: reports a store build or refresh, document by document.
    ///   - drafts: the paths of the drafts to be checked, left out of an in-memory baseline that names them.
    /// - Throws: `FactCheckError` for unreadable rules or sources, no baseline at all, or a store that cannot be
    ///   used.
    public init(configuration: Configuration, factsFrom: FactsFrom = .memory, loader: DocumentLoader = DocumentLoader(),
                jit: JITPolicy = .always, progress: ((FactStoreProgress) -> Void)? = nil,
                drafts: [String] = []) throws(FactCheckError) {
        self.configuration = configuration
        self.jit = jit
        switch factsFrom {
        case .store, .opened: break
        case .memory, .refreshedStore:
            guard !configuration.baseline.isEmpty else { throw .missingBaseline }
        }
        do {
            ruleSet = try RuleLoader().load(paths: configuration.rules, includingBuiltIns: configuration.builtInRules,
                                            compilingJIT: jit == .always)
        } catch {
            throw .rule(error)
        }
        do {
            customTemplates = try configuration.templates.map { folder throws(InputError) in
                try HTMLTemplates.load(folder: folder)
            }
        } catch {
            throw .input(error)
        }
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        switch factsFrom {
        case .memory:
            let sources: [Document]
            let draftPaths = Set(PathExpander.absolutePaths(drafts.filter { $0 != "-" }))
            do {
                let paths = try PathExpander.documents(in: configuration.baseline)
                draftsLeftOutOfBaseline = paths.filter { draftPaths.contains(PathExpander.absolutePath($0)) }
                sources = try paths.filter { !draftPaths.contains(PathExpander.absolutePath($0)) }
                    .map { path throws(InputError) in try loader.load(path: path, displayPath: PathExpander.displayPath(path)) }
            } catch {
                throw .input(error)
            }
            // An `always` session is compiled already; this is a `byVolume` one's reading of its baseline.
            Self.compileJIT(of: ruleSet, forReading: sources)
            do {
                checker = Checker(extractor: extractor, factBase: try FactBase(documents: sources, extractor: extractor),
                                  pathBase: Self.fingerprintBase(of: configuration))
            } catch {
                throw .extraction(error)
            }
        case .refreshedStore:
            draftsLeftOutOfBaseline = []
            // A refresh of an unchanged store reads no file; a build reads them all. The first worker to extract a
            // document compiles the JIT, the others waiting for it before they match (`RuleSet.JITOnce`).
            let jitOnce = RuleSet.JITOnce(ruleSet)
            let store = try FactStore.refreshed(path: configuration.factbase, sources: configuration.baseline,
                                                extractor: extractor, loader: loader,
                                                beforeExtracting: { jitOnce.compile() }, progress: progress)
            checker = Checker(extractor: extractor, facts: store, pathBase: Self.fingerprintBase(of: configuration))
        case let .store(path):
            draftsLeftOutOfBaseline = []
            do {
                checker = Checker(extractor: extractor, facts: try FactStore.openForChecking(path: path, rules: ruleSet),
                                  pathBase: Self.fingerprintBase(of: configuration))
            } catch {
                throw .store(error)
            }
        case let .opened(open):
            draftsLeftOutOfBaseline = []
            checker = Checker(extractor: extractor, facts: try open(ruleSet), pathBase: Self.fingerprintBase(of: configuration))
        }
    }

    /// The folder finding fingerprints name sources relative to, so that a finding's ID is the same whatever folder
    /// factcheck runs from: the configuration file's folder, else the root (absolute paths), since without a
    /// configuration the working directory is all there is, and it changes.
    static func fingerprintBase(of configuration: Configuration) -> String {
        configuration.file == nil ? "/" : configuration.folder
    }

    /// The templates HTML reports are rendered from: the configured ones, else the built-in ones.
    public var reportTemplates: HTMLTemplates {
        customTemplates ?? .builtIn
    }

    /// Checks drafts, applying the sign-off ledger: signed-off contradictions come back `accepted`, and sign-offs
    /// whose claim is gone come back as the report's stale sign-offs. Every caller (command line, hook, server)
    /// goes through here, so every one of them honours sign-offs.
    /// - Throws: `FactCheckError` when a rule fails on a draft, the fact store cannot be read, or the ledger is
    ///   malformed.
    /// - Parameter changes: for each draft, the paragraphs to report (`--diff`, the pre-commit hook), nil for all
    ///   of it. A partial report cannot tell a sign-off whose claim is gone from one whose paragraph was not
    ///   edited, so it reports no stale sign-offs.
    /// - Parameter cancellation: stops the check between claims once cancelled (`factcheck serve` past its
    ///   deadline).
    public func check(_ drafts: [Document], changes: [ParagraphChanges?]? = nil,
                      cancellation: CheckCancellation? = nil) throws(FactCheckError) -> [DraftReport] {
        // One reading of the ledger serves every draft: a large ledger takes time to parse.
        let ledger = try readLedger()
        compileJITForReading(drafts)
        var reports: [DraftReport] = []
        for (index, draft) in drafts.enumerated() {
            reports.append(try check(draft, changes: changes?[index], ledger: ledger, cancellation: cancellation))
        }
        return reports
    }

    /// JIT-compiles the rules of a `byVolume` session before `documents` are read, when they are many bytes.
    private func compileJITForReading(_ documents: [Document]) {
        if jit == .byVolume { Self.compileJIT(of: ruleSet, forReading: documents) }
    }

    /// JIT-compiles `ruleSet` when `documents` hold more than `jitThreshold` bytes.
    private static func compileJIT(of ruleSet: RuleSet, forReading documents: [Document]) {
        if documents.reduce(0, { $0 + $1.readable.count }) > jitThreshold { ruleSet.compileJIT() }
    }

    private func check(_ draft: Document, changes: ParagraphChanges?, ledger: SignOffLedger,
                       cancellation: CheckCancellation?) throws(FactCheckError) -> DraftReport {
        let report = try checker.check(draft, changes: changes, cancellation: cancellation)
        guard let name = ledgerName(ofDraft: draft.path) else { return report }
        return ledger.apply(to: report, draft: name, reportingStale: changes == nil)
    }

    /// The sign-off ledger named by the configuration (empty when the file does not exist yet).
    /// - Throws: `FactCheckError.input` with the file and line when the ledger is malformed.
    public func readLedger() throws(FactCheckError) -> SignOffLedger {
        do {
            return try SignOffLedger.read(path: configuration.signOffs)
        } catch {
            throw .input(error)
        }
    }

    /// How the ledger names a draft: its path relative to the configuration folder; nil for standard input,
    /// which has no name to sign off under.
    public func ledgerName(ofDraft path: String) -> String? {
        path == "-" ? nil : PathExpander.relativePath(path, to: configuration.folder)
    }

    /// Signs off the contradicted finding `id` of `draft`, appending the sign-off to the ledger.
    /// - Parameters:
    ///   - id: the finding's ID, as reports show it.
    ///   - reason: why it is accepted; must not be blank.
    ///   - editor: who accepts it.
    ///   - date: when, written as an ISO 8601 date-time in UTC.
    /// - Returns: the sign-off, and whether it is new (false when the finding was already accepted; the ledger
    ///   is then left as it is).
    /// - Throws: `FactCheckError.input` for standard input, an unknown ID, a finding that is not a contradiction,
    ///   a blank reason, or a ledger that cannot be read or written.
    public func accept(id: String, in draft: Document, reason: String, editor: String, date: Date)
        throws(FactCheckError) -> (signOff: SignOff, isNew: Bool)
    {
        guard let draftName = ledgerName(ofDraft: draft.path) else {
            throw .input(InputError(path: "-", message: "a draft read from standard input cannot be signed off",
                                    hint: "save it to a file and run `factcheck accept FILE --claim ID --reason ...`"))
        }
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedReason.isEmpty else {
            throw .input(InputError(path: draft.path, message: "the reason is empty",
                                    hint: "say why the finding is accepted: --reason \"the source is out of date\""))
        }
        // One reading of the ledger serves both the check and the append: large ledgers take time to parse.
        let ledger = try readLedger()
        compileJITForReading([draft])
        let report = try check(draft, changes: nil, ledger: ledger, cancellation: nil)
        guard let finding = report.finding(id: id) else {
            let open = report.findings.filter { $0.verdict == .contradicted }.map(\.id)
            let hint = open.isEmpty
                ? "the draft has no contradicted finding to accept"
                : "its contradicted findings are: " + open.joined(separator: ", ")
            throw .input(InputError(path: draft.path, message: "no finding with ID '\(id)' in this draft", hint: hint))
        }
        if finding.verdict == .accepted, let existing = finding.signOff {
            return (existing, false)
        }
        guard finding.verdict == .contradicted else {
            throw .input(InputError(path: draft.path, message: "finding \(id) is \(finding.verdict.rawValue), not contradicted",
                                    hint: "only contradictions are signed off"))
        }
        let signOff = SignOff(id: finding.id, draft: draftName, claim: finding.fingerprint, reason: trimmedReason,
                              by: editor, at: Self.timestamp(date))
        do {
            _ = try ledger.appending(signOff)
        } catch {
            throw .input(error)
        }
        return (signOff, true)
    }

    /// "2026-11-29T09:30:00Z".
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
