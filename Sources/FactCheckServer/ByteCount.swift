/// "1 MiB (1048576 bytes)": a byte count as a person reads it, exact for the machine.
struct ByteCount: CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit) (\(bytes) bytes)"
        }
        return "\(bytes) bytes"
    }
}
