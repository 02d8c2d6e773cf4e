import Foundation

/// The moment a report says it was made. Reports take it as an input so that the same findings give the same
/// bytes; the command line reads it here.
public enum ReportDate {
    /// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when it is set and valid,
    /// else now. Golden-file tests and archived reports set it to pin the date a page shows.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }

    /// "2025-08-16 09:30 UTC": the same text on every machine, whatever its locale and time zone.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
