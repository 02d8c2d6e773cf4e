/// Runs the examples a rule carries and says which ones fail, so that a rule author learns at once when a rule
/// stops doing what its examples promise. The test suite and `factcheck rules test` both use it.
public struct RuleExampleRunner: Sendable {
    public let ruleSet: RuleSet

    /// One example draft that did not get the verdict its rule promised.
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var file: String
        public var line: Int
        public var draft: String
        public var expected: Verdict
        public var problem: String

        public var description: String {
            "\(file):\(line): rule '\(rule)': expected \(expected.rawValue) for \"\(draft)\": \(problem)"
        }
    }

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// Number of example drafts a rule carries.
    public func exampleCount(of rule: Rule) -> Int {
        rule.examples.reduce(0) { $0 + $1.contradicted.count + $1.supported.count + $1.unverified.count }
    }

    /// The failing example drafts of one rule; empty when all pass.
    public func failures(of rule: Rule) -> [Failure] {
        var failures: [Failure] = []
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        for example in rule.examples {
            func fail(_ draft: String, _ expected: Verdict, _ problem: String) {
                failures.append(Failure(rule: rule.id, file: rule.file, line: example.line, draft: draft,
                                        expected: expected, problem: problem))
            }
            let checker: Checker
            do {
                let baseline = try Document(path: "baseline", text: example.baseline)
                checker = Checker(extractor: extractor, factBase: try FactBase(documents: [baseline], extractor: extractor))
            } catch {
                fail(example.baseline, .supported, "the baseline could not be read: \(error)")
                continue
            }
            let cases = example.contradicted.map { ($0, Verdict.contradicted) } + example.supported.map { ($0, .supported) }
                + example.unverified.map { ($0, .unverified) }
            for (written, expected) in cases {
                let markerOffset = written.firstIndex(of: RuleExample.marker).map {
                    written.unicodeScalars.distance(from: written.unicodeScalars.startIndex, to: $0)
                }
                let draft = written.replacingOccurrences(of: String(RuleExample.marker), with: "")
                let findings: [Finding]
                do {
                    findings = try checker.check(try Document(path: "draft", text: draft)).findings
                } catch {
                    fail(draft, expected, "the draft could not be checked: \(error)")
                    continue
                }
                // A rule of figures that state nothing has no claims of its own: its examples say what the other
                // rules make of the text around those figures, and that none of them is contradicted.
                let statesNothing = rule.kind == ValueMacros.notAClaim
                // A rule of impossible values has no verdict but its own contradiction: its other examples say only
                // that nothing is contradicted.
                let onlyContradicts = rule.kind == ValueMacros.impossible
                let own = statesNothing ? findings : findings.filter { $0.rule == rule.id }
                let summary = findings.map { "\($0.rule) '\($0.claim.text)' \($0.verdict.rawValue)" }.joined(separator: "; ")
                switch expected {
                case .contradicted:
                    guard let markerOffset else { continue }
                    if !own.contains(where: { $0.verdict == .contradicted && $0.claim.location.offset == markerOffset }) {
                        fail(draft, expected, "no contradiction at the ↓ marker (offset \(markerOffset)); found: \(summary.isEmpty ? "no claims" : summary)")
                    }
                case .supported, .unverified, .accepted:
                    if let wrong = findings.first(where: { $0.verdict == .contradicted }) {
                        fail(draft, expected, "'\(wrong.claim.text)' was contradicted by rule \(wrong.rule)")
                    } else if !statesNothing, !onlyContradicts, !own.contains(where: { $0.verdict == expected }) {
                        fail(draft, expected, "the rule found no \(expected.rawValue) claim; found: \(summary.isEmpty ? "no claims" : summary)")
                    }
                }
            }
        }
        return failures
    }
}
