import Foundation

/// A unit of measure and how to convert it to its dimension's base unit, so that "5 km" and "5,000 metres", or
/// "2 pounds" and "907 grams", compare as the same quantity.
///
/// Base units: "m" (length), "kg" (mass), "m2" (area), "l" (volume), "km/h" (speed), "°C" (temperature). The base
/// unit names the dimension: two quantities with different base units are never compared.
struct QuantityUnit: Sendable {
    /// The dimension's base unit.
    var base: String
    /// Base units per one of this unit.
    var factor: Double
    /// Added after scaling: only temperatures have one (°F → °C).
    var offset: Double = 0

    /// The value in base units.
    func toBase(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        return Amount.decimal(value * factor + offset)
    }

    private static let pound = 0.45359237
    private static let mile = 1609.344

    /// Unit words after a figure, as words; abbreviations count as words ("km", "lbs"). Symbols and compound
    /// spellings ("km/h", "°C", "km²") are read by `QuantityReader` itself.
    static let words: [([String], QuantityUnit)] = {
        var table: [([String], QuantityUnit)] = []
        func add(_ names: [String], _ base: String, _ factor: Double, offset: Double = 0) {
            for name in names {
                table.append((name.split(separator: " ").map(String.init),
                              QuantityUnit(base: base, factor: factor, offset: offset)))
            }
        }
        // Length.
        add(["mm", "millimetre", "millimetres", "millimeter", "millimeters"], "m", 0.001)
        add(["cm", "centimetre", "centimetres", "centimeter", "centimeters"], "m", 0.01)
        add(["m", "metre", "metres", "meter", "meters"], "m", 1)
        add(["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"], "m", 1000)
        add(["inch", "inches"], "m", 0.0254)
        add(["ft", "foot", "feet"], "m", 0.3048)
        add(["yard", "yards", "yd", "yds"], "m", 0.9144)
        add(["mile", "miles", "mi"], "m", mile)
        add(["nautical mile", "nautical miles"], "m", 1852)
        // Mass.
        add(["mg", "milligram", "milligrams", "milligramme", "milligrammes"], "kg", 1e-6)
        add(["g", "gs", "gram", "grams", "gramme", "grammes"], "kg", 0.001)
        add(["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"], "kg", 1)
        add(["tonne", "tonnes", "metric ton", "metric tons"], "kg", 1000)
        add(["lb", "lbs", "pound", "pounds"], "kg", pound)
        add(["oz", "ounce", "ounces"], "kg", pound / 16)
        add(["stone"], "kg", pound * 14)
        // Area.
        add(["square metre", "square metres", "square meter", "square meters", "sq m", "sqm"], "m2", 1)
        add(["square kilometre", "square kilometres", "square kilometer", "square kilometers", "sq km"], "m2", 1e6)
        add(["square foot", "square feet", "sq ft"], "m2", 0.3048 * 0.3048)
        add(["square mile", "square miles", "sq mi"], "m2", mile * mile)
        add(["hectare", "hectares", "ha"], "m2", 10_000)
        add(["acre", "acres"], "m2", 4046.8564224)
        // Volume.
        add(["ml", "millilitre", "millilitres", "milliliter", "milliliters"], "l", 0.001)
        add(["l", "litre", "litres", "liter", "liters"], "l", 1)
        add(["cup", "cups"], "l", 0.2365882365)
        add(["gallon", "gallons"], "l", 3.785411784)
        add(["barrel", "barrels"], "l", 158.987294928)
        add(["cubic metre", "cubic metres", "cubic meter", "cubic meters"], "l", 1000)
        // Speed.
        add(["kph", "kmh", "kilometres per hour", "kilometers per hour", "kilometres an hour",
             "kilometers an hour"], "km/h", 1)
        add(["mph", "miles per hour", "miles an hour"], "km/h", mile / 1000)
        add(["knot", "knots"], "km/h", 1.852)
        // Temperature: "degrees Celsius", "degrees Fahrenheit"; a bare "degrees" names no scale and is not read.
        add(["degrees celsius", "degree celsius", "degrees centigrade", "celsius", "centigrade"], "°C", 1)
        add(["degrees fahrenheit", "degree fahrenheit", "fahrenheit"], "°C", 5.0 / 9, offset: -32 * 5.0 / 9)
        // Longest first, so that "square miles" wins over "miles" and "nautical miles" over "miles".
        return table.sorted { $0.0.count > $1.0.count }
    }()

    /// Units that are too often something else to find in running text ("5 m" may be five million, "2 g" a
    /// network generation, "10 l" a line number): read when a rule captured them, never looked for by the macro.
    static let readOnly: Set<String> = ["m", "g", "gs", "l", "ha", "stone", "kilo", "kilos", "pound", "pounds"]

    /// The unit a name stands for ("kg", "square miles", "celsius"), as in `words`.
    static func unit(named name: String) -> QuantityUnit? {
        words.first { $0.0 == name.split(separator: " ").map(String.init) }?.1
    }
}
