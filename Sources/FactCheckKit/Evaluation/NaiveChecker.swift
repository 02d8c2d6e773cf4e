/// The checker most tools start from, kept as the yardstick: flag every digit string in the draft that the source
/// does not contain.
public enum NaiveChecker {
    /// Scalar spans of the draft's digit strings ("1,300", "3.2") missing from the source.
    public static func flags(source: String, draft: String) -> [Range<Int>] {
        let known = Set(numbers(in: source).map { $0.text.replacingOccurrences(of: ",", with: "") })
        return numbers(in: draft).filter { number in
            var text = number.text.replacingOccurrences(of: ",", with: "")
            if text.hasSuffix(".") { text.removeLast() }
            return !known.contains(text)
        }.map(\.span)
    }

    /// Runs of digits with the commas and points inside them, as the scorer reads them (`\d[\d,]*(?:\.\d+)?`).
    private static func numbers(in text: String) -> [(text: String, span: Range<Int>)] {
        let scalars = Array(text.unicodeScalars)
        var found: [(String, Range<Int>)] = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        while index < scalars.count {
            guard isDigit(index) else { index += 1; continue }
            let start = index
            while isDigit(index) || (index < scalars.count && scalars[index] == ",") { index += 1 }
            if index + 1 < scalars.count, scalars[index] == ".", isDigit(index + 1) {
                index += 1
                while isDigit(index) { index += 1 }
            }
            found.append((String(String.UnicodeScalarView(scalars[start..<index])), start..<index))
        }
        return found
    }
}
