import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-accuracy`: prints factcheck's accuracy figures. Each measurement is a subcommand; the work is in
/// FactCheckKit's `Evaluation/`.
struct Accuracy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factcheck-accuracy",
        abstract: "Print factcheck's accuracy figures.",
        subcommands: [Cases.self, Explain.self, Duckling.self]
    )
}

/// `factcheck-accuracy duckling [DIR]`: Duckling's English corpora through the value readers, one line per
/// dimension.
struct Duckling: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pass rate per dimension on Duckling's English corpora (numeral, ordinal, duration, ...)."
    )

    @Argument(help: "Folder of Duckling corpus files (*.jsonl).")
    var directory = "Tests/FactCheckKitTests/Values/Fixtures/duckling"

    @Flag(name: .long, help: "List the failing texts under each dimension.")
    var failures = false

    func run() throws {
        let corpus = try DucklingCorpus(directory: URL(fileURLWithPath: directory))
        for outcome in corpus.evaluate(macroMatches: DucklingCorpus.ruleEngineMacroMatcher()) {
            var line = outcome.summary
            if let matched = outcome.macroMatched, let macro = DucklingCorpus.macro(for: outcome.dimension) {
                line += "  [{\(macro)} macro finds \(matched) of the \(outcome.passed.count) read]"
            }
            print(line)
            if failures {
                for text in outcome.failed { print("    fail: \(text)") }
            }
        }
    }
}

/// `factcheck-accuracy cases FILE.jsonl [--baseline FILE]`: recall and false alarms on labelled cases (the forms of
/// ../shared/eval), beside the naive baseline, with a breakdown by the kind of claim flagged.
struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recall and false-alarm rate on labelled cases, beside the naive baseline."
    )

    @Argument(help: "A JSONL file of labelled cases (seed form or pair form).")
    var file: String

    @Option(name: .long, help: "The trusted document seed-form cases are checked against.")
    var baseline: String?

    @Option(name: .long, help: "Rule folders (default: Rules).")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "Only the cases of this half (A or B), split by source document as score.py splits them.")
    var half: String?

    @Flag(name: .long, help: "List the ids of missed cases and false alarms.")
    var verbose = false

    func validate() throws {
        if let half, !["A", "B"].contains(half) { throw ValidationError("--half takes A or B") }
    }

    func run() throws {
        let ruleSet = try RuleLoader().load(paths: rules)
        let baselineDocument = try baseline.map { path throws(InputError) in try DocumentLoader().load(path: path) }
        let cases = try LabelledCase.load(path: file).filter { half == nil || $0.half == half }
        let start = Date()
        let report = try AccuracyReport.measure(cases, ruleSet: ruleSet, baseline: baselineDocument)
        print(report.summary)
        print(String(format: "time: %.2f s for %d cases", Date().timeIntervalSince(start), cases.count))
        if verbose {
            for id in report.missedCases { print("MISS \(id)") }
            for id in report.falseAlarmCases { print("FALSE ALARM \(id)") }
        }
    }
}

/// `factcheck-accuracy explain SOURCE DRAFT`: every claim of the draft with the facts it aligns with, their scores
/// and shared words, best first: what a developer reads to see why a case was missed or flagged.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Each draft claim's alignments with the source's facts, with scores (for finding classes of failure)."
    )

    @Argument(help: "The trusted source document.")
    var source: String

    @Argument(help: "The draft.")
    var draft: String

    @Option(name: .long, help: "Rule folders (default: Rules).")
    var rules: [String] = ["Rules"]

    @Option(name: .long, help: "Alignments shown per claim.")
    var top = 4

    func run() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: rules))
        let base = try FactBase(documents: [try DocumentLoader().load(path: source)], extractor: extractor)
        let aligner = Aligner(factBase: base)
        let draftDocument = try DocumentLoader().load(path: draft)
        var findings = try Checker(extractor: extractor, factBase: base).check(draftDocument).findings
        for claim in try extractor.claims(in: draftDocument) {
            let text = draftDocument.readableText(of: claim.span)
            // Findings come in claim order; the first one for this text is this claim's.
            let found = findings.firstIndex { $0.claim.text == text }
            let verdict = found.map { "\(findings.remove(at: $0).verdict)" } ?? "-"
            print("\(verdict.uppercased()) \(claim.kind) '\(text)' key=\(claim.key) event=\(claim.event ?? "-") "
                  + "people=\(claim.people.sorted()) assertion=\(claim.assertion)")
            for alignment in try aligner.alignments(for: claim).prefix(top) {
                let factText = base.documents[0].readableText(of: alignment.fact.claim.span)
                print(String(format: "    %.3f %@ '%@' key=%@ shared=%@", alignment.score, "\(alignment.agreement)",
                             factText, "\(alignment.fact.claim.key)", alignment.sharedTerms.prefix(8).joined(separator: ",")))
            }
        }
    }
}

Accuracy.main()
