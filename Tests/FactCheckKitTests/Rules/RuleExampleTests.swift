import Testing
@testable import FactCheckKit

/// Every rule's examples, run as tests: a rule that stops doing what its examples promise fails here.
@Suite struct RuleExampleTests {
    static let ruleSet = try! RuleLoader().load(paths: [RepositoryPaths.rules])

    @Test(arguments: ruleSet.rules.map(\.id))
    func examplesHold(ruleID: String) throws {
        let rule = try #require(Self.ruleSet.rule(id: ruleID))
        let runner = RuleExampleRunner(ruleSet: Self.ruleSet)
        #expect(runner.exampleCount(of: rule) > 0)
        for failure in runner.failures(of: rule) {
            Issue.record("\(failure)")
        }
    }

    /// SwiftLint's trick: the same examples with multi-byte text in front must land at the same scalar offsets.
    @Test(arguments: ruleSet.rules.map(\.id))
    func examplesHoldAfterMultibyteText(ruleID: String) throws {
        let rule = try #require(Self.ruleSet.rule(id: ruleID))
        let prefix = "Résumé — “naïve” café. "
        let shifted = rule.examples.map { example in
            RuleExample(baseline: example.baseline, contradicted: example.contradicted.map { prefix + $0 },
                        supported: example.supported.map { prefix + $0 }, unverified: example.unverified.map { prefix + $0 },
                        line: example.line)
        }
        let shiftedRule = Rule(id: rule.id, kind: rule.kind, message: rule.message, severity: rule.severity,
                               patterns: rule.patterns, key: rule.key, priority: rule.priority, examples: shifted,
                               file: rule.file, line: rule.line)
        for failure in RuleExampleRunner(ruleSet: Self.ruleSet).failures(of: shiftedRule) {
            Issue.record("\(failure)")
        }
    }
}
