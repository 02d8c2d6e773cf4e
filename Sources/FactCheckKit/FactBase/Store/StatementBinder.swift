import Foundation
import GRDB
import GRDBSQLite

/// Binds values straight to a prepared statement's SQLite handle and runs it: for the statements the fact store's
/// writer runs hundreds of thousands of times in a build. GRDB's `execute(arguments:)` wraps each value in an
/// existential and a `DatabaseValue` and binds each in a closure nested in the previous one's; on a row of a
/// multi-row insert that cost more than SQLite spent storing it (callgrind, issue 7).
///
/// Values bind to the statement's parameters in order; `execute` runs the statement once with them and makes it
/// ready for the next ones. SQLite copies text and blobs (`SQLITE_TRANSIENT`), so they need not outlive the call.
/// Only for statements that return no rows (INSERT, UPDATE), inside a transaction GRDB opened.
struct StatementBinder {
    /// Kept so that the handle stays valid: GRDB finalizes it when the statement goes.
    let statement: Statement
    private var nextIndex: CInt = 1
    /// The result code of the first binding that failed since the last `execute`, which reports it.
    private var bindingFailure: CInt = SQLITE_OK

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// The number of values bound since the last `execute`.
    var boundCount: Int { Int(nextIndex) - 1 }

    mutating func bind(_ value: Int64) {
        record(sqlite3_bind_int64(statement.sqliteStatement, nextIndex, value))
    }

    mutating func bind(_ value: Int) {
        bind(Int64(value))
    }

    mutating func bind(_ value: Double) {
        record(sqlite3_bind_double(statement.sqliteStatement, nextIndex, value))
    }

    mutating func bind(_ value: String) {
        var value = value
        let code = value.withUTF8 { buffer in
            // An empty buffer may have no address, and a null pointer would bind NULL rather than ''.
            buffer.isEmpty
                ? sqlite3_bind_text(statement.sqliteStatement, nextIndex, "", 0, Self.transient)
                : sqlite3_bind_text(statement.sqliteStatement, nextIndex, buffer.baseAddress, CInt(buffer.count),
                                    Self.transient)
        }
        record(code)
    }

    /// Binds NULL for nil.
    mutating func bind(_ value: String?) {
        if let value {
            bind(value)
        } else {
            record(sqlite3_bind_null(statement.sqliteStatement, nextIndex))
        }
    }

    /// Binds a blob: an array of bytes, or a slice of one.
    mutating func bind(_ bytes: some ContiguousBytes) {
        let code = bytes.withUnsafeBytes { buffer in
            // As for text: a null pointer would bind NULL rather than an empty blob.
            buffer.isEmpty
                ? sqlite3_bind_zeroblob(statement.sqliteStatement, nextIndex, 0)
                : sqlite3_bind_blob(statement.sqliteStatement, nextIndex, buffer.baseAddress, CInt(buffer.count),
                                    Self.transient)
        }
        record(code)
    }

    /// Runs the statement with the values bound, then resets it for the next ones.
    /// - Precondition: one value bound for each of the statement's parameters.
    /// - Throws: `DatabaseError` when a value could not be bound or SQLite refuses the statement (a constraint,
    ///   a full disk); the statement is ready for new values all the same.
    mutating func execute() throws {
        let handle = statement.sqliteStatement
        defer {
            nextIndex = 1
            bindingFailure = SQLITE_OK
        }
        precondition(boundCount == Int(sqlite3_bind_parameter_count(handle)),
                     "\(boundCount) values bound for \(sqlite3_bind_parameter_count(handle)) parameters")
        guard bindingFailure == SQLITE_OK else {
            let error = databaseError(code: bindingFailure)
            sqlite3_reset(handle)
            throw error
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            // The message goes with the reset, so it is read first.
            let error = databaseError(code: code)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
    }

    private mutating func record(_ code: CInt) {
        if code != SQLITE_OK, bindingFailure == SQLITE_OK { bindingFailure = code }
        nextIndex += 1
    }

    /// SQLite's "copy the value now" destructor (-1), which the C macro names and Swift cannot import.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private func databaseError(code: CInt) -> DatabaseError {
        let message = sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
