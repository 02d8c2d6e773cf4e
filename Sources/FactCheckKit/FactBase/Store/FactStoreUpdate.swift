/// What one change to a store did, for the command line's summary.
public struct FactStoreUpdate: Sendable, Equatable {
    /// New documents stored.
    public var added = 0
    /// Documents whose content changed, re-extracted and replaced.
    public var replaced = 0
    /// Documents skipped because their content hash (or size and time, when trusted) did not change.
    public var unchanged = 0
    /// Documents taken out.
    public var removed = 0
    /// Facts stored by this change.
    public var facts = 0
    /// Bytes of source read and extracted (unchanged files not counted).
    public var extractedBytes = 0

    public init() {}

    /// Whether the base changed at all.
    public var changedBase: Bool { added + replaced + removed > 0 }
}
