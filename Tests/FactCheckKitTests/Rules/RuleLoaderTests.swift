import Testing
@testable import FactCheckKit

@Suite struct RuleLoaderTests {
    private let loader = RuleLoader()

    private func loadingError(_ yaml: String) -> RuleError? {
        do {
            _ = try loader.loadRules(text: yaml, file: "test.yml")
            return nil
        } catch {
            return error
        }
    }

    private let example = """
        examples:
          - baseline: "He freed 16 prisoners."
            supported: ["He freed 16 prisoners."]
        """

    @Test func loadsARule() throws {
        let rules = try loader.loadRules(text: """
            id: test.count
            kind: count
            patterns: ['(?<value>{number}) (?<noun>prisoners)']
            key: noun
            \(example)
            """, file: "test.yml")
        #expect(rules.map(\.id) == ["test.count"])
        #expect(rules[0].key == ["noun"])
        #expect(rules[0].severity == .error)
        #expect(rules[0].priority == 10)
    }

    @Test func rejectsUnknownKeyWithItsLine() throws {
        let error = try #require(loadingError("id: x\nkind: count\npaterns: ['(?<value>1)']\n\(example)"))
        #expect(error.line == 3)
        #expect(error.message.contains("unknown key 'paterns'"))
    }

    @Test func reportsInvalidPatternAtItsWrittenOffset() throws {
        // The macro expands to a long fragment; the offset must still point into the pattern as written.
        let error = try #require(loadingError("id: x\nkind: count\npatterns: ['(?<value>{number}) (unclosed']\n\(example)"))
        #expect(error.rule == "x")
        #expect(error.line == 3)
        #expect(error.message.contains("invalid PCRE2 pattern at offset 28"))
    }

    /// Each value macro is several kilobytes of PCRE2: three durations in one pattern pass PCRE2's size limit, and
    /// the error says what to do.
    @Test func aPatternTooLargeForPCRE2SaysHowToSplitIt() throws {
        let error = try #require(loadingError(
            "id: x\nkind: duration\npatterns: ['(?<value>{duration}) or {duration} or {duration}']\n\(example)"))
        #expect(error.message.contains("regular expression is too large"))
        #expect(error.hint?.contains("separate patterns") == true)
        #expect(loadingError("id: x\nkind: count\npatterns: ['(?<value>{number}) (unclosed']\n\(example)")?.hint == nil)
    }

    @Test func rejectsUnknownMacro() throws {
        let error = try #require(loadingError("id: x\nkind: count\npatterns: ['(?<value>{nmuber})']\n\(example)"))
        #expect(error.message.contains("unknown macro {nmuber} at offset 9"))
    }

    @Test func keepsQuantifierBraces() throws {
        let rules = try loader.loadRules(text: "id: x\nkind: count\npatterns: ['(?<value>[0-9]{1,3}) x{2}']\n\(example)", file: "t.yml")
        #expect(rules[0].patterns[0].source == "(?<value>[0-9]{1,3}) x{2}")
    }

    @Test func rejectsMalformedYAMLWithLine() throws {
        let error = try #require(loadingError("id: x\nkind: [count\npatterns: a\n"))
        #expect(error.message.hasPrefix("malformed YAML"))
        #expect(error.line != nil)
    }

    @Test(arguments: [
        ("kind: count\npatterns: ['(?<value>1)']", "needs an 'id'"),
        ("id: x\nkind: colour\npatterns: ['(?<value>1)']", "unknown kind 'colour'"),
        ("id: x\nkind: count\npatterns: ['[0-9]+']", "no (?<value>...) group"),
        ("id: x\nkind: count\npatterns: ['(?<value>1)']\nkey: noun", "key group 'noun'"),
        ("id: x\nkind: count\npatterns: ['(?<value>1)']\nseverity: fatal", "severity 'fatal'"),
        ("id: x\nkind: count\npatterns: []", "at least one pattern"),
    ] as [(String, String)])
    func rejectsIncompleteRules(yaml: String, expected: String) throws {
        let error = try #require(loadingError(yaml + "\n" + example))
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func requiresExamplesAndMarkers() throws {
        let noExamples = try #require(loadingError("id: x\nkind: count\npatterns: ['(?<value>1)']"))
        #expect(noExamples.message.contains("needs 'examples'"))
        let noMarker = try #require(loadingError("""
            id: x
            kind: count
            patterns: ['(?<value>1)']
            examples:
              - baseline: "a"
                contradicted: ["no marker here"]
            """))
        #expect(noMarker.message.contains("no ↓ marker"))
    }

    @Test func rejectsDuplicateIdsAcrossFiles() throws {
        #expect(throws: RuleError.self) {
            try loader.load(paths: [RepositoryPaths.rules + "/counts.yml", RepositoryPaths.rules + "/counts.yml"])
        }
    }

    @Test func loadsTheRepositoryRulesAndLexicon() throws {
        let ruleSet = try loader.load(paths: [RepositoryPaths.rules])
        #expect(ruleSet.rules.count >= 8)
        #expect(ruleSet.lexicon.canonical(Terms.stem("detainees")) == ruleSet.lexicon.canonical(Terms.stem("prisoners")))
    }

    /// The loader JIT-compiles its patterns all at once, after reading them: none may be left to the interpreter.
    @Test func loadedPatternsAreJITCompiled() throws {
        let ruleSet = try loader.load(paths: [RepositoryPaths.rules])
        let patterns = ruleSet.rules.flatMap(\.patterns)
        #expect(patterns.count >= 20)
        #expect(patterns.filter { !$0.isJITCompiled }.isEmpty)
        let rules = try loader.loadRules(text: """
            id: test.count
            kind: count
            patterns: ['(?<value>{number}) (?<noun>prisoners)', '(?<value>[0-9]+) (?<noun>inmates)']
            key: noun
            \(example)
            """, file: "test.yml")
        #expect(rules[0].patterns.count == 2 && rules[0].patterns.filter { !$0.isJITCompiled }.isEmpty)
    }

    /// Rules loaded for a short check are interpreted until compiled on demand (`CheckSession.JITPolicy`).
    @Test func theJITCanWaitUntilAsked() throws {
        let ruleSet = try loader.load(paths: [RepositoryPaths.rules], compilingJIT: false)
        #expect(ruleSet.rules.flatMap(\.patterns).allSatisfy { !$0.isJITCompiled && $0.jitCodeSize == 0 })
        #expect(!ruleSet.isJITCompiled)
        ruleSet.compileJIT()
        #expect(ruleSet.isJITCompiled)
        // Machine code for every pattern, more for a larger one (`factcheck-bench scan --per-pattern` lists them).
        let patterns = ruleSet.rules.flatMap(\.patterns).sorted { $0.source.utf8.count < $1.source.utf8.count }
        #expect(patterns.allSatisfy { $0.jitCodeSize > 0 })
        #expect(patterns.first!.jitCodeSize < patterns.last!.jitCodeSize)
    }

    @Test func aKeyWordStandsInForAMissingKeyGroup() throws {
        let yaml = """
            id: test.age
            kind: count
            patterns: ['(?<value>{number}) years (?<age>old)', '(?-i:[A-Z][a-z]+), (?<value>[0-9]{2}),']
            key: [age]
            key-word: age
            \(example)
            """
        let rules = try loader.loadRules(text: yaml, file: "t.yml")
        #expect(rules[0].keyWord == "age")
        let withoutKeyWord = try #require(loadingError(yaml.replacingOccurrences(of: "key-word: age\n", with: "")))
        #expect(withoutKeyWord.message.contains("key group 'age'"))
    }
}
