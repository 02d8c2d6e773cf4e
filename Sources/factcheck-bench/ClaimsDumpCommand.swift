import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck-bench claims FOLDER`: every claim the rules extract from every document, one line each (document,
/// rule, kind, span, value span, value, key), so that two builds can be diffed: a speed-up of the pattern scan
/// must leave this output byte for byte the same.
struct ClaimsDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Print every extracted claim (for diffing two builds' extraction)."
    )

    @Argument(help: "Folders, files or globs of documents.")
    var paths: [String]

    @Option(name: .long, help: "Rule folders or files.")
    var rules: [String] = ["Rules"]

    func run() throws {
        let extractor = ClaimExtractor(ruleSet: try RuleLoader().load(paths: rules))
        let loader = DocumentLoader()
        for path in try PathExpander.documents(in: paths) {
            let document = try loader.load(path: path)
            for claim in try extractor.claims(in: document) {
                // Dictionaries print in a per-process order: sorted here.
                let context = claim.context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                print("\(path)\t\(claim.ruleID)\t\(claim.kind)\t\(claim.span)\t\(claim.valueSpan)\t\(claim.value)\t"
                    + "\(claim.key)\t\(claim.keyWords)\t\(claim.assertion)\t\(claim.event ?? "-")\t"
                    + context.joined(separator: ","))
            }
        }
    }
}
