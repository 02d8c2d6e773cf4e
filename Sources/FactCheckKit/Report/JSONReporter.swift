import Foundation

/// The JSON contract of DESIGN.md, version 1. Fields are only ever added; `version` stays 1 while they are.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    public init() {}

    public func generateReport(_ reports: [DraftReport]) -> String {
        let document = Output(drafts: reports.map(DraftOutput.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail: every number is finite or encoded as null.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Output: Encodable {
        var version = 1
        var tool = ["name": ToolInfo.name, "version": ToolInfo.version]
        var drafts: [DraftOutput]
    }

    private struct DraftOutput: Encodable {
        var path: String
        var summary: [String: Int]
        var findings: [FindingOutput]
        /// Sign-offs of this draft whose claim is gone (additive; always present, often empty).
        var stale: [SignOffOutput]

        init(_ report: DraftReport) {
            path = report.path
            summary = ["claims": report.findings.count, "supported": report.count(.supported),
                       "contradicted": report.count(.contradicted), "unverified": report.count(.unverified),
                       "accepted": report.count(.accepted), "ignored": report.ignoredClaims]
            findings = report.findings.map(FindingOutput.init)
            stale = report.staleSignOffs.map { SignOffOutput($0) }
        }
    }

    /// A sign-off: on an accepted finding (`acceptance`) and in a draft's `stale` list.
    private struct SignOffOutput: Encodable {
        var id: String
        var reason: String
        var by: String
        var at: String
        var claim: [String: String]?

        init(_ signOff: SignOff) {
            id = signOff.id
            reason = signOff.reason
            by = signOff.by
            at = signOff.at
            claim = ["kind": signOff.claim.kind, "rule": signOff.claim.rule, "text": signOff.claim.text,
                     "value": signOff.claim.value]
        }

        init(acceptance signOff: SignOff) {
            self.init(signOff)
            claim = nil
        }
    }

    private struct FindingOutput: Encodable {
        var id: String
        var verdict: String
        var severity: String
        var kind: String
        var rule: String
        var message: String
        var claim: ClaimOutput
        var evidence: [EvidenceOutput]
        /// The editor's sign-off of an `accepted` finding.
        var acceptance: SignOffOutput?

        init(_ finding: Finding) {
            id = finding.id
            verdict = finding.verdict.rawValue
            severity = finding.severity.rawValue
            kind = finding.kind
            rule = finding.rule
            message = finding.message
            claim = ClaimOutput(finding.claim)
            evidence = finding.evidence.map(EvidenceOutput.init)
            acceptance = finding.signOff.map(SignOffOutput.init(acceptance:))
        }
    }

    private struct ClaimOutput: Encodable {
        var text: String
        var value: ValueOutput
        var line: Int
        var column: Int
        var offset: Int
        var length: Int
        var sentence: String

        init(_ passage: Passage) {
            text = passage.text
            value = ValueOutput(passage.value)
            line = passage.location.line
            column = passage.location.column
            offset = passage.location.offset
            length = passage.length
            sentence = passage.sentence
        }
    }

    private struct EvidenceOutput: Encodable {
        var source: String
        var sourceDate: String?
        var text: String
        var value: ValueOutput
        var line: Int
        var column: Int
        var sentence: String
        var score: Double
        var sharedTerms: [String]

        init(_ evidence: Evidence) {
            source = evidence.source
            sourceDate = evidence.sourceDate?.description
            text = evidence.passage.text
            value = ValueOutput(evidence.passage.value)
            line = evidence.passage.location.line
            column = evidence.passage.location.column
            sentence = evidence.passage.sentence
            score = (evidence.score * 1000).rounded() / 1000
            sharedTerms = evidence.sharedTerms
        }
    }
}

/// A value as JSON: `type` plus the fields of its dimension. Unbounded ends are null.
struct ValueOutput: Encodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    private enum Keys: String, CodingKey {
        case type, low, high, lowOpen, highOpen, currency, points, qualifier, year, month, day, weekday, quarter, minutes, zone,
             text, unit, first, last
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(value.typeName, forKey: .type)
        switch value {
        case let .number(range):
            try encode(range, into: &container)
        case let .percent(range, points):
            try encode(range, into: &container)
            if points { try container.encode(true, forKey: .points) }
        case let .money(range, currency):
            try encode(range, into: &container)
            try container.encodeIfPresent(currency, forKey: .currency)
        case let .ordinal(position):
            try container.encode(position, forKey: .low)
            try container.encode(position, forKey: .high)
        case let .date(date):
            try container.encodeIfPresent(date.year, forKey: .year)
            try container.encodeIfPresent(date.quarter, forKey: .quarter)
            try container.encodeIfPresent(date.month, forKey: .month)
            try container.encodeIfPresent(date.day, forKey: .day)
            try container.encodeIfPresent(date.weekday, forKey: .weekday)
            try container.encode(date.description, forKey: .text)
        case let .duration(range, qualifier):
            try encode(range, into: &container)
            try container.encodeIfPresent(qualifier?.rawValue, forKey: .qualifier)
        case let .time(time):
            try container.encode(time.minutes, forKey: .minutes)
            try container.encodeIfPresent(time.zone, forKey: .zone)
            try container.encode(time.description, forKey: .text)
        case let .quantity(range, unit):
            try encode(range, into: &container)
            try container.encode(unit, forKey: .unit)
        case let .dateRange(first, last):
            try container.encode(first.description, forKey: .first)
            try container.encode(last.description, forKey: .last)
            try container.encode(first.description + "/" + last.description, forKey: .text)
        }
    }

    private func encode(_ range: NumberRange, into container: inout KeyedEncodingContainer<Keys>) throws {
        try container.encode(range.low.isFinite ? range.low : nil, forKey: .low)
        try container.encode(range.high.isFinite ? range.high : nil, forKey: .high)
        if range.lowOpen { try container.encode(true, forKey: .lowOpen) }
        if range.highOpen { try container.encode(true, forKey: .highOpen) }
    }
}
