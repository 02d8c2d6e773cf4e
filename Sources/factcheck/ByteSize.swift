import Foundation
import ArgumentParser

/// A size given on the command line: "1048576", "512KiB", "1MiB" (also "K", "KB", "M", "MB", all binary).
struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = text.prefix(while: \.isNumber)
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let multipliers: [String: Int] = ["": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
                                          "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20]
        guard let count = Int(digits), let multiplier = multipliers[unit] else { return nil }
        let (product, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }

    var defaultValueDescription: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)MiB" : "\(bytes)"
    }
}
