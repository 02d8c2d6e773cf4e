import Foundation

/// Reads clock times with their zone words: "11:00 a.m.", "11 a.m.", "11am", "11.30pm", "1:34 PM", "22:00",
/// "noon", "midnight", "6 o'clock", "11:00 a.m. local time", "10:00 p.m. Moscow time", "6:55 PM ET",
/// "0800 GMT".
///
/// A time written without a.m./p.m., with an hour from 1 to 12 and no leading zero ("6:30", "6 o'clock"), holds
/// both readings (06:30 and 18:30). Zones are normalized through a table of zone words ("Moscow time" and "MSK"
/// are "moscow"; "ET", "EDT" and "Eastern time" are "et"; "GMT" and "UTC" are "gmt").
public enum TimeReader: ValueReader {
    /// Zone words and their normal form.
    static let zones: [([String], String)] = {
        var table: [([String], String)] = [
            (["local", "time"], "local"),
            (["gmt"], "gmt"), (["utc"], "gmt"), (["greenwich", "mean", "time"], "gmt"),
            (["msk"], "moscow"), (["moscow", "time"], "moscow"),
            (["bst"], "london"), (["british", "summer", "time"], "london"), (["british", "time"], "london"),
            (["uk", "time"], "london"), (["london", "time"], "london"),
            (["cet"], "cet"), (["cest"], "cet"), (["central", "european", "time"], "cet"),
            (["eet"], "eet"), (["eest"], "eet"), (["eastern", "european", "time"], "eet"),
            (["kyiv", "time"], "kyiv"), (["kiev", "time"], "kyiv"),
            (["jst"], "jst"), (["japan", "time"], "jst"), (["tokyo", "time"], "jst"), (["ist"], "ist"),
            (["akst"], "alaska"), (["akdt"], "alaska"), (["alaska", "time"], "alaska"),
            (["anchorage", "time"], "alaska"), (["hst"], "hawaii"), (["hawaii", "time"], "hawaii"),
            (["washington", "time"], "et"), (["new", "york", "time"], "et"),
        ]
        // US zones: "ET", "EST", "EDT", "Eastern time", "Eastern Standard Time", "Eastern Daylight Time".
        for (letter, name) in [("e", "eastern"), ("c", "central"), ("m", "mountain"), ("p", "pacific")] {
            let normal = letter + "t"
            table += [([normal], normal), ([letter + "st"], normal), ([letter + "dt"], normal),
                      ([name, "time"], normal), ([name, "standard", "time"], normal),
                      ([name, "daylight", "time"], normal)]
        }
        // "Minsk time" and the like: the place, lowercased.
        let places = ["minsk", "beijing", "tehran", "jerusalem", "israel", "istanbul", "ankara", "riyadh", "doha",
                      "dubai", "delhi", "kabul", "seoul", "pyongyang", "taipei", "singapore", "sydney", "cairo",
                      "paris", "berlin", "brussels", "geneva", "rome", "madrid", "warsaw", "vilnius", "riga",
                      "tallinn", "tbilisi", "baku", "yerevan", "astana", "tashkent"]
        table += places.map { ([$0, "time"], $0) }
        return table
    }()

    // MARK: Fragments

    /// Zone words alone; the `zone` macro. "GMT+3" and "UTC-5:30" carry an offset.
    static let zonePattern: String =
        #"\b(?:(?:gmt|utc)[+\-−](?:1[0-4]|0?[0-9])(?::[0-5][0-9])?\b|"# + ValuePattern.alternation(zones.map(\.0))
        + #"\b)"#

    private static let meridiem = #"[ap]\.?m\b\.?"#
    private static let hour12 = "(?:1[0-2]|0?[1-9])"

    /// The `time` macro.
    static let pattern: String = "(?:" + [
        ValuePattern.digitStart + hour12 + #"(?:[:.][0-5][0-9])?\s*"# + meridiem,
        ValuePattern.digitStart + hour12 + #"(?::[0-5][0-9])?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"#,
        "(?:" + ValuePattern.digitStart + #"12\s+)?\b(?:noon|midday|midnight)\b"#,
        ValuePattern.digitStart + hour12 + #"\s+o['’]clock\b"#,
        ValuePattern.digitStart + #"(?:[01][0-9]|2[0-3])[0-5][0-9](?=\s+(?:gmt|utc)\b)"#,
        ValuePattern.digitStart + "(?:[01]?[0-9]|2[0-3]):[0-5][0-9]" + ValuePattern.digitEnd,
    ].joined(separator: "|") + #")(?:\s+"# + zonePattern + ")?"

