import Foundation
import Testing

/// `--help` and the documentation say the same things: every command's flags, as the built binary's `--help` lists
/// them, are the flags docs/commands.md documents for it, no more and no fewer; the README names no flag that
/// does not exist; and no link in the README or docs/ leaves the repository or points at a missing file.
@Suite struct DocumentedFlagsTests {
    static let commandsPage = FactBinaryPaths.root + "/docs/commands.md"

    /// The long flags a help text lists, without `--help` and `--version`, which every command has.
    private func flags(inHelp help: String) -> Set<String> {
        var flags: Set<String> = []
        for line in help.split(separator: "\n") {
            guard let match = line.firstMatch(of: /^\s+(?:-[a-zA-Z], )?(--[a-z][a-z-]*)/) else { continue }
            flags.insert(String(match.1))
        }
        return flags.subtracting(["--help", "--version"])
    }

    /// The subcommand names a help text lists under SUBCOMMANDS.
    private func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").prefix { $0.hasPrefix(" ") }.compactMap { line in
            line.firstMatch(of: /^  ([a-z][a-z-]*)/).map { String($0.1) }
        }.filter { $0 != "help" }
    }

    /// Every command that does something (no subcommands of its own), as its words after `factcheck`, with its
    /// `--help` flags.
    private func commands(_ path: [String] = []) throws -> [[String]: Set<String>] {
        let run = try FactCheckBinary.run(path + ["--help"])
        #expect(run.status == 0, "factcheck \(path.joined(separator: " ")) --help: \(run.standardError)")
        let children = subcommands(inHelp: run.standardOutput)
        if children.isEmpty { return [path: flags(inHelp: run.standardOutput)] }
        var result: [[String]: Set<String>] = [:]
        for child in children {
            result.merge(try commands(path + [child])) { $1 }
        }
        return result
    }

    /// docs/commands.md's sections: the commands each heading names ("## `factcheck base add`, `remove`" names
    /// `base add` and `base remove`) and the flags of the tables under it.
    private func documentedSections() throws -> [(commands: [[String]], flags: Set<String>)] {
        let page = try String(contentsOfFile: Self.commandsPage, encoding: .utf8)
        var sections: [(commands: [[String]], flags: Set<String>)] = []
        for line in page.split(separator: "\n") {
            if line.hasPrefix("## ") {
                let named = line.matches(of: /`([^`]+)`/).map { $0.1.split(separator: " ").map(String.init) }
                guard let first = named.first, first.first == "factcheck" else { continue }
                let base = Array(first.dropFirst())
                let commands = [base] + named.dropFirst().map { words in
                    words.count > 1 ? words : Array(base.dropLast()) + words
                }
                sections.append((commands, []))
            } else if line.hasPrefix("| `--"), let match = line.firstMatch(of: /^\| `(--[a-z][a-z-]*)/), !sections.isEmpty {
                sections[sections.count - 1].flags.insert(String(match.1))
            }
        }
        return sections
    }

    @Test func everyCommandsHelpFlagsAreTheFlagsTheDocsGiveIt() throws {
        let commands = try commands()
        #expect(commands.keys.contains(["check"]))
        #expect(commands.keys.contains(["init"]))
        let sections = try documentedSections()
        let documented = Set(sections.flatMap(\.commands))
        for command in commands.keys {
            #expect(documented.contains(command), "docs/commands.md has no section for 'factcheck \(command.joined(separator: " "))'")
        }
        for section in sections {
            let name = section.commands.map { $0.joined(separator: " ") }.joined(separator: ", ")
            for command in section.commands {
                #expect(commands[command] != nil, "docs/commands.md documents 'factcheck \(command.joined(separator: " "))', which does not exist")
            }
            let help = section.commands.reduce(into: Set<String>()) { $0.formUnion(commands[$1] ?? []) }
            #expect(help.subtracting(section.flags).isEmpty,
                    "flags of \(name) that --help lists and docs/commands.md does not: \(help.subtracting(section.flags).sorted())")
            #expect(section.flags.subtracting(help).isEmpty,
                    "flags docs/commands.md gives \(name) that --help does not list: \(section.flags.subtracting(help).sorted())")
        }
    }

    @Test func theReadmeNamesOnlyFlagsThatExist() throws {
        let known = try commands().values.reduce(into: Set(["--help", "--version"])) { $0.formUnion($1) }
        let readme = try String(contentsOfFile: FactBinaryPaths.root + "/README.md", encoding: .utf8)
        let named = Set(readme.matches(of: /(?:^|[\s`(\[])(--[a-z][a-z-]+)/.anchorsMatchLineEndings()).map { String($0.1) })
        #expect(named.subtracting(known).isEmpty, "README.md names flags factcheck does not have: \(named.subtracting(known).sorted())")
    }

    @Test func linksStayInTheRepositoryAndPointAtFiles() throws {
        let root = FactBinaryPaths.root
        let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/docs").filter { $0.hasSuffix(".md") }
        let pages = ["README.md"] + docs.map { "docs/" + $0 }
        for page in pages {
            let text = try String(contentsOfFile: root + "/" + page, encoding: .utf8)
            let folder = (page as NSString).deletingLastPathComponent
            for match in text.matches(of: /\]\(([^)\s]+)\)/) {
                let target = String(match.1)
                #expect(!target.contains("://") && !target.hasPrefix("mailto:"), "\(page) links outside the repository: \(target)")
                let file = String(target.prefix { $0 != "#" })
                guard !file.isEmpty else { continue }
                let path = URL(fileURLWithPath: root).appendingPathComponent(folder).appendingPathComponent(file).standardizedFileURL.path
                #expect(path.hasPrefix(root + "/"), "\(page) links outside the repository: \(target)")
                #expect(FileManager.default.fileExists(atPath: path), "\(page) links to a missing file: \(target)")
            }
        }
    }
}
