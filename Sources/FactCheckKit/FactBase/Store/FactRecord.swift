/// A stored fact as the aligner and the evidence need it, in a compact binary form, in three parts: the claim's
/// context (rule, key, context terms, names, people, event, assertion and role: everything alignment reads but the
/// value), its value, and the passage evidence shows. Identical claims (the same sentence on the wire, in a
/// hundred papers) are stored and scored once, and so are identical contexts (a sentence stated with a hundred
/// different figures: monthly rates, corrections, or the wrong figure in one paper). Binary rather than JSON
/// because a large archive holds millions of facts and candidate lookups decode hundreds.
struct FactRecord {
    var claim: Claim
    var passage: Passage

    /// Bumped whenever the layout below changes (it is part of the rules fingerprint, so old stores get rebuilt).
    static let layoutVersion = 5

    // MARK: Encoding

    static func encode(claim: Claim, passage: Passage) -> [UInt8] {
        var writer = Writer()
        writeContext(claim, sortedContext: claim.context.sorted { $0.key < $1.key }, into: &writer)
        writeValue(claim.value, into: &writer)
        writePassage(passage, into: &writer)
        return writer.bytes
    }

    /// The part of a claim alignment reads besides its value: equal bytes mean equal alignments with any draft
    /// claim for equal values. The caller has sorted the claim's context (by term), and needs it too.
    /// Appended to `writer`, which may hold other records before: a store's worker writes all of a document's
    /// facts into one buffer.
    static func writeContext(_ claim: Claim, sortedContext context: [(key: String, value: Double)],
                             into writer: inout Writer) {
        writer.string(claim.ruleID)
        writer.string(claim.kind)
        writer.string(claim.severity.rawValue)
        writer.strings(claim.key)
        writer.strings(claim.keyWords)
        writer.int(context.count)
        for (term, weight) in context {
            writer.string(term)
            writer.double(weight)
        }
        writer.strings(claim.names.sorted())
        writer.strings(claim.people.sorted())
        writer.string(claim.event ?? "")
        writer.string(claim.assertion.rawValue)
        writer.bool(claim.isComparisonBase)
        writer.strings(claim.nearTerms)
    }

    /// A claim's value, appended to `writer`.
    static func writeValue(_ value: Value, into writer: inout Writer) {
        writer.value(value)
    }

    /// The passage evidence shows, appended to `writer`.
    static func writePassage(_ passage: Passage, into writer: inout Writer) {
        writer.string(passage.text)
        writer.int(passage.location.offset)
        writer.int(passage.location.line)
        writer.int(passage.location.column)
        writer.int(passage.length)
        writer.string(passage.sentence)
    }

    /// Decodes a record written by `encode`; nil when the bytes are not one (a damaged store).
    static func decode(_ bytes: [UInt8]) -> FactRecord? {
        var reader = Reader(bytes: bytes)
        guard let context = reader.context(), let value = reader.value(), let passage = reader.passage(value: value),
              reader.isAtEnd
        else { return nil }
        return FactRecord(claim: context.claim(value: value), passage: passage)
    }

    /// Decodes a context written by `writeContext`.
    static func decodeContext(_ bytes: [UInt8]) -> StoredContext? {
        var reader = Reader(bytes: bytes)
        guard let context = reader.context(), reader.isAtEnd else { return nil }
        return context
    }

    /// Decodes a value written by `writeValue`.
    static func decodeValue(_ bytes: [UInt8]) -> Value? {
        var reader = Reader(bytes: bytes)
        guard let value = reader.value(), reader.isAtEnd else { return nil }
        return value
    }

    /// Decodes a passage written by `writePassage`, for a claim of `value`.
    static func decodePassage(_ bytes: [UInt8], value: Value) -> Passage? {
        var reader = Reader(bytes: bytes)
        guard let passage = reader.passage(value: value), reader.isAtEnd else { return nil }
        return passage
    }
}

