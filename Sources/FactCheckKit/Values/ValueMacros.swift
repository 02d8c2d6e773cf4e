import Foundation

/// The value macros rule patterns may use (`{number}`, `{date}`, `{duration}`, ...) and the reader for each claim
/// kind.
public enum ValueMacros {
    /// Every reader, in the order their macros are merged.
    public static let readers: [any ValueReader.Type] = [
        NumberReader.self, OrdinalReader.self, DateReader.self, DurationReader.self, TimeReader.self,
        MoneyReader.self, PercentReader.self, QuantityReader.self, PeriodReader.self, ScoreReader.self,
    ]

    /// Macro name (without braces) → PCRE2 fragment, merged from all readers. Fragments have no capturing groups,
    /// use `[0-9]` rather than `\d`, and are meant for UTF without UCP. Each is wrapped in `(?i:...)`, so a value
    /// reads the same ("August", "AUG.", "p.m.", "PM") whether or not the rule compiles with PCRE2_CASELESS.
    /// A fragment with a `FragmentStart` begins with its lookahead.
    public static let fragments: [String: String] = readers.reduce(into: [:]) { merged, reader in
        let wrapped = Dictionary(uniqueKeysWithValues: reader.macros.map { name, fragment in
            (name, "(?i:" + (lookaheads[name] ?? "") + fragment + ")")
        })
        merged.merge(wrapped) { first, _ in first }
    }

    /// How the large macros begin, written before them as a lookahead (see `FragmentStart`).
    static let starts: [String: FragmentStart] = [
        "number": NumberReader.start, "money": MoneyReader.start, "percent": PercentReader.start,
        "quantity": QuantityReader.start, "duration": DurationReader.start, "date": DateReader.start,
        "ordinal": OrdinalReader.start, "time": TimeReader.start,
    ]

    /// `{number-start}`, `{money-start}`, ...: the lookahead of a large macro alone, for a rule that must test
    /// something else (a long lookbehind) where the value begins: written first, it spares that test at positions
    /// where no value can begin. Zero-width, so not among `fragments` (which must match some text).
    public static let startChecks: [String: String] = Dictionary(uniqueKeysWithValues: starts.keys.map { name in
        (name + "-start", "(?i:" + lookaheads[name]! + ")")
    })

    /// Each start's lookahead, written once for `fragments` and `startChecks` (writing one builds prefix trees of
    /// its words and of its leads' followers).
    private static let lookaheads: [String: String] = starts.mapValues(\.lookahead)

    /// Where a match of a macro (`number`) or a start check (`number-start`) can begin; nil for a macro without a
    /// `FragmentStart`. A rule pattern that opens with such a macro is matched only there (see `FragmentStartFinder`).
    static func start(ofMacro name: String) -> FragmentStart? {
        if let start = starts[name] { return start }
        guard name.hasSuffix("-start") else { return nil }
        return starts[String(name.dropLast("-start".count))]
    }

    /// The claim kinds that have a reader.
    public static let kinds: Set<String> = ["number", "count", "ordinal", "date", "duration", "time", "money",
                                            "percent", "quantity", "period", "age", "score", "not-a-claim",
                                            "impossible", "offset", "recurrence"]

    /// Kinds whose figures meet only figures of their own kind: an age is never a count ("Smith, 44," and "44
    /// people"), a score or a vote tally is compared as a whole with scores ("3-1" is not 3 and 1).
    /// An impossible value meets nothing: it is an error in itself (see `impossible`). An offset between two
    /// events ("four days later") is not how long anything lasted, nor is how often something recurs ("every 76
    /// years"): each meets only its own kind.
    public static let exclusiveKinds: Set<String> = ["age", "score", "impossible", "offset", "recurrence"]

    /// The kind of a rule whose matches are figures that state nothing: numbers in names ("Route 66", "I-95",
    /// "Euro 2024"), a part of a group ("one of the horses"). Such a match takes its text from every other rule
    /// and is then dropped: it is neither a claim nor evidence.
    public static let notAClaim = "not-a-claim"

    /// The kind of a rule whose matches are values that cannot be ("500:30 am", "February 30, 2024"): a draft that
    /// states one is wrong whatever the sources say, so each is contradicted by itself, with the rule's message.
    /// The rule's `value` group is a figure read as a number; what makes the whole impossible is the pattern's.
    public static let impossible = "impossible"

    /// The reader for a claim kind: "number", "count", "age", "not-a-claim" and "impossible" read numbers, "score" a tally,
    /// "offset" a length of time; "ordinal", "date", "duration", "time", "money", "percent" and "quantity" read their
    /// own dimension. Nil for any other kind.
    public static func reader(forKind kind: String) -> (any ValueReader.Type)? {
        switch kind {
        case "number", "count", "age", "not-a-claim", "impossible": NumberReader.self
        case "score": ScoreReader.self
        case "ordinal": OrdinalReader.self
        case "date": DateReader.self
        case "duration", "offset", "recurrence": DurationReader.self
        case "time": TimeReader.self
        case "money": MoneyReader.self
        case "percent": PercentReader.self
        case "quantity": QuantityReader.self
        case "period": PeriodReader.self
        default: nil
        }
    }
}
