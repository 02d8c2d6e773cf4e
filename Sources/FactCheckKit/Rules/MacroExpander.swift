/// Expands value macros (`{number}`, `{date}`, ...) in a rule pattern into the value readers' PCRE2 fragments,
/// and maps offsets in the expanded pattern back to the pattern as the rule author wrote it.
struct MacroExpander {
    let fragments: [String: String]

    /// A pattern after expansion, with what is needed to map error offsets back.
    struct Expansion {
        var pattern: String
        /// (start in written pattern, start in expanded, length in written, length in expanded), in scalars.
        var replacements: [(written: Int, expanded: Int, writtenLength: Int, expandedLength: Int)]
        /// The macro every match of the pattern begins with, if the pattern opens with one (see `leadingMacro`).
        var leadingMacro: String?

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
        var macros: [(written: Range<Int>, name: String)] = []
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
                    macros.append((index..<(close + 1), name))
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
        }, leadingMacro: Self.leadingMacro(of: scalars, macros: macros))
    }

    /// The macro every match must begin with: the one the pattern opens with, after nothing but group openers
    /// (`(`, `(?:`, `(?<name>`, `(?P<name>`, `(?'name'`), when neither the macro nor any of those groups can be
    /// skipped (a quantifier with a minimum of zero) and none of those groups, nor the whole pattern, has another
    /// alternative. Nil as well for a backtracking verb such as `(*COMMIT)` (it ends an unanchored search at the first
    /// start that fails, where an anchored scan would go on to the next start) and for `\G` (it holds only where a
    /// search begins), and for anything this reading does not follow (`\Q...\E`, comments, extended syntax): a nil
    /// only costs the anchored scan, a wrong name would lose matches.
    ///
    /// Each macro expands to one group, and the value readers' fragments have no verb and no `\G`
    /// (`ValueMacrosTests`), so the written pattern is all that needs reading.
    static func leadingMacro(of scalars: [Unicode.Scalar], macros: [(written: Range<Int>, name: String)]) -> String? {
        var index = 0
        var openers = 0
        while index < scalars.count, macros.first?.written.lowerBound != index {
            guard let length = groupOpenerLength(in: scalars, at: index) else { return nil }
            openers += 1
            index += length
        }
        guard let leading = macros.first, leading.written.lowerBound == index else { return nil }
        let macroStarts = Set(macros.map(\.written.lowerBound))
        // Can the element ending before `position` be repeated zero times? A macro right after is no quantifier.
        func isSkippable(before position: Int) -> Bool {
            !macroStarts.contains(position) && allowsZeroRepeats(scalars, at: position)
        }
        index = leading.written.upperBound
        if isSkippable(before: index) { return nil }
        // The groups opened since the macro, and those the pattern opened with that are still open.
        var nestedGroups = 0
        var openLeadingGroups = openers
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                guard index + 1 < scalars.count, scalars[index + 1] != "Q", scalars[index + 1] != "G" else { return nil }
                index += 2
                continue
            case "[":
                guard let end = endOfClass(in: scalars, at: index) else { return nil }
                index = end
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "*" { return nil }
                if index + 2 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "#" { return nil }
                if setsExtendedSyntax(scalars, at: index) { return nil }
                nestedGroups += 1
            case ")":
                if nestedGroups > 0 {
                    nestedGroups -= 1
                } else {
                    // One of the groups the pattern opens with closes: it must not be skippable either.
                    guard openLeadingGroups > 0, !isSkippable(before: index + 1) else { return nil }
                    openLeadingGroups -= 1
                }
            case "|":
                if nestedGroups == 0 { return nil }
            default:
                break
            }
            index += 1
        }
        return leading.name
    }

    /// The length of a group opener that matches nothing by itself at `index`: `(`, `(?:`, `(?<name>`,
    /// `(?P<name>`, `(?'name'`. Nil for anything else, lookarounds (`(?<=`, `(?<!`) included.
    private static func groupOpenerLength(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        func scalar(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        guard scalar(0) == "(" else { return nil }
        guard scalar(1) == "?" else { return scalar(1) == "*" ? nil : 1 }
        if scalar(2) == ":" { return 3 }
        let nameStart: Int
        let close: Unicode.Scalar
        switch (scalar(2), scalar(3)) {
        case ("<", _): (nameStart, close) = (3, ">")
        case ("'", _): (nameStart, close) = (3, "'")
        case ("P", "<"): (nameStart, close) = (4, ">")
        default: return nil
        }
        var end = nameStart
        while let next = scalar(end), next == "_" || (next.isASCII && next.properties.isAlphabetic)
                || (end > nameStart && ("0"..."9").contains(next)) {
            end += 1
        }
        return end > nameStart && scalar(end) == close ? end + 1 : nil
    }

    /// True when the text at `index` is a quantifier whose minimum is zero (`?`, `*`, `{0,...}`), or a brace this
    /// reading does not take for a quantifier with a minimum of at least one.
    private static func allowsZeroRepeats(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        switch scalars[index] {
        case "?", "*": return true
        case "{": return !(index + 1 < scalars.count && ("1"..."9").contains(scalars[index + 1]))
        default: return false
        }
    }

    /// The index after the character class that opens at `index` (a `]` right after `[` or `[^` is a member), or
    /// nil when it does not close.
    private static func endOfClass(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        var position = index + 1
        if position < scalars.count, scalars[position] == "^" { position += 1 }
        if position < scalars.count, scalars[position] == "]" { position += 1 }
        while position < scalars.count {
            switch scalars[position] {
            case "\\":
                position += 2
            case "[" where position + 1 < scalars.count && scalars[position + 1] == ":":
                // A POSIX class such as [:alpha:] closes with ":]", not with its own "]".
                var end = position + 2
                while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
                position = end + 2
            case "]":
                return position + 1
            default:
                position += 1
            }
        }
        return nil
    }

    /// True for an option setting that turns on extended syntax (`(?x)`, `(?ix:`), where whitespace and `#`
    /// comments change what the rest of the pattern means.
    private static func setsExtendedSyntax(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 1 < scalars.count, scalars[index + 1] == "?" else { return false }
        var position = index + 2
        var setsExtended = false
        while position < scalars.count, "imnsxJU-^".unicodeScalars.contains(scalars[position]) {
            if scalars[position] == "x" { setsExtended = true }
            position += 1
        }
        return setsExtended && position < scalars.count && (scalars[position] == ")" || scalars[position] == ":")
    }

    struct UnknownMacro: Error {
        var name: String
        var offset: Int
    }
}