extension FactRecord.Reader {
    mutating func context() -> StoredContext? {
        guard let ruleID = string(), let kind = string(),
              let severity = string().flatMap(Severity.init(rawValue:)),
              let key = strings(), let keyWords = strings(), let contextCount = int(),
              fits(contextCount, ofAtLeast: 9)
        else { return nil }
        var context: [String: Double] = [:]
        context.reserveCapacity(contextCount)
        for _ in 0..<contextCount {
            guard let term = string(), let weight = double() else { return nil }
            context[term] = weight
        }
        guard let names = strings(), let people = strings(), let event = string(),
              let assertion = string().flatMap(Assertion.init(rawValue:)), let isComparisonBase = bool(),
              let nearTerms = strings()
        else { return nil }
        return StoredContext(ruleID: ruleID, kind: kind, severity: severity, key: key, keyWords: keyWords,
                             context: context, names: Set(names), people: Set(people),
                             event: event.isEmpty ? nil : event, assertion: assertion,
                             isComparisonBase: isComparisonBase, nearTerms: nearTerms)
    }

    mutating func passage(value: Value) -> Passage? {
        guard let text = string(), let offset = int(), let line = int(), let column = int(), let length = int(),
              let sentence = string(), offset >= 0, line >= 1, column >= 1, length >= 0
        else { return nil }
        return Passage(text: text, value: value, location: TextLocation(offset: offset, line: line, column: column),
                       length: length, sentence: sentence)
    }
}

extension FactRecord {

    // MARK: Byte-level writer and reader

    struct Writer {
        var bytes: [UInt8] = []

        // A third of the claim bodies of the benchmark archive take more than 256 bytes, 3% more than 512: one
        // allocation rather than a regrowth.
        init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

        mutating func int(_ value: Int) {
            // Zig-zag varint: small numbers (lines, columns, counts) take one byte.
            var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
            while zigzag >= 0x80 {
                bytes.append(UInt8(zigzag & 0x7F) | 0x80)
                zigzag >>= 7
            }
            bytes.append(UInt8(zigzag))
        }

        mutating func double(_ value: Double) {
            // Low byte first: eight appends of a shifted integer cost less than appending a buffer of them
            // (Array.append(contentsOf:) of raw bytes, about 100 instructions a call).
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        }

        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func string(_ value: String) {
            // The UTF-8 buffer copied in one go: appending the `utf8` view walks it (a fact's body holds dozens).
            // A native String lends its buffer as it is; another is made native first.
            func append(_ utf8: UnsafeBufferPointer<UInt8>) {
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
            guard value.utf8.withContiguousStorageIfAvailable(append) == nil else { return }
            var value = value
            value.withUTF8(append)
        }

        mutating func optionalString(_ value: String?) {
            bool(value != nil)
            if let value { string(value) }
        }

        mutating func optionalInt(_ value: Int?) {
            bool(value != nil)
            if let value { int(value) }
        }

        mutating func strings(_ values: [String]) {
            int(values.count)
            for value in values { string(value) }
        }

        mutating func range(_ range: NumberRange) {
            double(range.low)
            double(range.high)
            bytes.append((range.lowOpen ? 1 : 0) | (range.highOpen ? 2 : 0) | (range.isStatedRange ? 4 : 0))
        }

        mutating func date(_ date: DateValue) {
            optionalInt(date.year)
            optionalInt(date.month)
            optionalInt(date.day)
            optionalInt(date.weekday)
            optionalInt(date.quarter)
        }

        mutating func value(_ value: Value) {
            switch value {
            case let .number(range):
                bytes.append(0)
                self.range(range)
            case let .percent(range, points):
                bytes.append(1)
                self.range(range)
                bool(points)
            case let .money(range, currency):
                bytes.append(2)
                self.range(range)
                optionalString(currency)
            case let .ordinal(position):
                bytes.append(3)
                int(position)
            case let .date(date):
                bytes.append(4)
                self.date(date)
            case let .duration(range, qualifier):
                bytes.append(5)
                self.range(range)
                optionalString(qualifier?.rawValue)
            case let .time(time):
                bytes.append(6)
                int(time.minutes.count)
                for minute in time.minutes { int(minute) }
                optionalString(time.zone)
            case let .quantity(range, unit):
                bytes.append(7)
                self.range(range)
                string(unit)
            case let .dateRange(first, last):
                bytes.append(8)
                date(first)
                date(last)
            }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        /// Whether `count` items of at least `size` bytes each can follow: a count read from damaged bytes
        /// (a bit flip, another program's write) must not make the reader reserve terabytes or run off the end.
        func fits(_ count: Int, ofAtLeast size: Int) -> Bool {
            count >= 0 && count <= (bytes.count - position) / size
        }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func int() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 {
                    let value = Int64(bitPattern: result)
                    return Int((value >> 1) ^ -(value & 1))
                }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        mutating func double() -> Double? {
            guard position + 8 <= bytes.count else { return nil }
            var bits: UInt64 = 0
            for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + index]) }
            position += 8
            return Double(bitPattern: bits)
        }

