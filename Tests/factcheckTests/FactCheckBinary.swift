import Foundation

enum FactBinaryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}

/// Runs the built `factcheck` binary, the one `swift build` put beside this test bundle.
enum FactCheckBinary {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var url: URL {
        // Tests run from the build products folder (.build/debug or .build/release), where the binary is too.
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        return products.appendingPathComponent("factcheck")
    }

    static func run(_ arguments: [String], input: String? = nil, workingDirectory: String = FactBinaryPaths.root,
                    environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large report cannot fill a pipe and stall the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                   standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// Temporary files for one test run.
enum Scratch {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func file(_ name: String, contents: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    static func folder(_ name: String, files: [String: String]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (file, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(file))
        }
        return url.path
    }
}

/// Compares output with a golden file in Fixtures/. `FACTCHECK_RECORD=1 swift test` re-records them; nothing is
/// ever re-recorded silently.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Mismatch: Error, CustomStringConvertible {
        var file: String
        var expected: String
        var actual: String
        var description: String {
            "output differs from Fixtures/\(file) (FACTCHECK_RECORD=1 swift test re-records it):\n--- expected\n\(expected)\n--- actual\n\(actual)"
        }
    }

    static func assertMatches(_ actual: String, file: String) throws {
        let url = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["FACTCHECK_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual { throw Mismatch(file: file, expected: expected, actual: actual) }
    }
}
