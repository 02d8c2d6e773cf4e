import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck accept DRAFT --claim ID --reason "..."`: an editor signs off a contradicted finding. The draft is
/// checked again, the finding found by its ID, and the sign-off appended to the ledger (`sign-offs` in
/// factcheck.yml, default `.factcheck/accepted.yml`); from then on the finding is reported as accepted.
struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Sign off a contradicted finding, so it is reported as accepted (exit 0: recorded, 2: it could not be)."
    )

    @Argument(help: "The draft the finding is in.")
    var draft: String

    @Option(name: .long, help: "The finding's ID, as the report shows it (fc-...).")
    var claim: String

    @Option(name: .long, help: "Why the finding is accepted; kept in the ledger and shown in reports.")
    var reason: String

    @OptionGroup var configurationFlags: ConfigurationFlags

    @Option(name: .customLong("draft-format"), help: "Read the draft as text or markdown (default: by file extension).")
    var draftFormat: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason must say why the finding is accepted (it is empty)")
        }
        if draft == "-" {
            throw ValidationError("a draft read from standard input cannot be signed off: name the draft's file")
        }
        if let draftFormat, DocumentFormat(rawValue: draftFormat) == nil {
            throw ValidationError("--draft-format must be one of: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let configuration = try configurationFlags.resolved()
        let session = try CheckSession(configuration: configuration, jit: .byVolume)
        Terminal.noteReplacedBuiltIns(session.ruleSet)
        let document = try DocumentLoader().load(path: draft, format: draftFormat.flatMap(DocumentFormat.init(rawValue:)))
        let (signOff, isNew) = try session.accept(id: claim, in: document, reason: reason,
                                                  editor: Self.editorName(in: configuration.folder), date: ReportDate.current())
        let ledger = PathExpander.displayPath(configuration.signOffs)
        if isNew {
            print("accepted \(signOff.id) ('\(signOff.claim.text)', \(signOff.claim.rule)) in \(draft); recorded in \(ledger)")
        } else {
            print("\(signOff.id) was already accepted by \(signOff.by) on \(signOff.at); \(ledger) is unchanged")
        }
    }

    /// Who signs off: git's user.name where the newsroom commits the ledger, else the login name.
    static func editorName(in folder: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.name"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) != nil {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 0, !name.isEmpty { return name }
        }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
