import Foundation

/// The values texts read as, each reader's reading of each text worked out once per worker.
///
/// Several patterns and rules often match the same value text ("1,300" for a count rule and a number rule, each
/// with several patterns), the extractor reads a text again without its article or its final period, and across
/// an archive the same figures come back document after document ("two", "2021", "$1 billion"). A reader parses
/// through token grammars that cost far more than hashing the text, and its reading depends only on the text and,
/// for a reader that `dependsOnContext`, the reading context: so a text a reader has read is not parsed again,
/// in this document or, lent by a `LendingPool`, in the next ones.
struct ValueReadCache {
    private struct Key: Hashable {
        let reader: ObjectIdentifier
        /// The context the text was read in; nil for a reader whose reading does not depend on it.
        let context: ReadingContext?
        let text: String
    }

    /// Past this many readings they are dropped and read again: a bound on a worker's memory (a few MB).
    static let maximumReadings = 1 << 15

    /// The reading context of the document being read.
    private(set) var context: ReadingContext
    /// Each reading with the text it was read from: String keys meet when canonically equal ("é" written in one
    /// scalar or two), and a reader, which parses scalars, may read those apart.
    private var values: [Key: (text: String, value: Value?)] = [:]

    init(context: ReadingContext) {
        self.context = context
    }

    /// Reads the texts of another document, in `context`; forgets every reading once there are more than
    /// `maximumReadings`.
    mutating func startDocument(context: ReadingContext) {
        self.context = context
        if values.count > Self.maximumReadings { values.removeAll(keepingCapacity: true) }
    }

    /// `reader.read(text, context: context)`, parsed only the first time this text is read by this reader (in
    /// this context, for a reader that depends on it).
    mutating func read(_ text: String, with reader: any ValueReader.Type) -> Value? {
        let key = Key(reader: ObjectIdentifier(reader), context: reader.dependsOnContext ? context : nil, text: text)
        if let known = values[key] {
            if Self.haveTheSameBytes(known.text, text) { return known.value }
            return reader.read(text, context: context)
        }
        let value = reader.read(text, context: context)
        values[key] = (text, value)
        return value
    }

    /// Whether two texts are the same bytes (String's `==` takes canonically equal texts for equal). Compared
    /// in their buffers: `utf8.elementsEqual` stepped through the views and cost 500 instructions a text.
    private static func haveTheSameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { first in
            second.withUTF8 { second in
                first.count == second.count
                    && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }
}
