import Foundation
import Yams

/// Loads rule files and lexicon files from `Rules/`-style folders.
///
/// Unknown keys, unknown kinds, unknown macros and invalid patterns are errors with the file and line, never
/// silently ignored: a rule that does not load as written would quietly stop catching errors.
public struct RuleLoader {
    static let ruleKeys: Set<String> = ["id", "kind", "message", "severity", "patterns", "key", "key-word", "priority",
                                        "examples", "description"]
    static let exampleKeys: Set<String> = ["baseline", "contradicted", "supported", "unverified"]
    static let lexiconKeys: Set<String> = ["synonyms", "titles", "aliases", "events", "broader", "description"]

    private let expander = MacroExpander(fragments: ValueMacros.fragments.merging(ValueMacros.startChecks) { $1 })

    public init() {}

    /// Loads every rule file (`*.yml`, `*.yaml`) under the given files and folders, after the built-in ones when
    /// `includingBuiltIns`; files in a folder named `lexicon` are lexicon files.
    ///
    /// A rule of the user's with a built-in rule's id takes its place (`RuleSet.replacedBuiltIns` lists it); a
    /// file whose text is exactly a built-in file's is that file, read once. Two rules of the user's with one id are
    /// an error.
    /// - Parameter compilingJIT: JIT-compile the patterns now (on every core); without, PCRE2 interprets them
    ///   until `RuleSet.compileJIT()` runs (see `CheckSession.JITPolicy`).
    /// - Throws: `RuleError` for the first problem found.
    public func load(paths: [String], includingBuiltIns: Bool = false,
                     compilingJIT: Bool = true) throws(RuleError) -> RuleSet {
        let builtIns = includingBuiltIns ? BuiltIns.ruleFiles : []
        let builtInTexts = Set(builtIns.map(\.text))
        var files = builtIns.map { (path: $0.path, text: $0.text, isBuiltIn: true) }
        for file in try ruleFiles(in: paths) {
            let text = try read(file)
            if !builtInTexts.contains(text) { files.append((file, text, false)) }
        }
        var rules: [Rule] = []
        var replaced: [Rule] = []
        var lexicon = Lexicon()
        var seen: [String: Rule] = [:]
        var fingerprint = ContentHash()
        for (file, text, isBuiltIn) in files {
            // Contents and name, not the folder: the same rules read from another checkout fit the same store.
            fingerprint.add(Array(URL(fileURLWithPath: file).lastPathComponent.utf8) + [0] + Array(text.utf8) + [0])
            if URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent == "lexicon" {
                try loadLexicon(text: text, file: file, into: &lexicon)
                continue
            }
            for rule in try parseRules(text: text, file: file, isBuiltIn: isBuiltIn) {
                if let earlier = seen[rule.id] {
                    guard earlier.isBuiltIn, !rule.isBuiltIn else {
                        throw RuleError(file: file, line: rule.line, rule: rule.id,
                                        message: "duplicate id, first defined in \(earlier.file):\(earlier.line)")
                    }
                    // In the built-in rule's place: the order of rules decides ties between them.
                    if let index = rules.firstIndex(where: { $0 === earlier }) { rules[index] = rule }
                    replaced.append(rule)
                } else {
                    rules.append(rule)
                }
                seen[rule.id] = rule
            }
        }
        if rules.isEmpty {
            throw RuleError(file: paths.isEmpty ? "--rules" : paths.joined(separator: ", "), message: "no rule files (*.yml) found",
                            hint: includingBuiltIns ? "point --rules at a folder of rule files"
                                : "point --rules at a folder of rule files, or leave the built-in rules on")
        }
        let ruleSet = RuleSet(rules: rules, lexicon: lexicon, fingerprint: fingerprint.hexDigits,
                              replacedBuiltIns: replaced)
        if compilingJIT { ruleSet.compileJIT() }
        return ruleSet
    }

    /// Parses the rules of one file: either one rule mapping, or a mapping with `rules:` holding a list.
    public func loadRules(text: String, file: String) throws(RuleError) -> [Rule] {
        let rules = try parseRules(text: text, file: file, isBuiltIn: false)
        Pattern.compileJIT(rules.flatMap(\.patterns))
        return rules
    }

