/// The values a document's texts read as, each reader's reading of each text worked out once.
///
/// Several patterns and rules often match the same value text ("1,300" for a count rule and a number rule, each
/// with several patterns), and the extractor reads a text again without its article or its final period. A
/// reader parses through token grammars that cost far more than hashing the text, and its reading depends only
/// on the text and the reading context, which is the document's: so, within one document, a text a reader has
/// read is not parsed again.
struct ValueReadCache {
    private struct Key: Hashable {
        let reader: ObjectIdentifier
        let text: String
    }

    /// The document's reading context, the same for every text read here.
    let context: ReadingContext
    /// Each reading with the text it was read from: String keys meet when canonically equal ("é" written in one
    /// scalar or two), and a reader, which parses scalars, may read those apart.
    private var values: [Key: (text: String, value: Value?)] = [:]

    init(context: ReadingContext) {
        self.context = context
    }

    /// `reader.read(text, context: context)`, parsed only the first time this text is read by this reader.
    mutating func read(_ text: String, with reader: any ValueReader.Type) -> Value? {
        let key = Key(reader: ObjectIdentifier(reader), text: text)
        if let known = values[key] {
            if known.text.utf8.elementsEqual(text.utf8) { return known.value }
            return reader.read(text, context: context)
        }
        let value = reader.read(text, context: context)
        values[key] = (text, value)
        return value
    }
}
