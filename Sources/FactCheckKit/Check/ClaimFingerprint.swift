import Foundation

/// A claim and the evidence that decided it, reduced to what stays the same when unrelated text of the draft is
/// edited: no line, column or offset, no sentence, whitespace collapsed and case folded. Sign-offs are keyed on
/// it, and finding IDs are hashed from it, so a sign-off survives a paragraph added above its claim but not a
/// changed value, a changed key or a source that now says something else.
public struct ClaimFingerprint: Sendable, Hashable {
    /// A source passage as a fingerprint holds it.
    public struct EvidenceKey: Sendable, Hashable {
        /// The source's path, relative to the configuration folder when it lies below it.
        public var source: String
        /// The source's wording of the value, normalized like `ClaimFingerprint.text`.
        public var text: String

        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    public var kind: String
    public var rule: String
    /// The claim's wording ("18 prisoners"), whitespace collapsed and lower-cased.
    public var text: String
    /// The normalized value ("number 18"), see `canonical(_:)`.
    public var value: String
    /// What the claim is about, as the rule's key terms ("prisoner"): the same whatever sentence holds it.
    public var key: [String]
    public var evidence: [EvidenceKey]

    public init(kind: String, rule: String, text: String, value: String, key: [String], evidence: [EvidenceKey]) {
        self.kind = kind
        self.rule = rule
        self.text = text
        self.value = value
        self.key = key
        self.evidence = evidence
    }

    /// The fingerprint of a finding's claim and evidence.
    /// - Parameter pathBase: the folder source paths are made relative to (the configuration's folder); nil keeps
    ///   them as they are.
    public init(kind: String, rule: String, claim: Passage, key: [String], evidence: [Evidence], pathBase: String?) {
        self.init(kind: kind, rule: rule, text: Self.normalized(claim.text), value: Self.canonical(claim.value),
                  key: key, evidence: evidence.map { item in
                      EvidenceKey(source: pathBase.map { PathExpander.relativePath(item.source, to: $0) } ?? item.source,
                                  text: Self.normalized(item.passage.text))
                  })
    }

    /// A finding's ID: "fc-" and 8 hex digits of an FNV-1a hash of the fingerprint. `occurrence` (1-based)
    /// tells apart claims that the draft repeats word for word with the same evidence; `salt` resolves the rare
    /// hash collision between different fingerprints.
    public func id(occurrence: Int = 1, salt: Int = 0) -> String {
        var fields = [kind, rule, text, value, key.joined(separator: " ")]
        for item in evidence { fields += [item.source, item.text] }
        if occurrence > 1 { fields.append("#\(occurrence)") }
        if salt > 0 { fields.append("salt \(salt)") }
        // FNV-1a: tiny, and unlike Swift's Hasher the same on every run and machine, which IDs must be.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fields.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        return "fc-" + String(format: "%08x", folded)
    }

    /// Text as fingerprints compare it: runs of whitespace made one space, lower-cased.
    public static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// A value as one line of text that is equal exactly when the values are: "number 18", "duration 378432000",
    /// "money 1.7 USD", "date 2025-08-15".
    public static func canonical(_ value: Value) -> String {
        let details: String
        switch value {
        case let .number(range): details = range.description
        case let .percent(range, points): details = range.description + (points ? " points" : "")
        case let .money(range, currency): details = [range.description, currency].compactMap { $0 }.joined(separator: " ")
        case let .ordinal(position): details = String(position)
        case let .date(date): details = date.description
        case let .duration(range, qualifier):
            details = [range.description, qualifier?.rawValue].compactMap { $0 }.joined(separator: " ")
        case let .time(time): details = time.description
        case let .quantity(range, unit): details = "\(range.description) \(unit)"
        case let .dateRange(first, last): details = "\(first)/\(last)"
        }
        return "\(value.typeName) \(details)"
    }
}
