import ArgumentParser
import FactCheckKit
import FactCheckServer
import Foundation
import Logging

/// `factcheck serve`: the HTTP server for CMS pre-publish webhooks (DESIGN.md's HTTP contract). The flags become a
/// `CheckSession` (loaded once) and `ServerOptions`; everything else happens in FactCheckServer.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer POST /v1/check, POST /v1/report and GET /healthz over HTTP (for CMS pre-publish webhooks).",
        discussion: """
        The bearer token, when wanted, comes from the environment variable \(tokenVariable) or from --token-file, \
        never from a flag, so that it does not show in 'ps'. Logs (one line per request) go to standard error.
        """
    )

    static let tokenVariable = "FACTCHECK_TOKEN"

    @Option(name: .long, help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on; 0 picks a free one (the start-up log line says which).")
    var port = 8787

    @OptionGroup var configurationFlags: ConfigurationFlags

    @Option(name: .customLong("max-body"), help: "The largest request body accepted, in bytes or with KiB/MiB (larger: 413).")
    var maxBody = ByteSize(bytes: ServerOptions.defaultMaxBodyBytes)

    @Option(name: .long, help: "Seconds a check may take, queueing included, before the answer is 503.")
    var timeout: Double = 10

    @Option(name: .customLong("token-file"), help: "A file whose first line is the bearer token clients must send (else \(tokenVariable)).")
    var tokenFile: String?

    @Flag(name: .long, help: "Serve on an address other machines can reach without a bearer token.")
    var insecure = false

    @Flag(name: .long, help: "Answer GET /metrics for Prometheus (checks, latency, errors, fact-store queries); behind the token when one is set.")
    var metrics = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBody.bytes > 0 else { throw ValidationError("--max-body must be more than 0 bytes") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let token = try token()
        // Anyone who can reach the port could use the server and read its sources' passages: on an interface
        // beyond this machine, a token is required unless waived in so many words.
        if token == nil, !Self.isLoopback(host) {
            guard insecure else {
                throw InputError(path: host, message: "other machines can reach this address, and no token is set",
                                 hint: "set \(Self.tokenVariable) or --token-file, listen on 127.0.0.1, or pass "
                                     + "--insecure to serve without a token")
            }
            FileHandle.standardError.write(Data("factcheck: warning: serving on \(host) without a token (--insecure)\n".utf8))
        }
        let configuration = try configurationFlags.resolved()
        let fileLimit = OpenFileLimit.raise()
        let options = ServerOptions(host: host, port: port, maxBodyBytes: maxBody.bytes,
                                    timeout: .milliseconds(Int64((timeout * 1000).rounded())), token: token,
                                    maxConnections: OpenFileLimit.connectionLimit(forFileLimit: fileLimit),
                                    metrics: metrics)
        // A PostgreSQL factbase (factcheck.yml or FACTCHECK_DATABASE_URL) is shared by every server: checked as it is.
        let shared = try FactBaseLocation(FactBaseLocation.setting(flag: nil, configured: configuration.factbase)).sharedSource
        let session = try CheckSession(configuration: configuration, factsFrom: shared ?? .memory)
        Terminal.noteReplacedBuiltIns(session.ruleSet)
        let service = CheckService(session: session, timeout: options.timeout)
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let server = FactCheckServer(service: service, options: options, logger: Logger(label: "factcheck.serve"))
        let listening = ListeningFlag()
        do {
            try BlockingTask.run {
                try await server.makeApplication(onListening: { _ in listening.set() }).runService()
            }
        } catch {
            let address = "\(host):\(port)"
            if listening.isSet {
                throw InputError(path: address, message: "the server stopped: \(error)")
            }
            let reason = ListenFailure(host: host, port: port, underlying: error)
            throw InputError(path: address, message: "cannot listen on this address: \(reason)",
                             hint: "pick a free --port (0 picks one), or a --host this machine has, such as 127.0.0.1")
        }
    }

    /// Whether only this machine can reach `host`.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The token from --token-file, else from the environment; nil when neither is given (no authentication).
    private func token() throws -> String? {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw InputError(path: tokenFile, message: "cannot read the token file",
                                 hint: "check the path and its permissions")
            }
            let firstLine = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
            let token = firstLine.trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty else {
                throw InputError(path: tokenFile, line: 1, message: "the token file is empty",
                                 hint: "write the token on its first line")
            }
            return token
        }
        if let token = ProcessInfo.processInfo.environment[Self.tokenVariable] {
            let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw InputError(path: Self.tokenVariable, message: "the environment variable is set but empty",
                                 hint: "unset it to serve without a token, or set it to the token")
            }
            return trimmed
        }
        return nil
    }
}
