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
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, message: "cannot read the file", hint: "check its permissions")
            }
            data = contents
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
