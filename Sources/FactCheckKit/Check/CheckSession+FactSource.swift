extension CheckSession {
    /// The same session, its checks reading facts through `wrap(facts)`: how `factcheck serve --metrics` counts
    /// the fact store's queries without the store (or this library) knowing of metrics. Rules, templates and the
    /// ledger are shared with this session.
    /// - Parameter wrap: given the session's fact source, returns the one checks read instead; it must answer as
    ///   the one it is given does.
    public func readingFacts(through wrap: (any FactSource) -> any FactSource) -> CheckSession {
        var session = self
        session.checker = Checker(extractor: checker.extractor, facts: wrap(checker.facts), pathBase: checker.pathBase)
        return session
    }
}
