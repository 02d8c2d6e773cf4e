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
            reports.append(try check(draft))
        }
        return reports
    }

    /// Checks one draft, reporting only the claims in `changes` when given (`--diff`, the pre-commit hook).
    /// - Throws: `FactCheckError.extraction` when a rule fails on the draft.
    public func check(_ draft: Document, changes: ParagraphChanges? = nil) throws(FactCheckError) -> DraftReport {
        do {
            return try checker.check(draft, changes: changes)
        } catch {
            throw .extraction(error)
        }
    }
}
