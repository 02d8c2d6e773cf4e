/// Reads, byte by byte, the one front matter form an archive's documents nearly all have: lines of
/// `key: YYYY-MM-DD` ("date: 2025-08-15"). Loading such a block with Yams costs more than reading the claims of a
/// short article; this reader answers for it exactly as `FrontMatter` would through Yams, and declines everything
/// else (any other value, a comment, a quote, a blank line, a carriage return, a repeated key, a key YAML would
/// read as a boolean or null), which then goes to Yams as before, errors included.
enum PlainFrontMatter {
    /// The block's fields (key → value as text), when `body` (the bytes between the fences, each line ended by a
    /// line feed) is in the plain form; nil otherwise.
    static func fields(of body: ArraySlice<UInt8>) -> [String: String]? {
        guard !body.isEmpty, body.last == 0x0A else { return nil }
        var fields: [String: String] = [:]
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            guard let lineEnd = body[lineStart...].firstIndex(of: 0x0A),
                  let (key, value) = keyAndDate(in: body[lineStart..<lineEnd]),
                  fields.updateValue(value, forKey: key) == nil
            else { return nil }
            lineStart = lineEnd + 1
        }
        return fields
    }

    /// Keys YAML 1.1 reads as booleans or null rather than as text (compared lower-cased): a block with one is
    /// not a mapping of Strings, and Yams decides what it is.
    static let nonTextKeys: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]

    /// The key and the date of a line `key: YYYY-MM-DD`, nil for any other line.
    private static func keyAndDate(in line: ArraySlice<UInt8>) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        let key = line[line.startIndex..<colon]
        guard isLetter(key.first!), key.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") })
        else { return nil }
        var valueStart = colon + 1
        guard valueStart < line.endIndex, line[valueStart] == 0x20 else { return nil }
        while valueStart < line.endIndex, line[valueStart] == 0x20 { valueStart += 1 }
        let value = line[valueStart...]
        guard isDate(value) else { return nil }
        let keyText = String(decoding: key, as: UTF8.self)
        guard !nonTextKeys.contains(keyText.lowercased()) else { return nil }
        return (keyText, String(decoding: value, as: UTF8.self))
    }

    /// Exactly `YYYY-MM-DD`, a real day of a year from 1900 to 2999: Yams reads it as that day at midnight UTC,
    /// which `FrontMatter` writes back as the same ten characters. (Far older years would meet the Julian
    /// calendar of Foundation's Gregorian one; an impossible day is Yams's to judge.)
    private static func isDate(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count == 10 else { return false }
        let bytes = Array(value)
        for (index, byte) in bytes.enumerated() {
            let isDash = index == 4 || index == 7
            guard isDash ? byte == UInt8(ascii: "-") : isDigit(byte) else { return false }
        }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard (1900...2999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let daysInMonth = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= daysInMonth
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
