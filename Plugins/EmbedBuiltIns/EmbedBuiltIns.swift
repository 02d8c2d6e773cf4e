import Foundation
import PackagePlugin

/// Embeds the built-in rules (`Rules/**/*.yml`, lexicon included) and the HTML report templates
/// (`Reports/templates/*.mustache`) into FactCheckKit as generated Swift source, so that an installed binary
/// carries them and needs nothing of the repository. Those folders stay the one place they are written: the files
/// are listed anew at every build, so a rule file added or edited there is in the next build.
@main
struct EmbedBuiltIns: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let rules = Self.files(below: root.appendingPathComponent("Rules"), extensions: ["yml", "yaml"])
        let templates = Self.files(below: root.appendingPathComponent("Reports/templates"), extensions: ["mustache"])
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInFiles.swift")
        var arguments = [output.path, root.path, "--rules"]
        arguments += rules.map(\.path)
        arguments.append("--templates")
        arguments += templates.map(\.path)
        return [.buildCommand(displayName: "Embedding Rules/ and Reports/templates/ in FactCheckKit",
                              executable: try context.tool(named: "factcheck-embed").url,
                              arguments: arguments, inputFiles: rules + templates, outputFiles: [output])]
    }

    /// The files below `folder` with one of `extensions`, sorted by path, so the generated source is stable.
    static func files(below folder: URL, extensions: Set<String>) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension) {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
