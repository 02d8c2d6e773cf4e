import Foundation
import Testing
@testable import FactCheckKit

/// The front matter reader meets whatever an editor or an attacker pastes above a draft (issue 24).
@Suite struct FrontMatterTests {
    private func read(_ block: String) throws(InputError) -> FrontMatter? {
        try FrontMatter.read(from: SourceText("---\n" + block + "---\nText.\n"), path: "draft.md")
    }

    @Test func anImpossibleDateIsRefused() {
        #expect(throws: InputError.self) { try read("date: 2025-02-30\n") }
        #expect(throws: InputError.self) { try read("title: \"x\"\ndate: 2023-02-29\n") }
        #expect((try? read("date: 2024-02-29\n"))??.date == DateValue(year: 2024, month: 2, day: 29))
    }

    @Test func fieldsThroughYamsKeepTheirText() throws {
        let front = try #require(try read("title: \"Prisoners: freed\"\ntags: [a, b]\ndate: 2025-08-15T10:00:00Z\n"))
        #expect(front.fields["title"] == "Prisoners: freed")
        #expect(front.fields["tags"] == "[a, b]")
        #expect(front.date == DateValue(year: 2025, month: 8, day: 15))
    }

    /// Nine levels of nine aliases name 387 million strings in 400 bytes: refused, quickly.
    @Test func anAliasBombIsRefused() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (level, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(throws: InputError.self) { try read(yaml) }
    }

    @Test func deepNestingAndHugeBlocksAreRefused() {
        #expect(throws: InputError.self) { try read("a: " + String(repeating: "[", count: 10_000) + "\n") }
        #expect(throws: InputError.self) { try read("a: \"" + String(repeating: "x", count: 70_000) + "\"\n") }
    }

    /// Seeded random blocks of YAML fragments: each is read or refused with an `InputError`, never a trap.
    @Test func randomBlocksAreReadOrRefused() {
        let fragments = ["a", ": ", "- ", "\n", "  ", "&x ", "*x", "[", "]", "{", "}", ",", "\"", "'", "date", "2025-08-15",
                         "2025-13-40", "#", "|", ">", "? ", "!!str ", "!!binary ", "~", "null", "…", "\u{0}", "\t", "---"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<1_500 {
            let block = (0..<Int.random(in: 1...40, using: &random)).map { _ in fragments.randomElement(using: &random)! }
                .joined()
            _ = try? read(block + "\n")
        }
    }
}
