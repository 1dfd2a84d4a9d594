import Foundation
import PlaybookCore
@testable import PlaybookKit
import PlaybookTemplates
import PlaybookZip
import Testing
@testable import PlaybookRender

@Suite struct TemplateTests {
    @Test func valuesAreEscapedByteWiseAndMarkupIsNot() {
        let file = SourceFile(path: "templates/probe.mustache", text: "<p title=\"{{name}}\">{{name}}</p>{{{body}}}{{#missing}}x{{/missing}}")
        let (library, diagnostics) = TemplateLibrary.load(projectFiles: [file])
        #expect(diagnostics.isEmpty)
        let hostile = "<script>alert(1)</script> *Acme_* \"\u{301} {{y}} &nbsp;"
        let html = library.render("probe", ["name": .text(hostile), "body": .markup("<b>ok</b>")])
        #expect(html == "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt; *Acme_* &quot;\u{301} {{y}} &amp;nbsp;\">&lt;script&gt;alert(1)&lt;/script&gt; *Acme_* &quot;\u{301} {{y}} &amp;nbsp;</p><b>ok</b>")
    }

    @Test func projectTemplatesReplaceBuiltInOnesAndBuiltInsFillTheRest() {
        let file = SourceFile(path: "templates/home.mustache", text: "home of {{series.title}}")
        let (library, _) = TemplateLibrary.load(projectFiles: [file])
        #expect(library.render("home", ["series": ["title": "S"]]) == "home of S")
        #expect(library.names.isSuperset(of: ["layout", "book", "chapter", "epub/chapter", "epub/cover", "epub/cover-image"]))
    }

    @Test func theBuiltInCopiesMatchTheShippedProject() throws {
        // scripts/embed-starter.py keeps them equal; run it after editing templates/ or site/css/.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (path, text) in StarterFiles.files {
            let onDisk = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(onDisk == text, "\(path) differs from the built-in copy: run python3 scripts/embed-starter.py")
        }
        // `playbook new`'s project files: starter/.
        for (path, text) in StarterFiles.project {
            let onDisk = try String(contentsOf: root.appendingPathComponent("starter/" + path), encoding: .utf8)
            #expect(onDisk == text, "starter/\(path) differs from the built-in copy: run python3 scripts/embed-starter.py")
        }
        #expect(StarterFiles.project.keys.sorted() == [".gitignore", "content/handbook/01-the-business-case.md", "content/handbook/book.yaml",
                                                       "content/scenarios/harbour-energy.yaml", "playbook.yaml"])
    }
}

@Suite struct EPUBArchiveTests {
    @Test func mimetypeComesFirstAndStoredAndEverythingIsStamped() throws {
        let entries = [
            ZipEntry(path: "mimetype", bytes: Data("application/epub+zip".utf8), compressed: false),
            ZipEntry(path: "META-INF/container.xml", bytes: Data(String(repeating: "<x/>", count: 100).utf8), compressed: true),
        ]
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        let archive = try ZipArchiveWriter.archive(entries, modified: date)
        #expect(try ZipArchiveWriter.archive(entries, modified: date) == archive)
        // The mimetype entry's bytes sit uncompressed right after the first local header (offset 38).
        #expect(String(decoding: archive[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: archive[38..<58], as: UTF8.self) == "application/epub+zip")
        let read = try ZipArchiveWriter.entries(of: archive)
        #expect(read.map(\.path) == ["mimetype", "META-INF/container.xml"])
        #expect(read.map(\.compressed) == [false, true])
        #expect(read[1].bytes == entries[1].bytes)
        // DOS date of 2026-01-01 00:00:00: ((2026-1980) << 9) | (1 << 5) | 1 = 0x5C21, time 0.
        #expect(archive[10] == 0 && archive[11] == 0 && archive[12] == 0x21 && archive[13] == 0x5C)
    }

    @Test func coverAltTextAndTitleWrapping() {
        #expect(CoverContext.wrap("Social Customer Service in Practice", width: 17) == ["Social Customer", "Service in", "Practice"])
        #expect(CoverContext.wrap("Supercalifragilisticexpialidocious x", width: 10) == ["Supercalifragilisticexpialidocious", "x"])
    }
}
