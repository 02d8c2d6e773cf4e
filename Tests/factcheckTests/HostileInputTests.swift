import Foundation
import Testing

/// Drafts written to deceive an editor or to wear the tool down (issue 24), run through the built binary against
/// the repository's configured sources.
@Suite struct HostileInputTests {
    /// The example source says 16 prisoners were released.
    static let contradicted = "Trump thanked Lukashenko for the recent release of 18 prisoners."

    private func check(_ text: String, name: String = "draft.txt", _ extra: [String] = []) throws -> FactCheckBinary.Run {
        let file = try Scratch.file("hostile-\(UUID())-\(name)", contents: Data(text.utf8))
        return try FactCheckBinary.run(["check", file] + extra)
    }

    @Test func terminalControlCodesAreWrittenOut() throws {
        let run = try check("\u{1B}]0;owned\u{07}\u{1B}[2J" + Self.contradicted)
        #expect(run.status == 1)
        #expect(!run.standardOutput.contains("\u{1B}") && !run.standardOutput.contains("\u{07}"))
        #expect(run.standardOutput.contains("<U+1B>]0;owned<U+7>"))
    }

    /// "1<U+200B>8 prisoners" reads as 18, not as "1" and "8 prisoners", and the report shows the hidden character.
    @Test func invisibleCharactersAreReadThroughAndShown() throws {
        let run = try check(Self.contradicted.replacingOccurrences(of: "18", with: "1\u{200B}8"), ["--format", "json"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains(#""low" : 18"#) || run.standardOutput.contains(#""low":18"#), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains(#""low" : 8,"#) && !run.standardOutput.contains(#""low":8,"#))
        let text = try check(Self.contradicted.replacingOccurrences(of: "18", with: "1\u{200B}8"))
        #expect(text.standardOutput.contains("1<U+200B>8 prisoners"), "\(text.standardOutput)")
        let overridden = try check("Trump thanked Lukashenko for the recent release of \u{202E}81\u{202C} prisoners.")
        #expect(overridden.standardOutput.contains("<U+202E>81<U+202C>"), "\(overridden.standardOutput)")
    }

    /// A line of 1,500 counts: every finding shows an excerpt of the line, not all 30 KB of it.
    @Test func aLongLineIsQuotedByExcerpts() throws {
        let line = "Lukashenko released " + String(repeating: "18 prisoners, ", count: 1_500) + "the officials said."
        let run = try check(line)
        #expect(run.status == 1)
        let findings = run.standardOutput.components(separatedBy: ": error: ").count - 1
        #expect(findings >= 50, "\(run.standardOutput.prefix(2_000))")
        #expect(run.standardOutput.utf8.count < 1_500 * findings, "\(run.standardOutput.utf8.count) bytes")
    }

    @Test func crlfAndCROnlyDraftsKeepTheirLinesAndCarets() throws {
        let crlf = try check("Headline\r\n\r\n" + Self.contradicted + "\r\n")
        #expect(crlf.standardOutput.contains("draft.txt:3:"), "\(crlf.standardOutput)")
        #expect(crlf.standardOutput.contains("    " + Self.contradicted + "\n"), "\(crlf.standardOutput)")
        #expect(crlf.standardOutput.contains("^~~~~~~~~~~"), "\(crlf.standardOutput)")
        let crOnly = try check("Headline\r\r" + Self.contradicted + "\r")
        #expect(crOnly.standardOutput.contains("draft.txt:3:"), "\(crOnly.standardOutput)")
        #expect(crOnly.standardOutput.contains("    " + Self.contradicted + "\n"), "\(crOnly.standardOutput)")
    }

    @Test func aByteOrderMarkIsNoColumn() throws {
        let plain = try check(Self.contradicted)
        let marked = try check("\u{FEFF}" + Self.contradicted)
        let location = { (run: FactCheckBinary.Run) in run.standardOutput.split(separator: " ").first.map(String.init) ?? "" }
        #expect(location(plain).hasSuffix(":1:52:"), "\(plain.standardOutput)")
        #expect(location(marked).hasSuffix(":1:52:"), "\(marked.standardOutput)")
        #expect(!marked.standardOutput.contains("<U+FEFF>"))
    }

    @Test func anImpossibleFrontMatterDateIsRefused() throws {
        let run = try check("---\ndate: 2025-02-30\n---\n" + Self.contradicted, name: "draft.md")
        #expect(run.status == 2)
        #expect(run.standardError.contains("front matter date '2025-02-30' is not a date"), "\(run.standardError)")
    }

    /// A "billion laughs" in 400 bytes: refused at once rather than expanded.
    @Test func aFrontMatterAliasBombIsRefused() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (level, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let started = Date()
        let run = try check("---\n" + yaml + "title: x\n---\n" + Self.contradicted, name: "draft.md")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 2)
        #expect(run.standardError.contains("front matter is too large"), "\(run.standardError)")
    }

    @Test func servingOnEveryInterfaceWithoutATokenIsRefused() throws {
        let run = try FactCheckBinary.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("other machines can reach this address, and no token is set"), "\(run.standardError)")
        #expect(run.standardError.contains("--insecure"))
    }
}
