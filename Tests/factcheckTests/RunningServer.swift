import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `factcheck serve --port 0` process and what it wrote to standard error.
final class RunningServer: @unchecked Sendable {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let process: Process
    let port: Int
    private let errorLog: ErrorLog

    private init(process: Process, port: Int, errorLog: ErrorLog) {
        self.process = process
        self.port = port
        self.errorLog = errorLog
    }

    var standardError: String { errorLog.text }
    var isRunning: Bool { process.isRunning }

    /// Starts the server on a free port and waits for its start-up log line, which says the port.
    static func start(_ arguments: [String], token: String?) throws -> RunningServer {
        let process = Process()
        process.executableURL = FactCheckBinary.url
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: FactBinaryPaths.root)
        var environment = ProcessInfo.processInfo.environment
        environment["FACTCHECK_TOKEN"] = token
        process.environment = environment
        let errorPipe = Pipe()
        let errorLog = ErrorLog()
        errorPipe.fileHandleForReading.readabilityHandler = { handle in errorLog.append(handle.availableData) }
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Not a timing assertion: a generous bound so that a server that never starts fails the test, not hangs it.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            if let port = errorLog.listeningPort() {
                return RunningServer(process: process, port: port, errorLog: errorLog)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw StartFailure(log: errorLog.text)
    }

    struct StartFailure: Error, CustomStringConvertible {
        var log: String
        var description: String { "factcheck serve did not start:\n\(log)" }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// One HTTP request to the server on 127.0.0.1.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], json: [String: String]? = nil,
              rawBody: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let rawBody {
            request.httpBody = Data(rawBody.utf8)
        }
        let (data, response) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                continuation.resume(returning: (data ?? Data(), response!))
            }.resume()
        }
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Answer(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }
}

/// Standard error of the server, filled by the pipe's reader thread.
final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// The port of the line "factcheck serve listening on http://127.0.0.1:PORT".
    func listeningPort() -> Int? {
        let marker = "listening on http://127.0.0.1:"
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix(while: \.isNumber))
    }
}
