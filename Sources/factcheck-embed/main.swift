import Foundation

// factcheck-embed OUTPUT ROOT --rules FILE... --templates FILE...
// Run by the EmbedBuiltIns build-tool plugin: writes OUTPUT, a Swift source that holds each file's path (relative to
// ROOT) and text as string literals. The engine reads these exactly as it reads the same files from disk.

/// A Swift string literal holding `text` exactly: every character outside printable ASCII and the characters
/// a literal gives meaning to are escaped, so no file content can end the literal or change the code around it.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case " "..."~": result.unicodeScalars.append(scalar)
        default: result += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return result + "\""
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("factcheck-embed: error: \(message)\n".utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3, let rulesFlag = arguments.firstIndex(of: "--rules"),
      let templatesFlag = arguments.firstIndex(of: "--templates"), rulesFlag < templatesFlag else {
    fail("usage: factcheck-embed OUTPUT ROOT --rules FILE... --templates FILE...")
}
let output = arguments[0]
let root = arguments[1].hasSuffix("/") ? arguments[1] : arguments[1] + "/"

func entries(_ files: ArraySlice<String>) -> String {
    files.map { path in
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8 text") }
        let name = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        return "        EmbeddedFile(path: \(literal(name)),\n                     text: \(literal(text))),\n"
    }.joined()
}

let source = """
    // Generated at build time by factcheck-embed (the EmbedBuiltIns plugin) from Rules/ and Reports/templates/.
    // Do not edit: edit those files, and the next build embeds them.

    enum BuiltInFiles {
        /// Every rule and lexicon file under Rules/, by path.
        static let rules: [EmbeddedFile] = [
    \(entries(arguments[(rulesFlag + 1)..<templatesFlag]))    ]

        /// The HTML report templates of Reports/templates/, by path.
        static let templates: [EmbeddedFile] = [
    \(entries(arguments[(templatesFlag + 1)...]))    ]
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    fail("cannot write \(output): \(error)")
}
