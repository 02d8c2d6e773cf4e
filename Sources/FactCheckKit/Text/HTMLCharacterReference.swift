/// HTML character references: `&amp;`, `&#8217;`, `&#x2019;` and the named ones news copy uses.
enum HTMLCharacterReference {
    /// The longest named reference looked for; anything longer is text with an ampersand in it.
    private static let longestName = 32

    /// The named references decoded. Unknown names stay as they are written, as browsers show them.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "narrownbsp": "\u{202F}",
        "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "lrm": "\u{200E}", "rlm": "\u{200F}",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "sbquo": "\u{201A}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        "prime": "\u{2032}", "Prime": "\u{2033}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "minus": "\u{2212}", "hellip": "\u{2026}", "bull": "\u{2022}",
        "middot": "\u{B7}", "dagger": "\u{2020}", "Dagger": "\u{2021}", "sect": "\u{A7}", "para": "\u{B6}",
        "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}", "curren": "\u{A4}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "deg": "\u{B0}", "permil": "\u{2030}",
        "times": "\u{D7}", "divide": "\u{F7}", "plusmn": "\u{B1}", "le": "\u{2264}", "ge": "\u{2265}",
        "ne": "\u{2260}", "asymp": "\u{2248}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}",
        "sup1": "\u{B9}", "sup2": "\u{B2}", "sup3": "\u{B3}", "micro": "\u{B5}", "ordf": "\u{AA}", "ordm": "\u{BA}",
        "iexcl": "\u{A1}", "iquest": "\u{BF}", "acute": "\u{B4}", "uml": "\u{A8}", "cedil": "\u{B8}",
        "Agrave": "\u{C0}", "Aacute": "\u{C1}", "Acirc": "\u{C2}", "Atilde": "\u{C3}", "Auml": "\u{C4}",
        "Aring": "\u{C5}", "AElig": "\u{C6}", "Ccedil": "\u{C7}", "Egrave": "\u{C8}", "Eacute": "\u{C9}",
        "Ecirc": "\u{CA}", "Euml": "\u{CB}", "Igrave": "\u{CC}", "Iacute": "\u{CD}", "Icirc": "\u{CE}",
        "Iuml": "\u{CF}", "Ntilde": "\u{D1}", "Ograve": "\u{D2}", "Oacute": "\u{D3}", "Ocirc": "\u{D4}",
        "Otilde": "\u{D5}", "Ouml": "\u{D6}", "Oslash": "\u{D8}", "Ugrave": "\u{D9}", "Uacute": "\u{DA}",
        "Ucirc": "\u{DB}", "Uuml": "\u{DC}", "Yacute": "\u{DD}", "szlig": "\u{DF}",
        "agrave": "\u{E0}", "aacute": "\u{E1}", "acirc": "\u{E2}", "atilde": "\u{E3}", "auml": "\u{E4}",
        "aring": "\u{E5}", "aelig": "\u{E6}", "ccedil": "\u{E7}", "egrave": "\u{E8}", "eacute": "\u{E9}",
        "ecirc": "\u{EA}", "euml": "\u{EB}", "igrave": "\u{EC}", "iacute": "\u{ED}", "icirc": "\u{EE}",
        "iuml": "\u{EF}", "ntilde": "\u{F1}", "ograve": "\u{F2}", "oacute": "\u{F3}", "ocirc": "\u{F4}",
        "otilde": "\u{F5}", "ouml": "\u{F6}", "oslash": "\u{F8}", "ugrave": "\u{F9}", "uacute": "\u{FA}",
        "ucirc": "\u{FB}", "uuml": "\u{FC}", "yacute": "\u{FD}", "yuml": "\u{FF}",
        "Scaron": "\u{160}", "scaron": "\u{161}", "Zcaron": "\u{17D}", "zcaron": "\u{17E}", "Ccaron": "\u{10C}",
        "ccaron": "\u{10D}", "OElig": "\u{152}", "oelig": "\u{153}",
    ]

    /// What the C1 control codes mean in the windows-1252 text that `&#146;` and friends were copied from.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}", 0x87: "\u{2021}",
        0x8B: "\u{2039}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x99: "\u{2122}", 0x9B: "\u{203A}",
    ]

    /// Decodes the reference that starts with the `&` at `start`.
    /// - Returns: the character and the byte after the reference, or nil when the `&` starts no reference.
    static func decode(_ bytes: [UInt8], at start: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "&"), start + 1 < bytes.count else { return nil }
        if bytes[start + 1] == UInt8(ascii: "#") {
            return decodeNumeric(bytes, at: start)
        }
        var end = start + 1
        while end < bytes.count, end - start <= longestName, bytes[end].isASCIIAlphanumeric { end += 1 }
        guard end > start + 1, end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        return (scalar, end + 1)
    }

    /// `&#8217;` or `&#x2019;`; the semicolon may be missing, as browsers allow.
    private static func decodeNumeric(_ bytes: [UInt8], at start: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var index = start + 2
        var radix: UInt32 = 10
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
            // Saturate rather than overflow: "&#99999999999;" is simply out of range.
            value = value > 0x10FFFF ? value : value * radix + digit
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        let scalar = windows1252[value] ?? Unicode.Scalar(value).flatMap { $0 == "\0" ? nil : $0 } ?? "\u{FFFD}"
        return (scalar, index)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Text with its references decoded, for attribute values and titles.
    static func decoded(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        var plainStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, end) = decode(bytes, at: index) {
                scalars.append(contentsOf: String(decoding: bytes[plainStart..<index], as: UTF8.self).unicodeScalars)
                scalars.append(scalar)
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        scalars.append(contentsOf: String(decoding: bytes[plainStart..<bytes.count], as: UTF8.self).unicodeScalars)
        return String(scalars)
    }
}
