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

    /// A cover's text is measured (DejaVu's widths, the widest of the usual fonts), never
    /// counted in characters: every line of a title stays inside the 48-unit margins at the
    /// size chosen, a word too long for a line makes the whole title smaller, and text outside
    /// ASCII counts wide.
    @Test func coverTextIsMeasuredToKeepItsMargins() {
        let shipped = CoverContext.lines("Socially Enabling the Customer Lifecycle", size: 56, minimum: 34, face: .serifBold, maxLines: 4)
        #expect(shipped.lines == ["Socially", "Enabling the", "Customer", "Lifecycle"] && shipped.size == 56)
        let long = CoverContext.lines("Supercalifragilisticexpialidocious Economics", size: 56, minimum: 34, face: .serifBold, maxLines: 4)
        #expect(long.lines == ["Supercalifragilisticexpialidocious", "Economics"] && long.size == 34)
        #expect(CoverContext.wrap("Social Customer Service in Practice", width: 504, size: 56, face: .serifBold)
                == ["Social", "Customer", "Service in", "Practice"])
        for title in ["Social Customer Service ROI", "Social Marketing and PR ROI", "Ölçüm ve Müşteri Deneyimi Ağları", "社交媒体投资回报率的商业案例"] {
            let fitted = CoverContext.lines(title, size: 56, minimum: 34, face: .serifBold, maxLines: 4)
            for line in fitted.lines {
                #expect(CoverTextWidth.width(line, size: fitted.size, face: .serifBold) <= CoverContext.measure, "\(line) at \(fitted.size)")
            }
        }
        #expect(CoverContext.fittingSize("THE SOCIAL BUSINESS PLAYBOOK", size: 22, minimum: 10, face: .sans, spacing: 3 / 22) == 22)
        let series = "THE SOCIAL BUSINESS PLAYBOOK FOR CUSTOMER SERVICE TEAMS"
        let size = CoverContext.fittingSize(series, size: 22, minimum: 10, face: .sans, spacing: 3 / 22)
        #expect(size < 22 && CoverTextWidth.width(series, size: size, face: .sans, spacing: size * 3 / 22) <= CoverContext.measure)
        #expect([3, 2.727, 1.5, 0.05].map(CoverContext.decimal) == ["3", "2.73", "1.5", "0.05"])
    }

    /// Each position in the series has its own motif, drawn the same on every build; a client
    /// report gets a frame.
    @Test func coversHaveAMotifPerBook() {
        let drawings = (0..<7).map { CoverMotif(kind: $0, seed: CoverMotif.seed("A title"), colour: "#f2b134").svg }
        #expect(Set(drawings.prefix(6)).count == 6)
        let shapes = drawings.map { svg in ["<circle", "<line", "<polygon", "<rect"].filter { svg.contains($0) } }
        #expect(shapes == [["<circle"], ["<line"], ["<circle"], ["<polygon"], ["<polygon"], ["<polygon"], ["<circle"]])
        #expect(drawings[6] == drawings[0], "book 7 starts the patterns again")
        #expect(CoverMotif(kind: 0, seed: CoverMotif.seed("Another"), colour: "#fff").svg != CoverMotif(kind: 0, seed: CoverMotif.seed("A title"), colour: "#fff").svg)
        #expect(CoverMotif(kind: -1, seed: 1, colour: "#fff").svg.contains("<rect"))
        #expect(CoverMotif.seed("A title") == CoverMotif.seed("A title"))
    }

    /// A chapter's site markup made part of its book's print page: ids (and what refers to them)
    /// get the chapter's prefix, links to other chapters lead inside the page, links to other
    /// books to the published site, images become data: URIs; text between tags is left alone.
    @Test func printMarkupPrefixesIdsAndKeepsLinksInsideThePage() {
        let markup = PrintMarkup(chapter: 3, chapterNumbers: ["01-intro": 1, "03-costs": 3], images: ["images/a.png": "data:image/png;base64,AA=="],
                                 baseURL: "https://example.com/")
        let html = """
            <h2 id="costs">Costs <a href="#costs">#</a></h2>
            <p>See <a href="01-intro.html#why">why</a>, <a href="01-intro.html">the start</a>,             <a href="../other/02-x.html#y">elsewhere</a> and <a href="https://a.example/">out</a>.</p>
            <svg aria-labelledby="c-title c-desc"><title id="c-title">T</title></svg>
            <p><img src="images/a.png" alt="A"> <code>id="literal"</code> <sup><a id="fnref-1" href="#fn-1">1</a></sup></p>
            """
        #expect(markup.rewrite(html) == """
            <h2 id="pb-c3-costs">Costs <a href="#pb-c3-costs">#</a></h2>
            <p>See <a href="#pb-c1-why">why</a>, <a href="#pb-chapter-1">the start</a>,             <a href="https://example.com/other/02-x.html#y">elsewhere</a> and <a href="https://a.example/">out</a>.</p>
            <svg aria-labelledby="pb-c3-c-title pb-c3-c-desc"><title id="pb-c3-c-title">T</title></svg>
            <p><img src="data:image/png;base64,AA==" alt="A"> <code>id="literal"</code> <sup><a id="pb-c3-fnref-1" href="#pb-c3-fn-1">1</a></sup></p>
            """)
    }
}
