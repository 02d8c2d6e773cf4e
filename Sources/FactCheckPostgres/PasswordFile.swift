import Foundation

/// A libpq password file (`~/.pgpass`): lines of `host:port:database:user:password`, `*` matching anything,
/// `\:` and `\\` escaping. Like libpq, a file that others may read is ignored.
struct PasswordFile {
    private let lines: [[String]]

    /// Reads the file; nil when it is missing, unreadable, or readable by group or others.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        lines = text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = Self.fields(of: Substring(line))
            return fields.count == 5 ? fields : nil
        }
    }

    /// The password of the first line that matches.
    func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        return lines.first { fields in zip(fields, wanted).allSatisfy { $0 == "*" || $0 == $1 } }?[4]
    }

    /// The colon-separated fields of a line, unescaped.
    private static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