    /// `loadRules(text:file:)` with the patterns compiled but not yet JIT-compiled.
    private func parseRules(text: String, file: String, isBuiltIn: Bool) throws(RuleError) -> [Rule] {
        let document = try YAMLDocument(file: file, text: text)
        guard let root = document.root else { throw RuleError(file: file, message: "the rule file is empty") }
        if case let .mapping(mapping) = root, mapping["rules"] != nil {
            let entries = try document.entries(of: root, allowed: ["rules", "description"])
            var rules: [Rule] = []
            for (key, value) in entries where key == "rules" {
                for node in try document.sequence(value, field: "rules") {
                    rules.append(try rule(from: node, in: document, isBuiltIn: isBuiltIn))
                }
            }
            return rules
        }
        return [try rule(from: root, in: document, isBuiltIn: isBuiltIn)]
    }

    private func rule(from node: Node, in document: YAMLDocument, isBuiltIn: Bool) throws(RuleError) -> Rule {
        let file = document.file
        let line = node.mark?.line
        var id: String?
        if case let .mapping(mapping) = node, let idNode = mapping["id"] { id = idNode.string }
        let entries = try document.entries(of: node, allowed: Self.ruleKeys, rule: id)
        var kind: String?
        var message = "the draft's value differs from the sources"
        var severity = Severity.error
        var patternNodes: [Node] = []
        var key: [String] = []
        var keyWord: String?
        var priority: Int?
        var examples: [RuleExample] = []
        for (name, value) in entries {
            switch name {
            case "id": id = try document.string(value, field: name)
            case "kind": kind = try document.string(value, field: name, rule: id)
            case "message": message = try document.string(value, field: name, rule: id)
            case "severity":
                let text = try document.string(value, field: name, rule: id)
                guard let parsed = Severity(rawValue: text) else {
                    throw RuleError(file: file, line: value.mark?.line, rule: id,
                                    message: "severity '\(text)' is not one of error, warning, info")
                }
                severity = parsed
            case "patterns":
                if case .scalar = value { patternNodes = [value] } else { patternNodes = try document.sequence(value, field: name, rule: id) }
            case "key": key = try document.strings(value, field: name, rule: id)
            case "key-word": keyWord = try document.string(value, field: name, rule: id)
            case "priority":
                guard let number = Int(try document.string(value, field: name, rule: id)) else {
                    throw RuleError(file: file, line: value.mark?.line, rule: id, message: "priority must be a whole number")
                }
                priority = number
            case "examples":
                let nodes: [Node] = if case .mapping = value { [value] } else { try document.sequence(value, field: name, rule: id) }
                for exampleNode in nodes {
                    examples.append(try example(from: exampleNode, in: document, rule: id))
                }
            default:
                break  // "description": documentation for rule authors only.
            }
        }
        guard let id, !id.isEmpty else { throw RuleError(file: file, line: line, message: "a rule needs an 'id'") }
        guard let kind else { throw RuleError(file: file, line: line, rule: id, message: "a rule needs a 'kind'") }
        guard ValueMacros.reader(forKind: kind) != nil else {
            throw RuleError(file: file, line: line, rule: id,
                            message: "unknown kind '\(kind)' (known kinds: \(ValueMacros.kinds.sorted().joined(separator: ", ")))")
        }
        guard !patternNodes.isEmpty else { throw RuleError(file: file, line: line, rule: id, message: "a rule needs at least one pattern") }
        guard !examples.isEmpty else {
            throw RuleError(file: file, line: line, rule: id, message: "a rule needs 'examples' (a baseline and drafts with their verdicts)")
        }
        var patterns: [Pattern] = []
        for patternNode in patternNodes {
            let written = try document.string(patternNode, field: "patterns", rule: id)
            let pattern = try compile(written, rule: id, file: file, line: patternNode.mark?.line)
            guard pattern.groupNumbers["value"] != nil else {
                throw RuleError(file: file, line: patternNode.mark?.line, rule: id,
                                message: "pattern has no (?<value>...) group: say which text holds the value")
            }
            // With a key word, a pattern may leave the key group out: the word stands in for it.
            for group in key where pattern.groupNumbers[group] == nil && keyWord == nil {
                throw RuleError(file: file, line: patternNode.mark?.line, rule: id,
                                message: "key group '\(group)' does not appear in pattern '\(written)'")
            }
            patterns.append(pattern)
        }
        return Rule(id: id, kind: kind, message: message, severity: severity, patterns: patterns, key: key,
                    keyWord: keyWord, priority: priority ?? Self.defaultPriority(kind: kind), examples: examples,
                    file: file, line: line ?? 1, isBuiltIn: isBuiltIn)
    }

