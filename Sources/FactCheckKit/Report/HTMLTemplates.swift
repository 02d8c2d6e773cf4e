import Foundation
import Mustache

/// The Mustache templates the HTML report is rendered from: `report` (one draft's page), `index` (the page that
/// links several drafts' pages) and any partials they include (`style`, ...). Mustache is logic-less, so a newsroom
/// can rebrand the report by editing these files without touching Swift; every `{{value}}` is HTML-escaped.
public struct HTMLTemplates: Sendable {
    static let required = ["report", "index"]

    /// The templates built into factcheck (`Reports/templates/` of its repository, embedded at build time).
    public static let builtIn: HTMLTemplates = {
        var texts: [String: String] = [:]
        for file in BuiltIns.templateFiles {
            let name = String(file.path.split(separator: "/").last ?? "")
            texts[String(name.dropLast(".mustache".count))] = file.text
        }
        do {
            return try HTMLTemplates(texts)
        } catch {
            // The test suite renders every built-in template: this cannot happen in a build that passed it.
            fatalError("the built-in report templates do not parse: \(error)")
        }
    }()

    let library: MustacheLibrary

    /// Templates from text, by name (without `.mustache`).
    /// - Throws: `InputError` naming the template and the line of a syntax error, or a missing required template.
    public init(_ templates: [String: String]) throws(InputError) {
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            library.register(try Self.parse(text, path: "\(name).mustache"), named: name)
        }
        for name in Self.required where templates[name] == nil {
            throw InputError(path: "\(name).mustache", message: "the HTML report needs a '\(name)' template",
                             hint: "start from the built-in \(name).mustache: 'factcheck init --templates' writes a copy")
        }
        self.library = library
    }

    /// Reads every `*.mustache` file of a folder.
    /// - Throws: `InputError` when the folder or a required template is missing or a template does not parse.
    public static func load(folder: String) throws(InputError) -> HTMLTemplates {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw InputError(path: folder, message: "cannot read the HTML report templates",
                             hint: "check factcheck.yml's 'templates': the folder must hold report.mustache and index.mustache")
        }
        var library = MustacheLibrary()
        var names: Set<String> = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, message: "cannot read the template")
            }
            let name = String(file.dropLast(".mustache".count))
            library.register(try parse(String(decoding: data, as: UTF8.self), path: path), named: name)
            names.insert(name)
        }
        for name in required where !names.contains(name) {
            throw InputError(path: (folder as NSString).appendingPathComponent("\(name).mustache"),
                             message: "the HTML report needs this template",
                             hint: "start from the built-in one: 'factcheck init --templates' writes a copy")
        }
        return HTMLTemplates(library: library)
    }

    private init(library: MustacheLibrary) {
        self.library = library
    }

    /// Renders the template `name` with `context`.
    func render(_ context: Any, template name: String) -> String {
        // `required` templates are checked when the templates are made, so this is never nil for them.
        library.render(context, withTemplate: name) ?? ""
    }

    private static func parse(_ text: String, path: String) throws(InputError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw InputError(path: path, line: error.context.lineNumber,
                             message: "invalid Mustache template: \(error.error) at column \(error.context.columnNumber)",
                             hint: "near: \(error.context.line.trimmingCharacters(in: .whitespaces))")
        } catch {
            throw InputError(path: path, message: "invalid Mustache template: \(error)")
        }
    }
}
