import Foundation

/// What the command line needs to know about where it writes.
enum Terminal {
    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Without a configuration file, rules come from `Rules/` in the working directory.
    static let defaultRulesFolder = "Rules"

    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