    /// Compiles a written pattern, reporting errors at their offset in the pattern as written; not yet JIT-compiled
    /// (`Pattern.compileJIT(_:)`).
    func compile(_ written: String, rule: String, file: String, line: Int?) throws(RuleError) -> Pattern {
        let expansion: MacroExpander.Expansion
        do {
            expansion = try expander.expand(written)
        } catch {
            let known = (Array(ValueMacros.fragments.keys) + Array(ValueMacros.startChecks.keys)).sorted()
                .map { "{\($0)}" }.joined(separator: ", ")
            throw RuleError(file: file, line: line, rule: rule,
                            message: "unknown macro {\(error.name)} at offset \(error.offset) of the pattern (known: \(known))")
        }
        do {
            return try Pattern(expansion.pattern, start: expansion.leadingMacro.flatMap(ValueMacros.start(ofMacro:)),
                               jit: false)
        } catch {
            guard case let .invalid(message, offset) = error else {
                throw RuleError(file: file, line: line, rule: rule, message: "\(error)")
            }
            let writtenOffset = expansion.writtenOffset(forExpanded: offset)
            // The value macros expand to several kilobytes each: a pattern with a few of them can pass PCRE2's limit.
            let hint = message == Pattern.tooLargeMessage
                ? "the value macros are large: write the pattern's alternatives as separate patterns, or use fewer macros in one"
                : nil
            throw RuleError(file: file, line: line, rule: rule,
                            message: "invalid PCRE2 pattern at offset \(writtenOffset): \(message)\n    \(written)\n    \(String(repeating: " ", count: writtenOffset))^",
                            hint: hint)
        }
    }

    private func example(from node: Node, in document: YAMLDocument, rule: String?) throws(RuleError) -> RuleExample {
        var example = RuleExample(baseline: "", line: node.mark?.line ?? 0)
        var hasBaseline = false
        for (name, value) in try document.entries(of: node, allowed: Self.exampleKeys, rule: rule) {
            switch name {
            case "baseline":
                example.baseline = try document.strings(value, field: name, rule: rule).joined(separator: "\n")
                hasBaseline = true
            case "contradicted":
                example.contradicted = try document.strings(value, field: name, rule: rule)
                for draft in example.contradicted where !draft.contains(RuleExample.marker) {
                    throw RuleError(file: document.file, line: value.mark?.line, rule: rule,
                                    message: "contradicted example '\(draft)' has no ↓ marker before the claim")
                }
            case "supported": example.supported = try document.strings(value, field: name, rule: rule)
            default: example.unverified = try document.strings(value, field: name, rule: rule)
            }
        }
        guard hasBaseline else {
            throw RuleError(file: document.file, line: node.mark?.line, rule: rule, message: "an example needs a 'baseline'")
        }
        return example
    }

    private func loadLexicon(text: String, file: String, into lexicon: inout Lexicon) throws(RuleError) {
        let document = try YAMLDocument(file: file, text: text)
        guard let root = document.root else { return }
        for (name, value) in try document.entries(of: root, allowed: Self.lexiconKeys) {
            switch name {
            case "events":
                // Canonical forms come from the synonyms read so far: list events after the synonyms.
                lexicon.addEvents(try document.strings(value, field: name))
            case "synonyms":
                for set in try document.sequence(value, field: name) {
                    lexicon.add(try document.strings(set, field: name))
                }
            case "titles":
                lexicon.addTitles(try document.strings(value, field: name))
            case "aliases":
                for set in try document.sequence(value, field: name) {
                    lexicon.addAliases(try document.strings(set, field: name))
                }
            case "broader":
                // As for events: list broader words after the synonyms they stand for.
                for set in try document.sequence(value, field: name) {
                    lexicon.addBroader(try document.strings(set, field: name))
                }
            default:
                break
            }
        }
    }

    /// Specific kinds outrank the catch-all number rule when they claim the same text.
    static func defaultPriority(kind: String) -> Int {
        switch kind {
        case "number": 0
        case "count": 10
        case "ordinal": 15
        default: 20
        }
    }

    private func ruleFiles(in paths: [String]) throws(RuleError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RuleError(file: path, message: "no such rule file or folder", hint: "check the --rules path or factcheck.yml's 'rules'")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            for case let relative as String in enumerator where relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                found.append((path as NSString).appendingPathComponent(relative))
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    private func read(_ file: String) throws(RuleError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RuleError(file: file, message: "cannot read the rule file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: file, message: "the rule file is not UTF-8 text")
        }
        return text
    }
}
