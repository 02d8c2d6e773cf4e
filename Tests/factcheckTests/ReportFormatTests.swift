import Foundation
import Testing

/// The HTML, SARIF and JUnit reports of the bundled example, as the built binary writes them, compared with
/// golden files in Fixtures/ (`FACTCHECK_RECORD=1` re-records them); the SARIF log validated against the OASIS
/// SARIF 2.1.0 schema (a copy in Fixtures/schemas) with Python's `jsonschema`.
@Suite struct ReportFormatTests {
    static let example = "Examples/drafts/belarus-errors.md"
    /// 2025-08-16 09:00 UTC: the date the pages state, so that the golden files hold.
    static let environment = ["SOURCE_DATE_EPOCH": "1755334800"]

    @Test func htmlPageOfTheExampleMatchesItsGoldenFile() throws {
        let folder = try Scratch.folder("html-\(UUID())", files: [:])
        let output = folder + "/belarus-errors.html"
        let run = try ReportRun.run([Self.example, "--format", "html", "--output", output], environment: Self.environment)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardOutput == output + "\n")
        try Golden.assertMatches(try String(contentsOfFile: output, encoding: .utf8), file: "belarus-errors.html")
    }

    @Test func htmlGoesToTheReportsFolderWithAnIndexForSeveralDrafts() throws {
        // A configuration of its own, so the run writes into a scratch reports folder, not the repository's.
        let root = FactBinaryPaths.root
        let folder = try Scratch.folder("reports-\(UUID())", files: [
            "factcheck.yml": "baseline: [\(root)/Examples/sources]\nreports: out\n",
        ])
        let run = try ReportRun.run(["--config", folder + "/factcheck.yml", "--format", "html", Self.example,
                                     "Examples/drafts/belarus-clean.md"], environment: Self.environment)
        #expect(run.status == 1, "\(run.standardError)")
        let written = run.standardOutput.split(separator: "\n").map { ($0 as Substring).split(separator: "/").last.map(String.init) ?? "" }
        #expect(written == ["belarus-errors.html", "belarus-clean.html", "index.html"])
        let index = try String(contentsOfFile: folder + "/out/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"belarus-clean.html\">Examples/drafts/belarus-clean.md</a>"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/belarus-errors.html"))
    }

    @Test func aMissingTemplatesFolderFailsAtStartWithAHint() throws {
        let root = FactBinaryPaths.root
        let folder = try Scratch.folder("no-templates-\(UUID())", files: [
            "factcheck.yml": "baseline: [\(root)/Examples/sources]\ntemplates: house\n",
        ])
        // Text output needs no template, but a broken house style is found before any checking, not on the day
        // someone asks for HTML.
        let run = try ReportRun.run(["--config", folder + "/factcheck.yml", Self.example])
        #expect(run.status == 2)
        #expect(run.standardError.contains("house: cannot read the HTML report templates (check factcheck.yml's 'templates'"))
    }

    @Test func aHouseStyleTemplateRendersTheReport() throws {
        let root = FactBinaryPaths.root
        let folder = try Scratch.folder("house-\(UUID())", files: [
            "factcheck.yml": "baseline: [\(root)/Examples/sources]\ntemplates: house\nreports: out\n",
        ])
        try FileManager.default.createDirectory(atPath: folder + "/house", withIntermediateDirectories: true)
        try Data("<p>Daily Planet: {{path}}</p>".utf8).write(to: URL(fileURLWithPath: folder + "/house/report.mustache"))
        try Data("<p>{{tool}}</p>".utf8).write(to: URL(fileURLWithPath: folder + "/house/index.mustache"))
        let run = try ReportRun.run(["--config", folder + "/factcheck.yml", "--format", "html", Self.example])
        #expect(run.status == 1, "\(run.standardError)")
        #expect(try String(contentsOfFile: folder + "/out/belarus-errors.html", encoding: .utf8)
            == "<p>Daily Planet: Examples/drafts/belarus-errors.md</p>")

        try Data("{{#unclosed}}".utf8).write(to: URL(fileURLWithPath: folder + "/house/report.mustache"))
        let broken = try ReportRun.run(["--config", folder + "/factcheck.yml", Self.example])
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("report.mustache:1: invalid Mustache template"), "\(broken.standardError)")
    }

    @Test func hostileDraftRendersAsText() throws {
        let draft = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> {{path}} Trump thanked Lukashenko for freeing 14 prisoners."
        let folder = try Scratch.folder("hostile-\(UUID())", files: [:])
        let run = try ReportRun.run(["-", "--format", "html", "--output", folder + "/stdin.html"], input: draft,
                                    environment: Self.environment)
        #expect(run.status == 1, "\(run.standardError)")
        let html = try String(contentsOfFile: folder + "/stdin.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; {{path}} Trump"))
        #expect(html.contains("<span class=\"sym\" aria-hidden=\"true\">✗</span>14 prisoners<span"))
    }

    @Test func sarifOfTheExampleMatchesItsGoldenFileAndTheSchema() throws {
        let run = try ReportRun.run([Self.example, "--format", "sarif"])
        #expect(run.status == 1, "\(run.standardError)")
        try Golden.assertMatches(run.standardOutput, file: "belarus-errors.sarif")
        try SARIFSchema.validate(run.standardOutput)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        // One result per contradicted or unverified claim: the example has 4 contradictions and no unverified claim.
        #expect(results.count == 4)
        #expect(results.allSatisfy { ($0["relatedLocations"] as? [[String: Any]])?.isEmpty == false })
    }

    @Test func sarifWithAnUnverifiedClaimIsValid() throws {
        // The example's golden file covers a claim across a line break ("noon local\ntime", 12:100 to 13:5).
        let draft = "Lukashenko freed 14 prisoners.\nThe activist Ales Bialiatski received a 10-year sentence."
        let run = try ReportRun.run(["-", "--format", "sarif"], input: draft)
        #expect(run.status == 1, "\(run.standardError)")
        try SARIFSchema.validate(run.standardOutput)
        #expect(run.standardOutput.contains("\"kind\" : \"review\""))
        #expect(run.standardOutput.contains("\"level\" : \"none\""))
    }

    @Test func junitOfTheExampleMatchesItsGoldenFile() throws {
        let run = try ReportRun.run([Self.example, "--format", "junit"])
        #expect(run.status == 1, "\(run.standardError)")
        try Golden.assertMatches(run.standardOutput, file: "belarus-errors.junit.xml")
        #expect(run.standardOutput.contains("<testsuite name=\"Examples/drafts/belarus-errors.md\" tests=\"7\" failures=\"4\" errors=\"0\" skipped=\"0\">"))
    }
}

/// Validates a SARIF log against the OASIS schema with Python's `jsonschema` (Draft 7; every reference in the
/// schema is local, so it runs offline).
enum SARIFSchema {
    static let path = Golden.folder.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func validate(_ sarif: String) throws {
        let file = try Scratch.file("log-\(UUID()).sarif", contents: Data(sarif.utf8))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for error in errors[:10]:
                print("/".join(map(str, error.absolute_path)) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw Invalid(description: "SARIF does not validate against \(path) (python3 with jsonschema is needed):\n\(text)")
        }
    }
}

/// Runs the built binary like `FactCheckBinary.run`, with extra environment variables.
enum ReportRun {
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> FactCheckBinary.Run {
        let process = Process()
        process.executableURL = FactCheckBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: FactBinaryPaths.root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["NO_COLOR": "1"]) { $1 }) { $1 }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return FactCheckBinary.Run(status: process.terminationStatus,
                                   standardOutput: String(decoding: outputData, as: UTF8.self),
                                   standardError: String(decoding: errorData, as: UTF8.self))
    }
}