    /// How `pattern` begins: a digit that begins a word (every branch with an hour starts after
    /// `ValuePattern.digitStart`), "noon", "midday" or "midnight".
    static let start = FragmentStart(words: ["noon", "midday", "midnight"], digitsBeginningWords: true)

    /// `time`: a clock time with optional zone words; `zone`: the zone words alone.
    public static var macros: [String: String] { ["time": pattern, "zone": zonePattern] }

    /// The reading of a text is the same in every document: the context is not read.
    public static let dependsOnContext = false

    /// Reads a time matched by `time` to `.time(...)`. A bare hour ("6", as a rule may capture from "at 6") is also
    /// read, with both readings. Zone words alone are not a time: use `zone(_:)` for them.
    public static func read(_ text: String, context: ReadingContext) -> Value? {
        guard let tokens = TokenStream(TokenStream.trimmed(spokenMeridiem(text)), limit: 16) else { return nil }
        for (end, minutes, military) in clock(tokens, 0) {
            if end == tokens.count, !military { return .time(TimeValue(minutes: minutes)) }
            guard tokens.spaced(end), let (zoneEnd, zone) = zone(tokens, end), zoneEnd == tokens.count else {
                continue
            }
            // "0800" is a time only with a universal-time zone after it.
            if military, zone != "gmt" { continue }
            return .time(TimeValue(minutes: minutes, zone: zone))
        }
        return nil
    }

    /// "11 in the morning" is "11 a.m."; "3 in the afternoon", "8 in the evening" and "10 at night" are p.m.
    static let spokenDayParts: [(suffix: String, meridiem: String)] = [
        ("in the morning", "a.m."), ("in the afternoon", "p.m."), ("in the evening", "p.m."), ("at night", "p.m."),
    ]

    /// The text with a spoken part of the day after a clock hour written as a.m. or p.m.
    static func spokenMeridiem(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (suffix, meridiem) in spokenDayParts {
            guard let range = collapsed.range(of: " " + suffix, options: [.caseInsensitive]) else { continue }
            // The suffix must follow the clock reading directly ("11 in the morning", "11:30 in the morning").
            let head = collapsed[..<range.lowerBound]
            guard let last = head.split(separator: " ").last, last.first?.isNumber == true else { continue }
            return head + " " + meridiem + collapsed[range.upperBound...]
        }
        return text
    }

    /// The normal form of zone words matched by `zone` ("Moscow time" → "moscow", "EDT" → "et",
    /// "UTC+3" → "gmt+3"); nil when the text is not zone words.
    public static func zone(_ text: String) -> String? {
        guard let tokens = TokenStream(TokenStream.trimmed(text), limit: 8),
              let (end, zone) = zone(tokens, 0), end == tokens.count else { return nil }
        return zone
    }

    // MARK: Parsers

    /// Zone words at `index`: (end index, normal form).
    static func zone(_ tokens: TokenStream, _ index: Int) -> (Int, String)? {
        if let word = tokens.word(index), word == "gmt" || word == "utc",
           let sign = tokens[index + 1]?.text, sign == "+" || sign == "-", tokens.attached(index + 1),
           tokens.attached(index + 2), let hours = tokens.digits(index + 2), hours.count <= 2,
           let hour = Int(hours), (0...14).contains(hour), hours.count == 1 || hour >= 10 || hours.first == "0" {
            var offset = "gmt\(sign)\(hour)"
            if tokens.isSymbol(index + 3, ":"), tokens.attached(index + 3), tokens.attached(index + 4),
               let minutes = tokens.digits(index + 4), let minute = twoDigitMinute(minutes) {
                offset += String(format: ":%02d", minute)
                return (index + 5, offset)
            }
            return (index + 3, offset)
        }
        var best: (Int, String)?
        for (words, normal) in zones {
            if let end = tokens.matchWords(words, at: index), end > (best?.0 ?? index) { best = (end, normal) }
        }
        return best
    }

