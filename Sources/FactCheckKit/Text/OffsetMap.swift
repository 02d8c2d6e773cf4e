/// Where each byte of a document's readable text came from in the original: readable byte → original byte,
/// monotone. Text and Markdown keep the identity (their markup is blanked in place); HTML, whose tags are removed
/// and whose character references are decoded, records one piece per run of readable bytes.
public struct OffsetMap: Sendable, Equatable {
    /// A run of readable bytes and the original bytes it stands for.
    public struct Piece: Sendable, Equatable {
        /// First readable byte of the run.
        public var readableStart: Int
        /// First original byte the run stands for.
        public var originalStart: Int
        /// Number of readable bytes.
        public var readableLength: Int
        /// Number of original bytes; equal to `readableLength` for text copied byte for byte.
        public var originalLength: Int
        /// Text copied unchanged, so every byte maps to its own original byte; otherwise the readable bytes stand
        /// for the original bytes as a whole (a decoded "&amp;", a line break for a `<p>`).
        public var isCopy: Bool
    }

    /// The runs, in order; empty for the identity.
    public private(set) var pieces: [Piece]

    /// The identity map: readable and original are the same bytes.
    public static let identity = OffsetMap(pieces: [])

    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// Whether readable offsets are original offsets.
    public var isIdentity: Bool { pieces.isEmpty }

    /// Appends readable bytes that stand for `originalLength` original bytes from `originalStart`, merging with
    /// the previous run when both are plain copies that follow on from each other.
    mutating func append(readableStart: Int, readableLength: Int, originalStart: Int, originalLength: Int, isCopy: Bool) {
        guard readableLength > 0 else { return }
        if var last = pieces.last, last.isCopy, isCopy,
           last.readableStart + last.readableLength == readableStart,
           last.originalStart + last.originalLength == originalStart {
            last.readableLength += readableLength
            last.originalLength += originalLength
            pieces[pieces.count - 1] = last
            return
        }
        pieces.append(Piece(readableStart: readableStart, originalStart: originalStart,
                            readableLength: readableLength, originalLength: originalLength, isCopy: isCopy))
    }

    /// The original bytes a range of readable bytes stands for: from the start of the first byte's source to the end
    /// of the last byte's source. A decoded reference ("&amp;") maps back to the whole reference; markup between
    /// readable bytes of the range is inside the result, markup around it is not.
    public func originalRange(of readable: Range<Int>) -> Range<Int> {
        guard !isIdentity else { return readable }
        let start = originalStart(ofByte: readable.lowerBound)
        guard !readable.isEmpty else { return start..<start }
        let end = originalEnd(ofByte: readable.upperBound - 1)
        return start..<max(start, end)
    }

    /// The first original byte that readable byte `byte` comes from.
    private func originalStart(ofByte byte: Int) -> Int {
        guard let piece = piece(containing: byte) else { return endOfOriginal }
        return piece.isCopy ? piece.originalStart + (byte - piece.readableStart) : piece.originalStart
    }

    /// The original byte after the source of readable byte `byte`.
    private func originalEnd(ofByte byte: Int) -> Int {
        guard let piece = piece(containing: byte) else { return endOfOriginal }
        return piece.isCopy ? piece.originalStart + (byte - piece.readableStart) + 1
            : piece.originalStart + piece.originalLength
    }

    /// The readable offset where original byte `offset` is, or would be: a byte of removed markup (a comment, a
    /// tag) maps to the readable text that follows it. The reverse of `originalRange(of:)`, for things found in
    /// the original (`<!-- factcheck-ignore -->`).
    public func readableOffset(ofOriginal offset: Int) -> Int {
        guard !isIdentity else { return offset }
        // The first piece whose original bytes end after `offset` (pieces are sorted in original bytes too).
        var low = 0, high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            let piece = pieces[middle]
            if piece.originalStart + piece.originalLength <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < pieces.count else { return pieces.last.map { $0.readableStart + $0.readableLength } ?? 0 }
        let piece = pieces[low]
        guard offset > piece.originalStart else { return piece.readableStart }
        return piece.isCopy ? piece.readableStart + (offset - piece.originalStart) : piece.readableStart
    }

    private var endOfOriginal: Int {
        pieces.last.map { $0.originalStart + $0.originalLength } ?? 0
    }

    /// The piece holding a readable byte (binary search: pieces are sorted and contiguous in readable bytes).
    private func piece(containing byte: Int) -> Piece? {
        var low = 0, high = pieces.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let piece = pieces[middle]
            if byte < piece.readableStart {
                high = middle - 1
            } else if byte >= piece.readableStart + piece.readableLength {
                low = middle + 1
            } else {
                return piece
            }
        }
        return nil
    }
}
