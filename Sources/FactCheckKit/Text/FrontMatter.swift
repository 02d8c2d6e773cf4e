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

    /// Front matter is a handful of fields (title, date, tags); these bound what a block can cost, so that a
    /// hostile one cannot hold a run or the server (issue 24: 400 bytes of nested aliases, a "billion laughs",
    /// took minutes and gigabytes).
    static let maximumBytes = 64 * 1024
    /// The most nodes read, counting each use of an alias as the whole of what it names.
    static let maximumNodes = 10_000
    /// The deepest nesting of lists and mappings.
    static let maximumDepth = 32

    /// Reads a block through Yams (`read` tries `PlainFrontMatter` first).
    static func parse(yaml: String, byteRange: Range<Int>, path: String) throws(InputError) -> FrontMatter {
        func tooComplex(_ what: String) -> InputError {
            InputError(path: path, line: 1, message: "front matter is \(what)",
                       hint: "front matter holds a few fields (title, date); move the rest into the text")
        }
        guard yaml.utf8.count <= maximumBytes else { throw tooComplex("larger than \(maximumBytes / 1024) KB") }
        // libyaml and Yams nest a call per level: a depth past the limit is refused before they run.
        guard flowDepth(of: yaml) <= maximumDepth, !yaml.split(separator: "\n").contains(where: { line in
            line.prefix { $0 == " " }.count > 4 * maximumDepth
        }) else { throw tooComplex("nested more than \(maximumDepth) levels deep") }
        let root: Node?
        do {
            // Nodes, not Swift values: an alias is the node it names, shared, and the walk below counts each use.
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw InputError(path: path, line: 1, message: "front matter is not valid YAML: \(error)",
                             hint: "fix the block between the '---' lines")
        }
        var fields: [String: String] = [:]
        var budget = maximumNodes
        if case let .mapping(mapping)? = root {
            for (key, value) in mapping {
                guard let text = Self.text(of: value, depth: 0, budget: &budget) else {
                    throw tooComplex("too large or too deeply nested (\(maximumNodes) values at most, aliases counted in full)")
                }
                if let key = key.string { fields[key] = text }
            }
        }
        return try frontMatter(fields: fields, byteRange: byteRange, path: path)
    }

    /// A field's value as text (a list as `[a, b]`); nil past the node budget or the depth limit.
    private static func text(of node: Node, depth: Int, budget: inout Int) -> String? {
        budget -= 1
        guard budget >= 0, depth <= maximumDepth else { return nil }
        switch node {
        case let .scalar(scalar):
            return scalar.string
        case let .sequence(sequence):
            var items: [String] = []
            for item in sequence {
                guard let text = text(of: item, depth: depth + 1, budget: &budget) else { return nil }
                items.append(text)
            }
            return "[" + items.joined(separator: ", ") + "]"
        case let .mapping(mapping):
            var items: [String] = []
            for (key, value) in mapping {
                guard let key = text(of: key, depth: depth + 1, budget: &budget),
                      let value = text(of: value, depth: depth + 1, budget: &budget) else { return nil }
                items.append(key + ": " + value)
            }
            return "[" + items.joined(separator: ", ") + "]"
        case .alias:
            return nil
        }
    }

    /// The deepest nesting of `[` and `{` (quotes not told apart: a title nested 32 brackets deep is no title).
    private static func flowDepth(of yaml: String) -> Int {
        var depth = 0, deepest = 0
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                deepest = max(deepest, depth)
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
        }
        return deepest
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
              (1...12).contains(month), (1...DateReader.lastDay(year: year, month: month)).contains(day)
        else { return nil }
        return DateValue(year: year, month: month, day: day)
    }
}
