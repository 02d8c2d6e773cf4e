import Foundation
import Testing
@testable import FactCheckKit

/// `PathExpander` walks folders with `FolderWalk` rather than `FileManager`'s enumerator: the documents it finds
/// must be those the enumerator found, in the same order.
@Suite struct FolderWalkTests {
    /// A folder of documents at several depths, hidden ones, other extensions, a symbolic link to a folder and a
    /// folder whose name looks like a document.
    private func archive() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folderwalk-\(UUID())").path
        let files = ["a.md", "B.TXT", "c.html", "d.htm", "e.markdown", "f.text", "notes.pdf", "noextension", ".md",
                     ".hidden.txt", "trailing.", "two.dots.md", "sub/x.txt", "sub/deeper/y.md", "sub/deeper/z.json",
                     ".git/config.txt", "é/ü.md", "with space/doc one.txt"]
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data("Text.".utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/sub")
        return root
    }

    /// The documents of `folder` as the enumerator found them before.
    private func enumeratorDocuments(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { PathExpander.documentExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .map { (folder as NSString).appendingPathComponent($0) }
            .sorted()
    }

    @Test func findsTheDocumentsTheEnumeratorFound() throws {
        let root = try archive()
        let found = try PathExpander.documents(in: [root])
        #expect(found == enumeratorDocuments(root))
        #expect(found.count == 13)
        #expect(found.contains(root + "/sub/deeper/y.md") && found.contains(root + "/.git/config.txt"))
        #expect(!found.contains { $0.hasPrefix(root + "/linked/") }, "a symbolic link to a folder is not followed")
        for spelling in [root + "/", root + "//", root + "/sub/.."] {
            let (mine, theirs) = (try PathExpander.documents(in: [spelling]), enumeratorDocuments(spelling))
            #expect(mine == theirs, "\(spelling): \(mine.first ?? "-") vs \(theirs.first ?? "-")")
        }
    }

    @Test func aFolderNamedLikeADocumentIsNoDocument() throws {
        let root = try archive()
        try FileManager.default.createDirectory(atPath: root + "/folder.md", withIntermediateDirectories: true)
        try Data("Text.".utf8).write(to: URL(fileURLWithPath: root + "/folder.md/inside.txt"))
        let found = try PathExpander.documents(in: [root])
        #expect(!found.contains(root + "/folder.md") && found.contains(root + "/folder.md/inside.txt"))
    }

    @Test func extensionsAreReadAsNSStringReadsThem() {
        for path in ["a.md", "a.tar.md", ".md", ".hidden.txt", "trailing.", "noextension", "dir.d/file", "dir/.x",
                     "/abs/a.TXT", "a..md", "é.md", "", ".", ".."] {
            #expect(String(FolderWalk.pathExtension(of: path)) == (path as NSString).pathExtension, "\(path)")
        }
    }
}
