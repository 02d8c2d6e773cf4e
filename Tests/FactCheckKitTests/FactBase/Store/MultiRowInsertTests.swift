import GRDB
import Testing
@testable import FactCheckKit

@Suite struct MultiRowInsertTests {
    /// Inserts `count` rows (n, "n") and returns the table's rows in insertion order.
    private func insertNumbers(_ count: Int) throws -> [Row] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try db.execute(sql: "CREATE TABLE numbers (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, name TEXT NOT NULL)")
            var insert = MultiRowInsert(into: "numbers", columns: ["n", "name"])
            try insert.insert(rowCount: count, in: db) { binder, index in
                binder.bind(index)
                binder.bind(String(index))
            }
            return try Row.fetchAll(db, sql: "SELECT n, name FROM numbers ORDER BY id")
        }
    }

    @Test func insertsEveryRowInOrderAcrossStatements() throws {
        // Two full statements of 64 rows and a partial one.
        let count = 2 * MultiRowInsert.maximumRows + 5
        let rows = try insertNumbers(count)
        #expect(rows.count == count)
        #expect(rows.map { $0[0] as Int } == Array(0..<count))
        #expect(rows.map { $0[1] as String } == (0..<count).map(String.init))
    }

    @Test func insertsNothingForNoRows() throws {
        #expect(try insertNumbers(0).isEmpty)
    }

    @Test func anErrorInARowStopsTheInsert() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE names (name TEXT NOT NULL UNIQUE)")
            var insert = MultiRowInsert(into: "names", columns: ["name"])
            #expect(throws: DatabaseError.self) {
                try insert.insert(rowCount: 3, in: db) { binder, index in
                    binder.bind(index == 2 ? "a" : "abc".map(String.init)[index])
                }
            }
        }
    }
}
