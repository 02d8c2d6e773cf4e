import FactCheckKit
import Foundation

/// The one-line summaries the `base` commands print.
enum BaseSummary {
    static func describe(_ update: FactStoreUpdate, seconds: Double) -> String {
        let megabytes = Double(update.extractedBytes) / 1_048_576
        return "added \(update.added), replaced \(update.replaced), unchanged \(update.unchanged), removed \(update.removed): "
            + "\(update.facts) facts from \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.2f", seconds)) s"
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
