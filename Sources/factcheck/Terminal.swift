import FactCheckKit
import Foundation

/// What the command line needs to know about where it writes.
enum Terminal {
    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Says, once per rule, which built-in rules the user's rules replace: a newsroom that copied a rule to tune it
    /// should know the built-in one no longer runs, and one that chose an id by chance should learn it did.
    static func noteReplacedBuiltIns(_ ruleSet: RuleSet) {
        for rule in ruleSet.replacedBuiltIns {
            writeError("factcheck: note: rule '\(rule.id)' of \(rule.origin) replaces the built-in rule with that id")
        }
    }
}
