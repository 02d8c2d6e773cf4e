import Testing
@testable import FactCheckKit

@Suite struct MacroExpanderTests {
    private let expander = MacroExpander(fragments: ["number": "[0-9]+", "date": "may|june"])

    @Test func expandsMacrosAndKeepsQuantifiers() throws {
        let expansion = try expander.expand("(?<value>{number}) x{2,3} \\{date}")
        #expect(expansion.pattern == "(?<value>(?:[0-9]+)) x{2,3} \\{date}")
    }

    @Test func mapsOffsetsBackToTheWrittenPattern() throws {
        let expansion = try expander.expand("a{number}b{date}c")
        // "a(?:[0-9]+)b(?:may|june)c": 'b' is at 11 expanded, 9 written; 'c' at 24 expanded, 16 written.
        #expect(expansion.pattern == "a(?:[0-9]+)b(?:may|june)c")
        #expect(expansion.writtenOffset(forExpanded: 0) == 0)
        #expect(expansion.writtenOffset(forExpanded: 5) == 1)  // inside {number}: the macro's start
        #expect(expansion.writtenOffset(forExpanded: 11) == 9)
        #expect(expansion.writtenOffset(forExpanded: 23) == 10)
        #expect(expansion.writtenOffset(forExpanded: 24) == 16)
    }

    @Test func rejectsUnknownMacros() {
        #expect(throws: MacroExpander.UnknownMacro.self) { try expander.expand("{money}") }
    }
}

/// Which patterns `MacroExpander` anchors at their leading macro: only those whose every match begins where the
/// macro's match begins.
@Suite struct LeadingMacroTests {
    private let expander = MacroExpander(fragments: ["number": "[0-9]+|a", "date": "may|june", "number-start": "(?=[0-9])"])

    @Test(arguments: [
        ("{number}", "number"),
        ("(?<value>{number})", "number"),
        ("(?<claim>(?<value>{number})[ -]years?[ -](?<age>old)\\b)", "number"),
        ("{number-start}(?<!Tier )(?<value>{number}) (?<noun>[a-z]+)", "number-start"),
        ("(?<value>{number-start}(?=[a-z ]*[0-9]){number})", "number-start"),
        ("(?:(?'value'{date}))+ x", "date"),
        ("(?P<value>{date}){1,2}", "date"),
        ("((?<value>{date}))[|)(]\\|\\)(?:a|b)(?:x)?", "date"),
        ("(?<claim>(?<value>{number})(?:\\s+(?:prison|jail))?\\s+(?:sentence|term))", "number"),
        ("{number}{date}", "number"),
    ])
    func anchorsAPatternThatOpensWithAMacro(_ written: String, _ macro: String) throws {
        #expect(try expander.expand(written).leadingMacro == macro)
    }

    @Test(arguments: [
        "x{number}",                        // something before the macro
        "\\b{number}",
        "(?<=a){number}",                   // a lookbehind is no group opener
        "(?i){number}",
        "{number}|x",                       // another alternative of the whole pattern
        "(?<value>{number}|x)",             // ... or of a group the pattern opens with
        "(?<claim>(?<value>{number})|x)",
        "(?<value>{number}\\s+x|y\\s+{number})",
        "{number}?x",                       // a macro or group that may be skipped
        "{number}*x",
        "(?<value>{number})?x",
        "(?:{number}){0,2}x",
        "(?:{number}){,2}x",
        "(*COMMIT){number}",                // verbs and \G change where an unanchored search goes on
        "{number}(*SKIP)(*FAIL)|x",
        "\\G{number}",
        "{number}\\Q|\\E",                  // forms this reading does not follow
        "{number}(?#|)",
        "{number}(?x)#(\n|y",              // in extended syntax, "#(" is a comment and "|" splits the pattern
        "[{number}]",
        "x",
    ])
    func leavesOtherPatternsUnanchored(_ written: String) throws {
        #expect(try expander.expand(written).leadingMacro == nil)
    }
}
