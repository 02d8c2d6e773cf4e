import Foundation
import Yams

/// A YAML front matter block at the top of a document (`---` ... `---`), read for its `date:`.
public struct FrontMatter: Sendable {
    /// The bytes of the whole block, fences included.
    public var byteRange: Range<Int>
    /// The document's date, when the block has a `date:` of the form YYYY-MM-DD.
    public var date: DateValue?
    /// Every key of the block, with its value as text.
    public var fields: [String: String]

    /// Reads the front matter block of a text, if it has one.
    /// - Throws: `InputError` when the block is not valid YAML or its date is not a date.
    public static func read(from text: SourceText, path: String) throws(InputError) -> FrontMatter? {
        let bytes = text.bytes
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: Array("---".utf8)) else { return nil }
        var cursor = start + 3
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x0D { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x0A else { return nil }
        let bodyStart = cursor + 1
        // Find the closing fence: a line that is exactly "---" or "...".
        var lineStart = bodyStart
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if line == "---" || line == "..." {
                let end = min(lineEnd + 1, bytes.count)
                // The plain `key: YYYY-MM-DD` block of most archives is read without Yams, to the same result.
                if let fields = PlainFrontMatter.fields(of: bytes[bodyStart..<lineStart]) {
                    return try frontMatter(fields: fields, byteRange: start..<end, path: path)
                }
                let yaml = String(decoding: bytes[bodyStart..<lineStart], as: UTF8.self)
                return try parse(yaml: yaml, byteRange: start..<end, path: path)
            }
            lineStart = lineEnd + 1
        }
        throw InputError(path: path, line: 1, message: "front matter starts with '---' but never ends",
                         hint: "close it with a line that says '---'")
    }

    /// Reads a block through Yams (`read` tries `PlainFrontMatter` first).
    static func parse(yaml: String, byteRange: Range<Int>, path: String) throws(InputError) -> FrontMatter {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch {
            throw InputError(path: path, line: 1, message: "front matter is not valid YAML: \(error)",
                             hint: "fix the block between the '---' lines")
        }
        var fields: [String: String] = [:]
        if let dictionary = loaded as? [String: Any] {
            for (key, value) in dictionary {
                if let value = value as? Date {
                    let parts = DateValue.calendar.dateComponents([.year, .month, .day], from: value)
                    fields[key] = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
                } else {
                    fields[key] = "\(value)"
                }
            }
        }
        return try frontMatter(fields: fields, byteRange: byteRange, path: path)
    }

    /// The front matter with `fields`, its date read from the `date` field.
    private static func frontMatter(fields: [String: String], byteRange: Range<Int>,
                                    path: String) throws(InputError) -> FrontMatter {
        var date: DateValue?
        if let text = fields["date"] {
            guard let parsed = isoDate(text) else {
                throw InputError(path: path, line: 1, message: "front matter date '\(text)' is not a date",
                                 hint: "write it as YYYY-MM-DD")
            }
            date = parsed
        }
        return FrontMatter(byteRange: byteRange, date: date, fields: fields)
    }

    /// Reads "2025-08-15" (and the date part of a longer timestamp).
    static func isoDate(_ text: String) -> DateValue? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return DateValue(year: year, month: month, day: day)
    }
}
