import Testing
@testable import FactCheckKit

/// A cached reading must be the reader's own reading, whichever reader and text come first or again.
@Suite struct ValueReadCacheTests {
    static let texts = [
        "1,300", "about 1,300", "sixteen", "a dozen", "between 10 and 20", "not a number", "August 15", "Aug. 15",
        "last year", "$12.50", "twelve dot fifty Euros", "45%", "3 p.m.", "30-day", "third", "5 km", "two years",
        "", "  ", "café", "cafe\u{301}", "1,300.",
    ]

    @Test func readsAsEveryReaderDoes() {
        let context = ReadingContext(documentDate: DateValue(year: 2025, month: 8, day: 15))
        var cache = ValueReadCache(context: context)
        // Twice over, in the same order: the second round reads only from the cache.
        for _ in 0..<2 {
            for reader in ValueMacros.readers {
                for text in Self.texts {
                    #expect(cache.read(text, with: reader) == reader.read(text, context: context),
                            "\(reader) \(text)")
                }
            }
        }
    }

    /// "é" in one scalar and in two are equal Strings but different texts to a reader, which reads scalars.
    @Test func readsCanonicallyEqualTextsApart() {
        let composed = "caf\u{E9} 12", decomposed = "cafe\u{301} 12"
        #expect(composed == decomposed)
        var cache = ValueReadCache(context: ReadingContext())
        for reader in ValueMacros.readers {
            #expect(cache.read(composed, with: reader) == reader.read(composed, context: ReadingContext()))
            #expect(cache.read(decomposed, with: reader) == reader.read(decomposed, context: ReadingContext()))
        }
    }

    /// Dates of documents, and none: a relative date ("last year") reads differently in each.
    static let contexts = [
        ReadingContext(), ReadingContext(documentDate: DateValue(year: 2025, month: 8, day: 15)),
        ReadingContext(documentDate: DateValue(year: 2019, month: 1, day: 2)),
        ReadingContext(documentDate: DateValue(year: 2019)),
    ]

    /// A cache kept across documents (as a worker keeps it) must read every text as the reader does in that
    /// document's context, whichever documents came before.
    @Test func readsAsEveryReaderDoesAcrossDocuments() {
        var cache = ValueReadCache(context: ReadingContext())
        for _ in 0..<2 {
            for context in Self.contexts {
                cache.startDocument(context: context)
                for reader in ValueMacros.readers {
                    for text in Self.texts + ["last year", "yesterday", "on Tuesday", "two years ago", "in March"] {
                        #expect(cache.read(text, with: reader) == reader.read(text, context: context),
                                "\(reader) \(text) \(context)")
                    }
                }
            }
        }
    }

    /// A reader that says it does not depend on the context must read each text the same in every context.
    @Test func contextFreeReadersReadTheSameInEveryContext() {
        let texts = Self.texts + ["last year", "yesterday", "two years ago", "in March", "a year", "since 2019",
                                  "3 years and 6 months", "a life sentence", "the first quarter", "Q3 2021"]
        for reader in ValueMacros.readers where !reader.dependsOnContext {
            for text in texts {
                let readings = Self.contexts.map { reader.read(text, context: $0) }
                #expect(readings.allSatisfy { $0 == readings[0] }, "\(reader) \(text)")
            }
        }
        #expect(DateReader.dependsOnContext)
    }
}
