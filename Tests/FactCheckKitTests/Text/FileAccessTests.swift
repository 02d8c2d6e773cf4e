import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import FactCheckKit

/// A store compares a file's size and time with those it recorded through `FileManager`: `FileAccess` must give
/// the same values to the bit, and the same bytes.
@Suite struct FileAccessTests {
    @Test func givesFileManagersSizeTimeAndBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.txt").path
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let contents = Data((0..<Int.random(in: 0...70_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(FileManager.default.createFile(atPath: path, contents: contents))
            var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0),
                         timespec(tv_sec: Int.random(in: 0...4_000_000_000, using: &generator),
                                  tv_nsec: round % 5 == 0 ? 0 : Int.random(in: 0..<1_000_000_000, using: &generator))]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            let expected = try FileManager.default.attributesOfItem(atPath: path)
            let attributes = try #require(FileAccess.attributes(atPath: path))
            #expect(attributes.size == (expected[.size] as? NSNumber)?.intValue)
            #expect(attributes.modified.bitPattern
                == (expected[.modificationDate] as? Date)?.timeIntervalSince1970.bitPattern)
            #expect(FileAccess.contents(atPath: path) == [UInt8](contents))
            let both = try #require(FileAccess.attributesAndContents(atPath: path))
            #expect(both.size == attributes.size && both.modified.bitPattern == attributes.modified.bitPattern)
            #expect(both.bytes == [UInt8](contents))
        }
    }

    @Test func readsASymbolicLinksOwnAttributesAndItsTargetsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data(repeating: 65, count: 5_000)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let attributes = try #require(FileAccess.attributes(atPath: link))
        let both = try #require(FileAccess.attributesAndContents(atPath: link))
        // The link's own size (the length of the path it holds), the target's bytes.
        #expect(both.size == attributes.size && both.size == target.utf8.count)
        #expect(both.modified == attributes.modified)
        #expect(both.bytes == [UInt8](repeating: 65, count: 5_000))
    }

    @Test func failsOnWhatCannotBeRead() {
        #expect(FileAccess.attributes(atPath: "/no/such/file") == nil)
        #expect(FileAccess.contents(atPath: "/no/such/file") == nil)
        #expect(FileAccess.contents(atPath: FileManager.default.temporaryDirectory.path) == nil)
        #expect(FileAccess.attributesAndContents(atPath: "/no/such/file") == nil)
        #expect(FileAccess.attributesAndContents(atPath: FileManager.default.temporaryDirectory.path) == nil)
    }
}
