/// JUnit XML for CI systems that show test reports: a test suite per draft and a test case per claim. A
/// contradiction is a failure, an unverified claim is skipped (nothing to check it against), a supported claim
/// passes. No timestamps or durations, so the same findings give the same bytes.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public init() {}

    public func generateReport(_ reports: [DraftReport]) -> String {
        generateReport(reports, version: ToolInfo.version)
    }

    /// The JUnit XML of every draft.
    /// - Parameter version: The tool version the report states.
    public func generateReport(_ reports: [DraftReport], version: String) -> String {
        let claims = reports.reduce(0) { $0 + $1.findings.count }
        let failures = reports.reduce(0) { $0 + $1.count(.contradicted) }
        let skipped = reports.reduce(0) { $0 + $1.count(.unverified) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(escaped("\(ToolInfo.name) \(version)"))\" tests=\"\(claims)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for report in reports {
            let path = escaped(report.path)
            xml += "  <testsuite name=\"\(path)\" tests=\"\(report.findings.count)\" failures=\"\(report.count(.contradicted))\" errors=\"0\" skipped=\"\(report.count(.unverified))\">\n"
            for finding in report.findings {
                xml += testCase(finding, path: path)
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private func testCase(_ finding: Finding, path: String) -> String {
        let location = finding.claim.location
        let name = "\(location.line):\(location.column) \(finding.kind) '\(Checker.oneLine(finding.claim.text))'"
        let open = "    <testcase classname=\"\(path)\" name=\"\(escaped(name))\""
        // The finding's ID as a property, for `factcheck accept`; the test case's name stays as it was.
        let properties = finding.id.isEmpty ? ""
            : "\n      <properties><property name=\"id\" value=\"\(escaped(finding.id))\"/></properties>"
        switch finding.verdict {
        case .supported:
            return open + "/>\n"
        case .accepted:
            // An accepted contradiction passes; the sign-off is kept in the output for the record.
            let note = finding.signOff.map { "accepted by \($0.by) on \($0.at): \($0.reason)" } ?? "accepted"
            return open + ">" + properties + "\n      <system-out>\(escaped(note))</system-out>\n    </testcase>\n"
        case .unverified:
            return open + ">" + properties + "\n      <skipped message=\"\(escaped(finding.message))\"/>\n    </testcase>\n"
        case .contradicted:
            var details = "\(path):\(location.line):\(location.column): \(finding.severity.rawValue): \(escaped(finding.message)) [\(escaped(finding.rule))]\n"
            details += "draft: \(escaped(finding.claim.sentence))\n"
            for evidence in finding.evidence {
                let place = "\(evidence.source):\(evidence.passage.location.line):\(evidence.passage.location.column)"
                details += "source: \(escaped(place)): \(escaped(evidence.passage.sentence))\n"
            }
            return open + ">" + properties + "\n      <failure message=\"\(escaped(finding.message))\" type=\"\(escaped(finding.rule))\">"
                + details + "</failure>\n    </testcase>\n"
        }
    }

    /// Text as XML 1.0 character data or attribute value: markup characters and the attribute quote as entities, line breaks as
    /// references (attributes would fold them into spaces), and characters XML 1.0 forbids as U+FFFD.
    private func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
