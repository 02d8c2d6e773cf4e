/// Expands value macros (`{number}`, `{date}`, ...) in a rule pattern into the value readers' PCRE2 fragments,
/// and maps offsets in the expanded pattern back to the pattern as the rule author wrote it.
struct MacroExpander {
    let fragments: [String: String]

    /// A pattern after expansion, with what is needed to map error offsets back.
    struct Expansion {
        var pattern: String
        /// (start in written pattern, start in expanded, length in written, length in expanded), in scalars.
        var replacements: [(written: Int, expanded: Int, writtenLength: Int, expandedLength: Int)]

        /// The scalar offset in the written pattern for a scalar offset in the expanded one.
        func writtenOffset(forExpanded offset: Int) -> Int {
            var shift = 0
            for replacement in replacements {
                if offset < replacement.expanded { break }
                if offset < replacement.expanded + replacement.expandedLength { return replacement.written }
                shift = replacement.written + replacement.writtenLength - (replacement.expanded + replacement.expandedLength)
            }
            return offset + shift
        }
    }

    /// Expands every `{name}` whose name is a letter followed by letters, digits or hyphens; `{3}` and `{1,3}` are
    /// PCRE2 quantifiers and are left alone.
    /// - Throws: the written offset and name of an unknown macro.
    func expand(_ pattern: String) throws(UnknownMacro) -> Expansion {
        let scalars = Array(pattern.unicodeScalars)
        var output = String.UnicodeScalarView()
        var replacements: [(Int, Int, Int, Int)] = []
        var index = 0
        var expandedCount = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let escaped = index > 0 && scalars[index - 1] == "\\" && (index < 2 || scalars[index - 2] != "\\")
            if scalar == "{", !escaped, let close = scalars[(index + 1)...].firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                if let first = name.unicodeScalars.first, first.properties.isAlphabetic,
                   name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }) {
                    guard let fragment = fragments[name] else { throw UnknownMacro(name: name, offset: index) }
                    let wrapped = "(?:\(fragment))"
                    output.append(contentsOf: wrapped.unicodeScalars)
                    let expandedLength = wrapped.unicodeScalars.count
                    replacements.append((index, expandedCount, close + 1 - index, expandedLength))
                    expandedCount += expandedLength
                    index = close + 1
                    continue
                }
            }
            output.append(scalar)
            expandedCount += 1
            index += 1
        }
        return Expansion(pattern: String(output), replacements: replacements.map {
            (written: $0.0, expanded: $0.1, writtenLength: $0.2, expandedLength: $0.3)
        })
    }

    struct UnknownMacro: Error {
        var name: String
        var offset: Int
    }
}
