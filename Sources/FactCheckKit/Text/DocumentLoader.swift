import Foundation

/// Reads documents from disk or standard input, refusing what is not text with a message an editor can act on.
public struct DocumentLoader: Sendable {
    /// Files larger than this are refused: no draft or source is this long, and reading one would stall a hook.
    public var maximumBytes: Int

    public init(maximumBytes: Int = 32 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    /// Reads a file; `-` reads standard input.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayPath: the name reports give the document; `path` when nil.
    ///   - format: how to read it; by extension when nil.
    /// - Throws: `InputError` for a missing, unreadable, empty, binary, non-UTF-8 or oversized file.
    public func load(path: String, displayPath: String? = nil, format: DocumentFormat? = nil) throws(InputError) -> Document {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link whose target cannot be reached exists, itself: "no such file" would send the editor looking
                // for a file that is there.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    throw InputError(path: path, message: "is a symbolic link that leads to no file (a loop of links, or a missing target)",
                                     hint: "check where the link points: ls -l \(path)")
                }
                throw InputError(path: path, message: "no such file", hint: "check the path")
            }
            guard !isDirectory.boolValue else {
                throw InputError(path: path, message: "is a folder, not a document", hint: "name the files to check")
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? NSNumber
            else {
                throw InputError(path: path, message: "cannot read the file", hint: "check its permissions")
            }
            guard size.intValue <= maximumBytes else {
                throw InputError(path: path, message: "is \(size.intValue / 1_048_576) MB; factcheck reads documents up to \(maximumBytes / 1_048_576) MB",
                                 hint: "split the file")
            }
            // Read to its end whatever kind of file it is: FileManager gives nothing for /dev/null or a pipe, which
            // read as "cannot read the file (check its permissions)".
            guard let contents = FileAccess.contents(atPath: path) else {
                throw InputError(path: path, message: "cannot read the file", hint: "check its permissions")
            }
            data = Data(contents)
        }
        return try document(path: displayPath ?? path, data: data, format: format ?? DocumentFormat(path: path))
    }

    /// Makes a document from bytes, validating them as text.
    public func document(path: String, data: Data, format: DocumentFormat? = nil) throws(InputError) -> Document {
        try document(path: path, bytes: [UInt8](data), format: format)
    }

    /// Makes a document from bytes, validating them as text.
    public func document(path: String, bytes: [UInt8], format: DocumentFormat? = nil) throws(InputError) -> Document {
        guard bytes.count <= maximumBytes else {
            throw InputError(path: path, message: "is larger than \(maximumBytes / 1_048_576) MB", hint: "split the file")
        }
        if let encoding = Self.utf16Encoding(of: bytes) {
            throw InputError(path: path, message: "is \(encoding) text; factcheck reads UTF-8",
                             hint: "save it as UTF-8, for example with `iconv -f \(encoding) -t utf-8`")
        }
        if bytes.prefix(8192).contains(0) {
            throw InputError(path: path, message: "is a binary file, not text",
                             hint: "give factcheck the article as plain text, Markdown or HTML")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (offset, line) = Self.firstInvalidByte(in: bytes)
            throw InputError(path: path, line: line, message: "is not valid UTF-8 (first bad byte at offset \(offset))",
                             hint: "save the file as UTF-8, for example with `iconv -f latin1 -t utf-8`")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw InputError(path: path, message: "is empty", hint: "nothing to check: give a file with text in it")
        }
        return try Document(path: path, text: text, format: format)
    }

    /// "UTF-16LE" or "UTF-16BE" when the bytes look like UTF-16 (Windows tools save it): a byte order mark, or
    /// mostly text with every other byte zero. It read as "a binary file", or as UTF-8 gone wrong.
    static func utf16Encoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return nil }
        let pairs = sample.count / 2
        var zeroFirst = 0, zeroSecond = 0
        for pair in 0..<pairs {
            let (first, second) = (sample[sample.startIndex + 2 * pair], sample[sample.startIndex + 2 * pair + 1])
            if first == 0, second != 0 { zeroFirst += 1 }
            if second == 0, first != 0 { zeroSecond += 1 }
        }
        if zeroSecond * 10 >= pairs * 9 { return "UTF-16LE" }
        if zeroFirst * 10 >= pairs * 9 { return "UTF-16BE" }
        return nil
    }

    /// The offset and 1-based line of the first byte that breaks UTF-8.
    static func firstInvalidByte(in bytes: [UInt8]) -> (offset: Int, line: Int) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput, .error:
                return (offset, line)
            }
        }
    }
}
