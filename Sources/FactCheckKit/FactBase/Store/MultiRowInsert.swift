import GRDB

/// An INSERT of many rows in one statement, prepared once for each number of rows: SQLite and GRDB spend more on a
/// statement than on a row, and a document's facts, or a new claim's postings, are a dozen rows or so.
struct MultiRowInsert {
    /// The most rows one statement inserts (4 columns × 64 rows stays far below SQLite's limit of variables).
    static let maximumRows = 64

    private let prefix: String
    private let rowPlaceholders: String
    /// The number of columns, hence of values, of a row.
    private let width: Int
    private var statements: [Int: Statement] = [:]

    /// - Parameters:
    ///   - table: the table rows go into.
    ///   - columns: the columns each row gives, in the order of its values.
    init(into table: String, columns: [String]) {
        prefix = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        rowPlaceholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        width = columns.count
    }

    /// Inserts rows, in order, given as consecutive values: the first row's, then the second's, and so on.
    /// - Precondition: whole rows: a multiple of the number of columns (a partial row would never be inserted).
    mutating func execute(_ values: [(any DatabaseValueConvertible)?], in db: Database) throws {
        precondition(values.count % width == 0, "\(values.count) values do not make rows of \(width)")
        var start = 0
        while start < values.count {
            let rows = min(Self.maximumRows, (values.count - start) / width)
            let end = start + rows * width
            try statement(rows: rows, in: db).execute(arguments: StatementArguments(values[start..<end]))
            start = end
        }
    }

    private mutating func statement(rows: Int, in db: Database) throws -> Statement {
        if let statement = statements[rows] { return statement }
        let statement = try db.makeStatement(
            sql: prefix + Array(repeating: rowPlaceholders, count: rows).joined(separator: ", "))
        statements[rows] = statement
        return statement
    }
}
