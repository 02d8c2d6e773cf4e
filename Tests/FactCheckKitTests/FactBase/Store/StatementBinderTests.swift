import Foundation
import GRDB
import Testing
@testable import FactCheckKit

@Suite struct StatementBinderTests {
    private func withTable(_ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (i INTEGER, r REAL, s TEXT, o TEXT, b BLOB)")
            try body(db)
        }
    }

    @Test func bindsEachKindOfValueAsGRDBDoes() throws {
        try withTable { db in
            var binder = StatementBinder(try db.makeStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
            binder.bind(Int64(-7))
            binder.bind(2.5)
            binder.bind("Zürich")
            binder.bind(nil as String?)
            binder.bind([0, 1, 255] as [UInt8])
            #expect(binder.boundCount == 5)
            try binder.execute()
            #expect(binder.boundCount == 0)
            // The same values through GRDB, to compare types and bytes.
            try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                           arguments: [Int64(-7), 2.5, "Zürich", nil as String?, Data([0, 1, 255])])
            let rows = try Row.fetchAll(db, sql: """
                SELECT typeof(i), i, typeof(r), r, typeof(s), s, typeof(o), typeof(b), hex(b) FROM t
                """)
            #expect(rows.count == 2)
            #expect(rows[0] == rows[1])
            #expect(rows[0][4] as String == "text")
            #expect(rows[0][5] as String == "Zürich")
            #expect(rows[0][6] as String == "null")
            #expect(rows[0][8] as String == "0001FF")
        }
    }

    @Test func emptyTextAndBlobAreNotNull() throws {
        try withTable { db in
            var binder = StatementBinder(try db.makeStatement(sql: "INSERT INTO t(s, b) VALUES (?, ?)"))
            binder.bind("")
            binder.bind([] as [UInt8])
            try binder.execute()
            let row = try #require(try Row.fetchOne(db, sql: "SELECT typeof(s), length(s), typeof(b), length(b) FROM t"))
            #expect(row[0] as String == "text")
            #expect(row[1] as Int == 0)
            #expect(row[2] as String == "blob")
            #expect(row[3] as Int == 0)
        }
    }

    @Test func theStatementIsReusedWithNewValues() throws {
        try withTable { db in
            var binder = StatementBinder(try db.makeStatement(sql: "INSERT INTO t(i, s) VALUES (?, ?)"))
            for number in 1...3 {
                binder.bind(number)
                binder.bind("row \(number)")
                try binder.execute()
            }
            #expect(try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY i") == ["row 1", "row 2", "row 3"])
        }
    }

    @Test func aRefusedRowThrowsAndLeavesTheStatementUsable() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE u (name TEXT NOT NULL UNIQUE)")
            var binder = StatementBinder(try db.makeStatement(sql: "INSERT INTO u(name) VALUES (?)"))
            binder.bind("Kyiv")
            try binder.execute()
            binder.bind("Kyiv")
            let error = try #require(throws: DatabaseError.self) { try binder.execute() }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.message?.contains("UNIQUE") == true)
            #expect(error.sql == "INSERT INTO u(name) VALUES (?)")
            binder.bind("Lviv")
            try binder.execute()
            #expect(try String.fetchAll(db, sql: "SELECT name FROM u ORDER BY name") == ["Kyiv", "Lviv"])
        }
    }
}
