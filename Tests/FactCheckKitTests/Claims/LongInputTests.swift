import Testing
@testable import FactCheckKit

/// The value readers and the extractor on long runs of what they read (issue 24): seeded random streams of
/// figures, dates, durations, money and times, in long sentences and long lines. Each run ends with claims inside
/// the text, in order, or with an `ExtractionError` (a pattern's match limit), never a trap or a hang.
@Suite struct LongInputTests {
    static let extractor = ClaimExtractor(ruleSet: try! RuleLoader().load(paths: [RepositoryPaths.rules]))
    static let fragments = ["1,000", "16", "sixteen", "a dozen", "1.3 thousand", "about", "more than", "nearly",
                            "$3.1 billion", "3.5%", "August 15", "Aug. 15, 2025", "in 2021", "last Tuesday", "11 years",
                            "an 11-year", "sentence", "3 years and 6 months", "11:00 a.m.", "local time", "noon",
                            "prisoners", "were", "released", "and", ",", "to", "-", "between", "the", "third", "quarter",
                            "Zenkovich", "1", "0", "9", ".", "(", ")", "–", "km", "per cent", "twenty-one", "and a half"]

    @Test func longRandomStreamsOfValuesAreReadOrRefused() {
        var random = SeededGenerator(seed: 15)
        for round in 0..<4 {
            // Round 0 is one sentence of 2,000 words; the others have a full stop now and then.
            let words = (0..<2_000).map { index in
                round > 0 && index % 97 == 96 ? "." : Self.fragments.randomElement(using: &random)!
            }
            let text = words.joined(separator: " ")
            guard let document = try? Document(path: "long.txt", text: text) else { continue }
            do {
                let claims = try Self.extractor.claims(in: document)
                #expect(claims.allSatisfy { $0.span.upperBound <= document.readable.count && !$0.span.isEmpty })
                #expect(zip(claims, claims.dropFirst()).allSatisfy { $0.span.lowerBound <= $1.span.lowerBound })
            } catch {
                // A match limit reached is an answer too.
            }
        }
    }

    @Test func everyReaderTakesALongRunOfItsOwnInput() {
        let context = ReadingContext()
        for text in [String(repeating: "1,", count: 20_000) + "1", String(repeating: "twenty-one ", count: 5_000),
                     String(repeating: "3 years and ", count: 5_000) + "6 months", String(repeating: "9", count: 50_000)] {
            _ = NumberReader.read(text, context: context)
            _ = DurationReader.read(text, context: context)
            _ = MoneyReader.read(text, context: context)
            _ = DateReader.read(text, context: context)
            _ = TimeReader.read(text, context: context)
            _ = PercentReader.read(text, context: context)
        }
    }
}
