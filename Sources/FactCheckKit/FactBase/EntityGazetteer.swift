/// The names the trusted documents use, with their aliases: a surname alone ("Zenkovich") finds the full name
/// ("Yuri Zenkovich").
public struct EntityGazetteer: Sendable {
    /// Lower-cased name or alias → the fullest name it stands for.
    private var canonicalNames: [String: String] = [:]

    public init(names: [String] = []) {
        // Longer names first, so an alias points at the fullest form.
        for name in names.sorted(by: { $0.count > $1.count }) {
            add(name)
        }
    }

    /// Adds a name; its last word becomes an alias unless another name already claimed it.
    public mutating func add(_ name: String) {
        let lowered = name.lowercased()
        if canonicalNames[lowered] == nil { canonicalNames[lowered] = name }
        let words = name.split(separator: " ")
        if words.count > 1, let last = words.last, canonicalNames[last.lowercased()] == nil {
            canonicalNames[last.lowercased()] = name
        }
    }

    /// The full name a name or alias stands for; the name itself when it is not known.
    public func resolve(_ name: String) -> String {
        canonicalNames[name.lowercased()] ?? name
    }

    /// Number of names and aliases known.
    public var count: Int { canonicalNames.count }
}
