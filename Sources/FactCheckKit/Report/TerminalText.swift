/// Draft text as the text report writes it to a terminal: what could act on the terminal or hide what the text
/// says is written out as `<U+1B>`. A draft pasted from anywhere may hold ESC and BEL (which retitle the window
/// or clear the screen), bidirectional overrides (`August <U+202E>41<U+202C>` shows as "August 14") and
/// invisible characters (`1<U+200B>8`).
enum TerminalText {
    /// How a scalar is written: nil when as it is.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        guard isHidden(scalar) else { return nil }
        return "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
    }

    /// Control characters (but tab), and the format characters that reorder or hide text.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0xAD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `text` with every hidden scalar written out.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) { result += escaped } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The part of a draft's line to show under a finding, and the underline of the claim in it: the whole line
    /// when short, else about `width` characters around the claim ("…" where cut), so that a finding in a
    /// 128 KB line prints a few hundred bytes, not the line (issue 24). Tabs are written as one space so that the
    /// underline stays under the claim.
    /// - Parameters:
    ///   - scalars: the line's Unicode scalars (the findings of one line share them).
    ///   - column: the claim's 1-based column, in Unicode scalars.
    ///   - length: the claim's length in Unicode scalars.
    static func excerpt(of scalars: [Unicode.Scalar], column: Int, length: Int,
                        width: Int = 160) -> (line: String, underline: String) {
        let start = min(max(0, column - 1), scalars.count)
        let end = min(scalars.count, start + max(1, length))
        var from = 0, to = scalars.count
        if scalars.count > width {
            let margin = max(20, (width - (end - start)) / 2)
            from = max(0, start - margin)
            to = min(scalars.count, end + margin)
        }
        var text = from > 0 ? "… " : ""
        var underline = String(repeating: " ", count: text.count)
        for index in from..<to {
            let scalar = scalars[index]
            let written = scalar == "\t" ? " " : escape(scalar) ?? String(scalar)
            text += written
            let width = written.unicodeScalars.count
            if index < start {
                underline += String(repeating: " ", count: width)
            } else if index < end {
                underline += (index == start ? "^" : "~") + String(repeating: "~", count: width - 1)
            }
        }
        if start >= to { underline += "^" }
        if to < scalars.count { text += " …" }
        return (text, underline)
    }
}