        mutating func bool() -> Bool? { byte().map { $0 != 0 } }

        mutating func string() -> String? {
            // Compared with what is left rather than `position + count`, which a damaged count can overflow.
            guard let count = int(), fits(count, ofAtLeast: 1) else { return nil }
            defer { position += count }
            return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
        }

        /// nil when unreadable; `.some(nil)` for an absent string.
        mutating func optionalString() -> String?? {
            guard let present = bool() else { return nil }
            guard present else { return .some(nil) }
            guard let value = string() else { return nil }
            return .some(value)
        }

        mutating func optionalInt() -> Int?? {
            guard let present = bool() else { return nil }
            guard present else { return .some(nil) }
            guard let value = int() else { return nil }
            return .some(value)
        }

        mutating func strings() -> [String]? {
            guard let count = int(), fits(count, ofAtLeast: 1) else { return nil }
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = string() else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func range() -> NumberRange? {
            guard let low = double(), let high = double(), let flags = byte(), !low.isNaN, !high.isNaN
            else { return nil }
            return NumberRange(low: low, high: high, lowOpen: flags & 1 != 0, highOpen: flags & 2 != 0,
                               isStatedRange: flags & 4 != 0)
        }

        mutating func date() -> DateValue? {
            guard let year = optionalInt(), let month = optionalInt(), let day = optionalInt(),
                  let weekday = optionalInt(), let quarter = optionalInt(),
                  // Out of these ranges a date would index past the month names or overflow the arithmetic of
                  // date comparison.
                  Self.holds(year, -100_000...100_000), Self.holds(month, 1...12), Self.holds(day, 1...31),
                  Self.holds(weekday, 1...7), Self.holds(quarter, 1...4)
            else { return nil }
            return DateValue(year: year, month: month, day: day, weekday: weekday, quarter: quarter)
        }

        mutating func value() -> Value? {
            switch byte() {
            case 0: return range().map { .number($0) }
            case 1:
                guard let range = range(), let points = bool() else { return nil }
                return .percent(range, points: points)
            case 2:
                guard let range = range(), let currency = optionalString() else { return nil }
                return .money(range, currency: currency)
            case 3:
                guard let position = int(), Self.holds(position, -Self.largestCount...Self.largestCount) else { return nil }
                return .ordinal(position)
            case 4: return date().map { .date($0) }
            case 5:
                guard let range = range(), let qualifier = optionalString() else { return nil }
                return .duration(range, qualifier: qualifier.flatMap(DurationQualifier.init(rawValue:)))
            case 6:
                guard let count = int(), fits(count, ofAtLeast: 1) else { return nil }
                var minutes: [Int] = []
                for _ in 0..<count {
                    guard let minute = int(), Self.holds(minute, -Self.largestCount...Self.largestCount) else { return nil }
                    minutes.append(minute)
                }
                guard let zone = optionalString() else { return nil }
                return .time(TimeValue(minutes: minutes, zone: zone))
            case 7:
                guard let range = range(), let unit = string() else { return nil }
                return .quantity(range, unit: unit)
            case 8:
                guard let first = date(), let last = date() else { return nil }
                return .dateRange(first, last)
            default: return nil
            }
        }

        /// The largest ordinal or minute a stored value may hold: far past any real one, far from overflowing the
        /// arithmetic done on them.
        static let largestCount = 1 << 40

        private static func holds(_ value: Int??, _ range: ClosedRange<Int>) -> Bool {
            guard case let .some(.some(value)) = value else { return true }
            return range.contains(value)
        }

        private static func holds(_ value: Int, _ range: ClosedRange<Int>) -> Bool { range.contains(value) }
    }
}
