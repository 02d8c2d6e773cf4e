/// "10 s", "250 ms": a limit as the error messages and the start-up log state it.
struct DurationText: CustomStringConvertible {
    var duration: Duration

    init(_ duration: Duration) { self.duration = duration }

    var description: String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
