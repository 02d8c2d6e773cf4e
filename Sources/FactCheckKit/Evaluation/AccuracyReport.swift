import Foundation

/// Recall and false-alarm rate of factcheck on labelled cases, beside the naive baseline that flags every digit
/// string the source lacks, with a breakdown by the kind of claim that was flagged.
public struct AccuracyReport: Sendable {
    /// Expected findings caught, and expected in all.
    public var caught = 0, expected = 0
    /// Negative cases with any contradiction, and negative cases in all.
    public var falseAlarms = 0, negatives = 0
    public var naiveCaught = 0, naiveFalseAlarms = 0
    /// Per claim kind: expected findings caught by a claim of that kind.
    public var caughtByKind: [String: Int] = [:]
    /// Per claim kind: contradicted claims in negative cases.
    public var falseAlarmsByKind: [String: Int] = [:]
    /// Ids of the cases missed and of the false alarms, for looking at them one by one.
    public var missedCases: [String] = [], falseAlarmCases: [String] = []
    public var cases = 0

    public init() {}

    public var recall: Double { expected == 0 ? 0 : Double(caught) / Double(expected) }
    public var falseAlarmRate: Double { negatives == 0 ? 0 : Double(falseAlarms) / Double(negatives) }

    /// Runs every case: pair-form cases against their own source, seed-form cases against `baseline`.
    /// - Throws: `FactCheckError` when a document cannot be read or a rule fails.
    public static func measure(_ cases: [LabelledCase], ruleSet: RuleSet, baseline: Document?) throws(FactCheckError) -> AccuracyReport {
        let extractor = ClaimExtractor(ruleSet: ruleSet)
        var report = AccuracyReport()
        var sharedChecker: Checker?
        if let baseline {
            do {
                sharedChecker = Checker(extractor: extractor, factBase: try FactBase(documents: [baseline], extractor: extractor))
            } catch {
                throw .extraction(error)
            }
        }
        for labelled in cases {
            let checker: Checker
            let sourceText: String
            do {
                if let source = labelled.source {
                    let document = try Document(path: "source.txt", text: source)
                    checker = Checker(extractor: extractor, factBase: try FactBase(documents: [document], extractor: extractor))
                    sourceText = source
                } else if let sharedChecker, let baseline {
                    checker = sharedChecker
                    sourceText = baseline.original.string
                } else {
                    throw FactCheckError.missingBaseline
                }
                let findings = try checker.check(try Document(path: "draft.txt", text: labelled.draft)).findings
                    .filter { $0.verdict == .contradicted }
                report.add(labelled, findings: findings, naive: NaiveChecker.flags(source: sourceText, draft: labelled.draft))
            } catch let error as FactCheckError {
                throw error
            } catch let error as InputError {
                throw .input(error)
            } catch let error as ExtractionError {
                throw .extraction(error)
            } catch {
                throw .input(InputError(path: labelled.id, message: "\(error)"))
            }
        }
        return report
    }

    mutating func add(_ labelled: LabelledCase, findings: [Finding], naive: [Range<Int>]) {
        cases += 1
        func span(_ finding: Finding) -> Range<Int> {
            finding.claim.location.offset..<(finding.claim.location.offset + finding.claim.length)
        }
        if labelled.isNegative {
            negatives += 1
            if !findings.isEmpty {
                falseAlarms += 1
                falseAlarmCases.append(labelled.id)
                for finding in findings { falseAlarmsByKind[finding.kind, default: 0] += 1 }
            }
            if !naive.isEmpty { naiveFalseAlarms += 1 }
            return
        }
        for group in labelled.targetGroups {
            expected += 1
            if let hit = findings.first(where: { finding in group.contains { $0.overlaps(span(finding)) } }) {
                caught += 1
                caughtByKind[hit.kind, default: 0] += 1
            } else {
                missedCases.append(labelled.id)
            }
            if naive.contains(where: { flag in group.contains { $0.overlaps(flag) } }) { naiveCaught += 1 }
        }
    }

    /// The figures as lines of text, in the scorer's format, with the per-kind breakdown.
    public var summary: String {
        func rate(_ part: Int, _ whole: Int) -> String {
            String(format: "%.3f (%d/%d)", whole == 0 ? 0 : Double(part) / Double(whole), part, whole)
        }
        var lines = [
            "cases=\(cases)",
            "naive     recall=\(rate(naiveCaught, expected)) false_alarm=\(rate(naiveFalseAlarms, negatives))",
            "factcheck recall=\(rate(caught, expected)) false_alarm=\(rate(falseAlarms, negatives))",
            "by kind of the flagged claim:",
        ]
        for kind in Set(caughtByKind.keys).union(falseAlarmsByKind.keys).sorted() {
            lines.append("  \(kind): caught \(caughtByKind[kind] ?? 0), false alarms \(falseAlarmsByKind[kind] ?? 0)")
        }
        lines.append("  not caught: \(expected - caught)")
        return lines.joined(separator: "\n")
    }
}
