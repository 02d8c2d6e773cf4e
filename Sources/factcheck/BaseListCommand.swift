import ArgumentParser
import FactCheckKit
import Foundation

/// `factcheck base list`: the documents of the fact base, one a line.
struct BaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the documents of the fact base: path, facts, size, date."
    )

    @OptionGroup var options: BaseOptions

    func run() throws {
        let configuration = try options.configuration()
        let store = try options.openStore(configuration)
        let documents: [StoredDocument]
        do {
            documents = try store.documents()
        } catch {
            throw FactCheckError.store(error)
        }
        var lines = ""
        let workingDirectory = FileManager.default.currentDirectoryPath
        for document in documents {
            let date = document.date.map { "\t\($0)" } ?? ""
            lines += "\(PathExpander.displayPath(document.path, workingDirectory: workingDirectory))\t\(document.factCount) facts\t\(document.size) bytes\(date)\n"
        }
        FileHandle.standardOutput.write(Data(lines.utf8))
    }
}
