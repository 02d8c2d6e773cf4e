/// UTC offsets of the zone names `TimeReader` normalizes to, so that times in two known zones can be compared:
/// "3 p.m. GMT" is "6 p.m. Moscow time".
///
/// Zones with daylight saving time have two offsets; a time in such a zone holds both readings, and two times agree
/// when any readings meet. "local" and other unknown zones have none: they are compared only with their own zone.
public enum ZoneOffsets {
    /// Minutes east of UTC, standard and (when observed) summer time.
    static let offsets: [String: [Int]] = [
        "gmt": [0], "london": [0, 60], "cet": [60, 120], "eet": [120, 180], "kyiv": [120, 180],
        "moscow": [180], "minsk": [180], "istanbul": [180], "ankara": [180], "riyadh": [180], "doha": [180],
        "tehran": [210], "dubai": [240], "tbilisi": [240], "baku": [240], "yerevan": [240], "kabul": [270],
        "tashkent": [300], "delhi": [330], "ist": [330], "beijing": [480], "taipei": [480], "singapore": [480],
        "seoul": [540], "pyongyang": [540], "jst": [540], "sydney": [600, 660],
        "jerusalem": [120, 180], "israel": [120, 180], "cairo": [120, 180],
        "paris": [60, 120], "berlin": [60, 120], "brussels": [60, 120], "geneva": [60, 120], "rome": [60, 120],
        "madrid": [60, 120], "warsaw": [60, 120], "vilnius": [120, 180], "riga": [120, 180], "tallinn": [120, 180],
        "et": [-300, -240], "ct": [-360, -300], "mt": [-420, -360], "pt": [-480, -420],
        "alaska": [-540, -480], "hawaii": [-600],
    ]

    /// The offsets of a normalized zone ("moscow", "et", "gmt+3", "gmt-5:30"); nil when it is not known.
    public static func minutesEastOfUTC(_ zone: String) -> [Int]? {
        if let known = offsets[zone] { return known }
        guard zone.hasPrefix("gmt"), zone.count > 3 else { return nil }
        let rest = zone.dropFirst(3)
        let sign = rest.first == "-" ? -1 : 1
        let parts = rest.dropFirst().split(separator: ":")
        guard let hours = parts.first.flatMap({ Int($0) }) else { return nil }
        let minutes = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return [sign * (hours * 60 + minutes)]
    }
}
