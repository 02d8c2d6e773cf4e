import Foundation

/// One labelled case for measuring accuracy, in either form of `../shared/eval` (see its README):
/// seed form (a draft and the substrings that must be flagged, against a shared baseline) or pair form (a source,
/// a draft, and whether the draft contradicts it, with the edited values).
public struct LabelledCase: Sendable {
    public var id: String
    /// The case's own source; nil in seed form, where the baseline is shared.
    public var source: String?
    public var draft: String
    /// Spans of the draft (Unicode-scalar offsets) of which at least one must be flagged, one group per expected
    /// finding; empty when nothing may be flagged.
    public var targetGroups: [[Range<Int>]]
    /// True when the case expects no contradiction at all.
    public var isNegative: Bool
    /// The kind the case is labelled with, if any ("count", "date").
    public var kind: String?
    /// Which half of its set the case falls in, "A" or "B": split by source document as the project's scorer
    /// splits it (`score.py --half`), so that changes are made looking at half A and judged on half B.
    public var half: String

    /// Reads a JSONL file of cases. Pair-form positives whose edited values cannot be located in the draft are
    /// skipped, as the project's scorer skips them.
    /// - Throws: `InputError` for an unreadable file or a line that is not a case.
    public static func load(path: String) throws(InputError) -> [LabelledCase] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(path: path, message: "cannot read the cases file", hint: "check the path")
        }
        var cases: [LabelledCase] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let draft = object["draft"] as? String
            else {
                throw InputError(path: path, line: index + 1, message: "not a labelled case (a JSON object with a 'draft')")
            }
            let id = object["id"] as? String ?? "line \(index + 1)"
            if let source = object["source"] as? String {
                let positive = object["expect"] as? String == "contradicted"
                var targets = (object["targets"] as? [String] ?? []).compactMap { span(of: $0, in: draft) }
                if targets.isEmpty, positive {
                    targets = (object["changed_new"] as? [String] ?? []).filter(looksNumeric).compactMap { span(of: $0, in: draft) }
                }
                if positive && targets.isEmpty { continue }
                cases.append(LabelledCase(id: id, source: source, draft: draft, targetGroups: positive ? [targets] : [],
                                          isNegative: !positive, kind: object["kind"] as? String,
                                          half: half(ofKey: source)))
            } else {
                let expected = object["contradicted"] as? [String] ?? []
                let groups = expected.compactMap { span(of: $0, in: draft).map { [$0] } }
                cases.append(LabelledCase(id: id, source: nil, draft: draft, targetGroups: groups,
                                          isNegative: expected.isEmpty, kind: object["kind"] as? String,
                                          half: half(ofKey: id)))
            }
        }
        return cases
    }

    /// The scorer's split: the SHA-1 of the first 400 letters and digits of the lower-cased source (or id) is
    /// even for half A.
    static func half(ofKey text: String) -> String {
        let key = text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .prefix(400).map { UInt8($0.value) }
        return SHA1.digest(Array(key)).last! % 2 == 0 ? "A" : "B"
    }

    /// The scalar span of the first occurrence of `text` in `draft`.
    static func span(of text: String, in draft: String) -> Range<Int>? {
        guard !text.isEmpty, let range = draft.range(of: text) else { return nil }
        let start = draft.unicodeScalars.distance(from: draft.unicodeScalars.startIndex, to: range.lowerBound)
        return start..<(start + text.unicodeScalars.count)
    }

    /// Only edits of numbers or dates are targets (the scorer's rule): a digit, or a number word.
    static func looksNumeric(_ text: String) -> Bool {
        if text.contains(where: \.isNumber) { return true }
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                     "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                     "million", "billion", "dozen"]
        let lowered = text.lowercased()
        return words.contains { lowered.contains($0) }
    }
}
