import GRDB

/// An INSERT of many rows in one statement, prepared once for each number of rows: SQLite and GRDB spend more on a
/// statement than on a row, and a document's facts, or a new claim's postings, are a dozen rows or so. Values are
/// bound straight to SQLite (`StatementBinder`), not gathered into an array of arguments first.
struct MultiRowInsert {
    /// The most rows one statement inserts (4 columns × 64 rows stays far below SQLite's limit of variables).
    static let maximumRows = 64

    private let prefix: String
    private let rowPlaceholders: String
    /// The number of columns, hence of values, of a row.
    let width: Int
    /// The statement for n rows at index n, prepared when first needed.
    private var statements: [Statement?] = Array(repeating: nil, count: maximumRows + 1)

    /// - Parameters:
    ///   - table: the table rows go into.
    ///   - columns: the columns each row gives, in the order of its values.
    init(into table: String, columns: [String]) {
        prefix = "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES "
        rowPlaceholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        width = columns.count
    }

    /// Inserts `rowCount` rows, in order.
    /// - Parameters:
    ///   - bindRow: binds the values of row `index` (in `0..<rowCount`), one for each column, in column order.
    /// - Precondition: `bindRow` binds whole rows (a partial row would shift every row after it).
    /// - Throws: `DatabaseError` when SQLite refuses a row.
    mutating func insert(rowCount: Int, in db: Database,
                         bindRow: (_ binder: inout StatementBinder, _ index: Int) throws -> Void) throws {
        var start = 0
        while start < rowCount {
            let rows = min(Self.maximumRows, rowCount - start)
            var binder = StatementBinder(try statement(rows: rows, in: db))
            for index in start..<(start + rows) {
                try bindRow(&binder, index)
                precondition(binder.boundCount == (index - start + 1) * width,
                             "row \(index) bound \(binder.boundCount - (index - start) * width) values, not \(width)")
            }
            try binder.execute()
            start += rows
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
