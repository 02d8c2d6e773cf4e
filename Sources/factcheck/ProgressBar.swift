import ArgumentParser
import FactCheckKit
import Foundation

/// Shows how far a fact base build has got on standard error: a bar redrawn in place on a terminal, nothing
/// when standard error is piped (unless asked for, then plain lines that a log or a test can read).
final class ProgressBar {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        /// A bar when standard error is a terminal, else nothing.
        case auto
        /// Plain lines even when piped.
        case always
        case never
    }

    private let label: String
    private let isTerminal: Bool
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drew = false

    init(label: String, mode: Mode) {
        self.label = label
        isTerminal = isatty(STDERR_FILENO) == 1
        enabled = mode == .always || (mode == .auto && isTerminal)
    }

    func report(_ progress: FactStoreProgress) {
        guard enabled else { return }
        let now = Date()
        // Redraws cost a write each: at most ten a second, and always the first and the last.
        guard !drew || progress.done == progress.total || now.timeIntervalSince(lastDraw) >= (isTerminal ? 0.1 : 1) else { return }
        lastDraw = now
        drew = true
        let megabytes = Double(progress.bytes) / 1_048_576
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let figures = "\(progress.done)/\(progress.total) documents, "
            + String(format: "%.1f MB extracted, %.1f MB/s", megabytes, megabytes / seconds)
        if isTerminal {
            let width = 30
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(figures)\u{1B}[K".utf8))
        } else {
            FileHandle.standardError.write(Data("\(label): \(figures)\n".utf8))
        }
    }

    /// Ends the bar's line, so that what follows starts on its own.
    func finish() {
        if enabled, isTerminal, drew { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
