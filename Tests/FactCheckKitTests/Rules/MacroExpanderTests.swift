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
