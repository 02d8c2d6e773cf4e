/// Any reason a run could not be carried out (as opposed to a draft that has errors). The command line exits 2.
public enum FactCheckError: Error, Sendable, CustomStringConvertible {
    case input(InputError)
    case rule(RuleError)
    case extraction(ExtractionError)
    /// The fact store is missing, foreign, corrupt, built by other rules, or could not be written.
    case store(FactStoreError)
    /// The run has no baseline to check against.
    case missingBaseline
    /// The caller stopped the check (`CheckCancellation`): nobody waits for its answer any more.
    case cancelled

    public var description: String {
        switch self {
        case let .input(error): "\(error)"
        case let .rule(error): "\(error)"
        case let .extraction(error): "\(error)"
        case let .store(error): "\(error)"
        case .missingBaseline:
            "no baseline: there are no trusted documents to check against (pass --baseline FILE, or set 'baseline' in factcheck.yml)"
        case .cancelled:
            "the check was stopped: its answer is no longer awaited"
        }
    }
}