    /// Clock readings at `index`: (end index, minutes after midnight, written as four military digits).
    private static func clock(_ tokens: TokenStream, _ index: Int) -> [(Int, [Int], Bool)] {
        var parses: [(Int, [Int], Bool)] = []
        // noon, midnight, "12 noon".
        var nounIndex = index
        if tokens.digits(index) == "12", tokens.spaced(index + 1) { nounIndex = index + 1 }
        if let word = tokens.word(nounIndex), let minutes = ["noon": 720, "midday": 720, "midnight": 0][word] {
            parses.append((nounIndex + 1, [minutes], false))
        }
        guard let digits = tokens.digits(index) else { return parses }
        // "19h30", "16h": the 24-hour clock as much of Europe writes it (read, not looked for: "24h" is a duration).
        if digits.count <= 2, let hour = Int(digits), hour <= 23, tokens.isWord(index + 1, "h"), tokens.attached(index + 1) {
            if let minutes = tokens.digits(index + 2), tokens.attached(index + 2), let minute = twoDigitMinute(minutes) {
                parses.append((index + 3, [hour * 60 + minute], false))
            } else {
                parses.append((index + 2, [hour * 60], false))
            }
        }
        // "0800" before GMT.
        if digits.count == 4, digits.allSatisfy(\.isNumber), let hour = Int(digits.prefix(2)), hour <= 23,
           let minute = twoDigitMinute(String(digits.suffix(2))) {
            parses.append((index + 1, [hour * 60 + minute], true))
        }
        // Hour and minutes: "11", "11:00", "11.30" (the dotted form only before a.m./p.m.).
        var forms: [(end: Int, hourText: String, minute: Int, dotted: Bool)] = []
        if digits.count <= 2 {
            forms.append((index + 1, digits, 0, false))
            if tokens.isSymbol(index + 1, ":"), tokens.attached(index + 1), tokens.attached(index + 2),
               let minutes = tokens.digits(index + 2), let minute = twoDigitMinute(minutes) {
                forms.append((index + 3, digits, minute, false))
            }
        } else {
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, parts[0].count <= 2, let minute = twoDigitMinute(String(parts[1])) {
                forms.append((index + 1, String(parts[0]), minute, true))
            }
        }
        for form in forms {
            guard let hour = Int(form.hourText) else { continue }
            let validHour12 = (1...12).contains(hour)
            if validHour12 {
                for (end, pm) in meridiem(tokens, form.end) {
                    parses.append((end, [hour % 12 * 60 + (pm ? 720 : 0) + form.minute], false))
                }
            }
            guard !form.dotted else { continue }
            let unpadded = form.hourText.count == 1 || form.hourText.first != "0"
            let readings = (1...12).contains(hour) && unpadded
                ? [hour % 12 * 60 + form.minute, hour % 12 * 60 + 720 + form.minute]
                : [hour * 60 + form.minute]
            if form.end == index + 3, hour <= 23 {
                parses.append((form.end, readings, false))  // "22:00", "6:30"
            } else if form.end == index + 1, validHour12, tokens.spaced(index + 1),
                      tokens.isWord(index + 1, "o'clock") {
                parses.append((index + 2, readings, false))
            } else if form.end == index + 1, validHour12 {
                parses.append((index + 1, readings, false))  // a bare hour: read's tolerance, not in the macro
            }
        }
        return parses
    }

    /// "00" to "59", two digits.
    private static func twoDigitMinute(_ text: String) -> Int? {
        guard text.count == 2, let minute = Int(text), (0...59).contains(minute) else { return nil }
        return minute
    }

    /// a.m./p.m. at `index` in any of its spellings: "am", "a.m.", "a.m", "AM": (end index, is p.m.).
    private static func meridiem(_ tokens: TokenStream, _ index: Int) -> [(Int, Bool)] {
        var ends: [(Int, Bool)] = []
        if let word = tokens.word(index), word == "am" || word == "pm" {
            ends.append((index + 1, word == "pm"))
        } else if let word = tokens.word(index), word == "a" || word == "p", tokens.isSymbol(index + 1, "."),
                  tokens.attached(index + 1), tokens.attached(index + 2), tokens.isWord(index + 2, "m") {
            ends.append((index + 3, word == "p"))
        }
        // The closing period: "a.m." and "am." both occur.
        return ends.flatMap { end, pm in
            tokens.isSymbol(end, ".") && tokens.attached(end) ? [(end + 1, pm), (end, pm)] : [(end, pm)]
        }
    }
}
