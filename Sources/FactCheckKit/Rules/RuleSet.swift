import Foundation

/// The rules and the lexicon a run uses, loaded once and shared by every check.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    public let lexicon: Lexicon
    /// `ContentHash` of the rule and lexicon files' contents, in load order: a fact store records it and is
    /// rebuilt when it changes. Empty for rules made in code.
    public let fingerprint: String
    /// The user's rules that took the place of a built-in rule with the same id, in load order: the command line
    /// says so once, since a newsroom may not know it shadowed one.
    public let replacedBuiltIns: [Rule]

    public init(rules: [Rule], lexicon: Lexicon = Lexicon(), fingerprint: String = "", replacedBuiltIns: [Rule] = []) {
        self.rules = rules
        self.lexicon = lexicon
        self.fingerprint = fingerprint
        self.replacedBuiltIns = replacedBuiltIns
    }

    /// The rule with an id, if any.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// Whether every pattern is JIT-compiled.
    public var isJITCompiled: Bool {
        rules.allSatisfy { $0.patterns.allSatisfy(\.isJITCompiled) }
    }

    /// JIT-compiles the patterns not compiled yet (each `Pattern.compileJIT()` skips one that is), on every core.
    /// PCRE2 adds the machine code to each compiled pattern: never while another thread matches with these rules.
    public func compileJIT() {
        Pattern.compileJIT(rules.flatMap(\.patterns))
    }

    /// `compileJIT()` the first time any thread asks, the others waiting until it is done: threads that each
    /// call `compile()` before matching never match while the machine code is being added.
    final class JITOnce: @unchecked Sendable {
        // @unchecked: `done` is only touched under `lock`.
        private let ruleSet: RuleSet
        private let lock = NSLock()
        private var done = false

        init(_ ruleSet: RuleSet) {
            self.ruleSet = ruleSet
        }

        func compile() {
            lock.lock()
            defer { lock.unlock() }
            if !done {
                ruleSet.compileJIT()
                done = true
            }
        }
    }
}
