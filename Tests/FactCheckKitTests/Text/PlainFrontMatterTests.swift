import Testing
@testable import FactCheckKit

/// `PlainFrontMatter` must read a block exactly as Yams does (`FrontMatter.parse`), and decline what it does not
/// know, which then goes to Yams.
@Suite struct PlainFrontMatterTests {
    /// Blocks in the plain form: the fast path reads them.
    static let plain: [String] = [
        "date: 2025-08-15\n",
        "date: 2015-01-01\n",
        "date:    2024-02-29\n",
        "published: 2000-02-29\nupdated: 2999-12-31\n",
        "date: 1900-01-01\nDate: 2020-06-30\n",
        "Updated_At2: 2023-11-30\n",
    ]

    /// Blocks the fast path declines: other values, other spellings, keys YAML does not read as text, repeated
    /// keys, days that do not exist, years outside its range, comments, blank lines, carriage returns.
    static let declined: [String] = [
        "", "\n", "date: 2025-08-15", "date: 2025-8-15\n", "date: 2025-08-15 \n", "date: 2025-08-15\r\n",
        "date:2025-08-15\n", " date: 2025-08-15\n", "date: '2025-08-15'\n", "date: 2025-08-15T10:00:00Z\n",
        "date: 2025-02-29\n", "date: 2025-13-01\n", "date: 2025-04-31\n", "date: 2025-00-10\n", "date: 2025-01-00\n",
        "date: 1899-12-31\n", "date: 3000-01-01\n", "date: 1900-02-29\n", "date: soon\n", "date: [\n",
        "title: Hello\n", "date: 2025-08-15\ntitle: x\n", "date: 2025-08-15\n\n", "# note\ndate: 2025-08-15\n",
        "date: 2025-08-15 # when\n", "date: 2025-08-15\ndate: 2025-08-16\n", "yes: 2025-08-15\n", "On: 2025-08-15\n",
        "NULL: 2025-08-15\n", "y: 2025-08-15\n", "1date: 2025-08-15\n", "da-te: 2025-08-15\n", "dáte: 2025-08-15\n",
        ": 2025-08-15\n", "date 2025-08-15\n", "- date: 2025-08-15\n", "date: 2025-08-15\n---\n",
    ]

    @Test(arguments: plain)
    func readsThePlainFormAsYamsDoes(body: String) throws {
        let fields = try #require(PlainFrontMatter.fields(of: ArraySlice(body.utf8)))
        let yams = try FrontMatter.parse(yaml: body, byteRange: 0..<1, path: "a.md")
        #expect(fields == yams.fields)
        #expect(!fields.isEmpty)
    }

    @Test(arguments: declined)
    func declinesEverythingElse(body: String) {
        #expect(PlainFrontMatter.fields(of: ArraySlice(body.utf8)) == nil)
    }

    @Test func documentsReadTheSameDateAndErrorsEitherWay() throws {
        let plain = try Document(path: "a.md", text: "---\ndate: 2024-02-29\n---\nHe left.\n")
        #expect(plain.date == DateValue(year: 2024, month: 2, day: 29))
        // Declined by the fast path, read by Yams: same date, same block.
        let quoted = try Document(path: "a.md", text: "---\ndate: '2024-02-29'\n---\nHe left.\n")
        #expect(quoted.date == plain.date)
        #expect(quoted.readableText(of: quoted.sentences[0].range) == "He left.")
        // A value that is not a date fails through Yams with the same message as before.
        let yamsError = #expect(throws: InputError.self) {
            try FrontMatter.parse(yaml: "date: soon\n", byteRange: 0..<1, path: "a.md")
        }
        let documentError = #expect(throws: InputError.self) {
            try Document(path: "a.md", text: "---\ndate: soon\n---\nText.")
        }
        #expect(yamsError?.description == documentError?.description)
    }
}
