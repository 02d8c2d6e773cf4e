import FactCheckKit
import Foundation

/// The body of `POST /v1/check` and `POST /v1/report`:
/// `{"draft": "<text>", "format": "text|markdown|html", "date": "2025-08-15", "name": "draft.md"}`, only `draft`
/// required. Unknown fields are ignored, so a CMS can send what it already has.
struct CheckRequest: Sendable {
    /// The path reports show when the request names none.
    static let defaultName = "draft"

    var draft: String
    var format: DocumentFormat?
    var date: DateValue?
    var name: String

    /// Reads and validates a request body.
    /// - Throws: `APIError` (400) naming the field that is missing, of the wrong type or invalid.
    init(json body: some Collection<UInt8>) throws(APIError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(body))
        } catch {
            throw .malformedJSON(Self.describe(error))
        }
        guard let fields = object as? [String: Any] else {
            throw .malformedJSON("the body is JSON but not an object")
        }
        guard let rawDraft = fields["draft"], !(rawDraft is NSNull) else { throw .missingDraft }
        guard let draft = rawDraft as? String else { throw .wrongType("draft", expected: "a string") }
        guard !draft.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyDraft }
        self.draft = draft
        self.format = try Self.format(fields["format"])
        self.date = try Self.date(fields["date"])
        switch fields["name"] {
        case nil, is NSNull: name = Self.defaultName
        case let name as String where !name.isEmpty: self.name = name
        default: throw .wrongType("name", expected: "a non-empty string")
        }
    }

    /// The draft as a document, read in the requested format (by default from the name's extension, as files are).
    /// - Throws: `APIError` (400) when the draft's front matter is malformed.
    func document() throws(APIError) -> Document {
        do {
            return try Document(path: name, text: draft, format: format, date: date)
        } catch {
            throw .invalidDraft(error)
        }
    }

    private static func format(_ value: Any?) throws(APIError) -> DocumentFormat? {
        switch value {
        case nil, is NSNull: return nil
        case let text as String:
            // Whatever formats FactCheckKit reads; "html" starts working here when it does.
            guard let format = DocumentFormat(rawValue: text) else {
                throw .unknownFormat(text, known: DocumentFormat.allCases.map(\.rawValue))
            }
            return format
        default: throw .wrongType("format", expected: "a string")
        }
    }

    /// Only a real calendar day in the form YYYY-MM-DD: "2025-02-30" or "15/08/2025" would silently shift every
    /// relative date of the draft.
    private static func date(_ value: Any?) throws(APIError) -> DateValue? {
        switch value {
        case nil, is NSNull: return nil
        case let text as String:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  let real = DateValue.calendar.date(from: DateComponents(year: year, month: month, day: day)),
                  DateValue.calendar.component(.day, from: real) == day,
                  DateValue.calendar.component(.month, from: real) == month
            else { throw .invalidDate(text) }
            return DateValue(year: year, month: month, day: day)
        default: throw .wrongType("date", expected: "a string of the form YYYY-MM-DD")
        }
    }

    /// JSONSerialization's messages name an offset ("around line 1, column 5"), which is what a developer needs.
    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
