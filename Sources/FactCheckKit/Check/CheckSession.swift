/// Rules, fact base and checker, loaded once from a configuration and shared by every draft of a run (and, for
/// the server, by every request).
public struct CheckSession: Sendable {
    public let configuration: Configuration
    public let ruleSet: RuleSet
    public let checker: Checker

    /// Loads the rules and builds the fact base from the configuration's baseline.
    /// - Throws: `FactCheckError` for unreadable rules or sources, or no baseline at all.
    public init(configuration: Configuration, loader: DocumentLoader = DocumentLoader()) throws(FactCheckError) {
        self.configuration = configuration
        guard !configuration.baseline.isEmpty else { throw .missingBaseline }
        do {
            ruleSet = try RuleLoader().load(paths: configuration.rules)
        } catch {
            throw .rule(error)
        }
        let sources: [Document]
        do {
            sources = try PathExpander.documents(in: configuration.baseline).map { path throws(InputError) in
                try loader.load(path: path, displayPath: PathExpander.displayPath(path))
            }
        } catch {
            throw .input(error)
        }
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        do {
            checker = Checker(extractor: extractor, factBase: try FactBase(documents: sources, extractor: extractor))
        } catch {
            throw .extraction(error)
        }
    }

    /// Checks drafts.
    /// - Throws: `FactCheckError.extraction` when a rule fails on a draft.
    public func check(_ drafts: [Document]) throws(FactCheckError) -> [DraftReport] {
        var reports: [DraftReport] = []
        for draft in drafts {
            do {
                reports.append(try checker.check(draft))
            } catch {
                throw .extraction(error)
            }
        }
        return reports
    }
}
