/// The readings (`WordReadings.Reading`) of a sentence's tokens: a table of readings and, for each token, the index
/// of its reading there. A fact base's worker shares one table (`WordReadings.readings`) among the sentences of a
/// document, so a sentence's lower-cased words, classes and terms are looked up when asked for rather than copied
/// into arrays of the sentence's own, made and freed (each String retained, then released) for every sentence of
/// an archive.
///
/// The table is a value: a `WordReadings` that reads new words after the sentence was made appends to its own copy
/// (copying the table once, while a sentence still holds it), so a fact base makes a document's `SentenceWords`
/// only once every word of the document has been read.
struct TokenReadings: Sendable {
    /// A field of a reading, read for each token (`Column`).
    protocol Field {
        associatedtype Value
        static func value(of reading: WordReadings.Reading) -> Value
    }

    /// `Field.value` of each token's reading, in token order.
    struct Column<ReadField: Field>: RandomAccessCollection {
        let readings: TokenReadings

        var startIndex: Int { 0 }
        var endIndex: Int { readings.indexes.count }

        subscript(position: Int) -> ReadField.Value {
            ReadField.value(of: readings.table[readings.indexes[position]])
        }
    }

    /// `WordReadings.Reading.lowered`.
    enum LoweredText: Field {
        static func value(of reading: WordReadings.Reading) -> String { reading.lowered }
    }

    /// `WordReadings.Reading.classes`.
    enum Classes: Field {
        static func value(of reading: WordReadings.Reading) -> WordClass { reading.classes }
    }

    /// The text of `WordReadings.Reading.term`.
    enum Term: Field {
        static func value(of reading: WordReadings.Reading) -> String? { reading.term?.text }
    }

    /// The id of `WordReadings.Reading.term`, -1 for none.
    enum TermID: Field {
        static func value(of reading: WordReadings.Reading) -> Int { reading.term?.id ?? -1 }
    }

    let table: [WordReadings.Reading]
    /// The index in `table` of each token's reading.
    let indexes: [Int]
    /// Whether the readings' term ids tell terms apart: those of a `WordReadings` do; those read for one
    /// sentence alone have none.
    let hasTermIDs: Bool

    /// Readings looked up in `table`, a `WordReadings`' (its term ids tell terms apart).
    init(table: [WordReadings.Reading], indexes: [Int]) {
        self.table = table
        self.indexes = indexes
        hasTermIDs = true
    }

    /// Readings of `tokens` made for them alone, one per token: a sentence read without a `WordReadings`.
    init(tokens: [Terms.Token], lexicon: Lexicon) {
        table = tokens.map { WordReadings.Reading(text: $0.text, lexicon: lexicon, termID: -1) }
        indexes = Array(table.indices)
        hasTermIDs = false
    }

    var lowered: Column<LoweredText> { Column(readings: self) }
    var classes: Column<Classes> { Column(readings: self) }
    var terms: Column<Term> { Column(readings: self) }
    var termIDs: Column<TermID> { Column(readings: self) }
}
