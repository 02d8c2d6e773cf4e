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
    }

    public let configuration: Configuration
    public let ruleSet: RuleSet
    public let checker: Checker

    /// Loads the rules and the fact base.
    /// - Parameters:
    ///   - factsFrom: an in-memory base, the configured store (refreshed), or a given store.
    ///   - progress: reports a store build or refresh, document by document.
    /// - Throws: `FactCheckError` for unreadable rules or sources, no baseline at all, or a store that cannot be
    ///   used.
    public init(configuration: Configuration, factsFrom: FactsFrom = .memory, loader: DocumentLoader = DocumentLoader(),
                progress: ((FactStoreProgress) -> Void)? = nil) throws(FactCheckError) {
        self.configuration = configuration
        if case .store = factsFrom {} else {
            guard !configuration.baseline.isEmpty else { throw .missingBaseline }
        }
        do {
            ruleSet = try RuleLoader().load(paths: configuration.rules)
        } catch {
            throw .rule(error)
        }
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        switch factsFrom {
        case .memory:
            let sources: [Document]
            do {
                sources = try PathExpander.documents(in: configuration.baseline).map { path throws(InputError) in
                    try loader.load(path: path, displayPath: PathExpander.displayPath(path))
                }
            } catch {
                throw .input(error)
            }
            do {
                checker = Checker(extractor: extractor, factBase: try FactBase(documents: sources, extractor: extractor))
            } catch {
                throw .extraction(error)
            }
        case .refreshedStore:
            let store = try FactStore.refreshed(path: configuration.factbase, sources: configuration.baseline,
                                                extractor: extractor, loader: loader, progress: progress)
            checker = Checker(extractor: extractor, facts: store)
        case let .store(path):
            do {
                checker = Checker(extractor: extractor, facts: try FactStore.openForChecking(path: path, rules: ruleSet))
            } catch {
                throw .store(error)
            }
        }
    }

    /// Checks drafts.
    /// - Throws: `FactCheckError` when a rule fails on a draft or the fact store cannot be read.
    public func check(_ drafts: [Document]) throws(FactCheckError) -> [DraftReport] {
        var reports: [DraftReport] = []
        for draft in drafts {
            reports.append(try checker.check(draft))
        }
        return reports
    }
}
