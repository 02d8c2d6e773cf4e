import Yams

/// Reads a YAML file into Yams nodes, turning Yams' errors into `RuleError`s with the file and line, and offering
/// the small typed accessors the rule and lexicon loaders share.
struct YAMLDocument {
    let file: String
    let root: Node?

    /// - Parameter resolver: how plain scalars get their types; `.basic` reads every one as text, which is all a
    ///   file of texts needs and is much faster on large files (the default tries a regular expression per scalar).
    init(file: String, text: String, resolver: Resolver = .default) throws(RuleError) {
        self.file = file
        do {
            root = try Yams.compose(yaml: text, resolver)
        } catch let error as YamlError {
            throw RuleError(file: file, line: YAMLDocument.line(of: error), message: "malformed YAML: \(YAMLDocument.problem(of: error))")
        } catch {
            throw RuleError(file: file, message: "malformed YAML: \(error)")
        }
    }

    /// The entries of a mapping, rejecting keys outside `allowed` with their line.
    func entries(of node: Node, allowed: Set<String>, rule: String? = nil) throws(RuleError) -> [(key: String, value: Node)] {
        guard case let .mapping(mapping) = node else {
            throw RuleError(file: file, line: node.mark?.line, rule: rule, message: "expected a mapping of keys to values")
        }
        var result: [(key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                throw RuleError(file: file, line: keyNode.mark?.line, rule: rule, message: "keys must be plain words")
            }
            guard allowed.contains(key) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw RuleError(file: file, line: keyNode.mark?.line, rule: rule,
                                message: "unknown key '\(key)' (known keys: \(known))")
            }
            result.append((key, value))
        }
        return result
    }

    func string(_ node: Node, field: String, rule: String? = nil) throws(RuleError) -> String {
        guard case let .scalar(scalar) = node else {
            throw RuleError(file: file, line: node.mark?.line, rule: rule, message: "'\(field)' must be a single text value")
        }
        return scalar.string
    }

    /// A list of strings; a single string is taken as a list of one.
    func strings(_ node: Node, field: String, rule: String? = nil) throws(RuleError) -> [String] {
        switch node {
        case let .scalar(scalar):
            return [scalar.string]
        case let .sequence(sequence):
            var values: [String] = []
            for item in sequence {
                values.append(try string(item, field: field, rule: rule))
            }
            return values
        default:
            throw RuleError(file: file, line: node.mark?.line, rule: rule, message: "'\(field)' must be a list of text values")
        }
    }

    func sequence(_ node: Node, field: String, rule: String? = nil) throws(RuleError) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw RuleError(file: file, line: node.mark?.line, rule: rule, message: "'\(field)' must be a list")
        }
        return Array(sequence)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }
}
