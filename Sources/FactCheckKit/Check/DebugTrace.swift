import Foundation
// TEMPORARY debugging aid, removed before landing.
enum DebugTrace {
    static let enabled = ProcessInfo.processInfo.environment["FACTCHECK_TRACE"] != nil
    static func parameter(_ name: String, _ value: Double) -> Double {
        ProcessInfo.processInfo.environment["FC_" + name].flatMap(Double.init) ?? value
    }
    static func print(claim: Claim, in draft: Document, alignments: [Alignment], verdict: Verdict, factBase: FactBase) {
        var s = "CLAIM \(draft.original.text(of: claim.span)) [\(claim.ruleID)] \(claim.value) key=\(claim.key) -> \(verdict)\n"
        for a in alignments.prefix(4) {
            let doc = factBase.documents[a.fact.documentIndex]
            s += String(format: "   %.3f %@ ", a.score, "\(a.agreement)") + "'\(doc.original.text(of: a.fact.claim.span))' \(a.fact.claim.value) shared=\(a.sharedTerms.prefix(6))\n"
        }
        FileHandle.standardError.write(Data(s.utf8))
    }
}
