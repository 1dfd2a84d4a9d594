import Foundation
import Testing

/// Each book's PDF (`build/pdf/<book>.pdf`) and the picture of its cover
/// (`build/site/<book>/cover.png`), printed by headless Chromium when a build prints PDFs, read
/// back with poppler: tagged, on the book's paper, every font embedded, a title page and a
/// copyright page without running heads, contents whose numbers are the pages the chapters
/// and their sections start on, running heads with the book's and the chapter's titles, page numbers;
/// built again, the same bytes.
@Suite(.serialized) struct BookPDFTests {
    /// The shipped books, their chapters' titles in order.
    static let books: [(slug: String, title: String, chapters: [String])] = [
        ("customer-service", "Social Customer Service ROI", [
            "Why “it can’t be measured” is wrong", "Setting objectives that finance will sign", "A strategy for social customer service",
            "Operational and social KPIs", "The contact-centre baseline", "Shifting and deflecting contacts", "Service that keeps customers",
            "Costs: people, technology, marketing", "Calculating ROI step by step", "Building the business case",
        ]),
        ("marketing-and-pr", "Social Marketing and PR ROI", [
            "Why marketing returns need attribution", "Channels that initiate, assist and complete", "Five attribution models compared",
            "What a customer is worth", "Return on Objectives where money cannot be traced", "Monitoring, engagement and measurement tools",
            "Silos and the missing standard", "Brightwell's three-year case",
        ]),
        ("customer-lifecycle", "Socially Enabling the Customer Lifecycle", [
            "The lifecycle, stage by stage", "From awareness to purchase", "Support, repeat and referral", "A ten-step roadmap",
            "Planning a social media monitoring programme", "Community governance", "The lifecycle business case",
        ]),
    ]

    private func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments).stdout
    }

    /// The text of one page, its lines trimmed, empty lines left out.
    private func lines(of pdf: URL, page: Int) throws -> [String] {
        try poppler("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
            .split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{0C}"))) }
            .filter { !$0.isEmpty }
    }

    /// A copy of the shipped project to edit freely.
    private func projectCopy() throws -> URL {
        let project = try Tools.temporaryFolder()
        for name in ["playbook.yaml", "content", "templates", "site"] {
            try FileManager.default.copyItem(at: Tools.repository.appendingPathComponent(name), to: project.appendingPathComponent(name))
        }
        return project
    }

    @Test func theShippedBooksPrintAsTaggedPDFsWhoseContentsAreTrue() throws {
        let first = try Tools.temporaryFolder(), second = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let built = try Tools.playbook(["build", "--out", first.path], in: Tools.repository, pdf: true)
        try #require(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "", "\(built.stderr)")
        #expect(built.stdout.contains("""
              pdf:   \(first.path)/pdf/customer-service.pdf
                     \(first.path)/pdf/marketing-and-pr.pdf
                     \(first.path)/pdf/customer-lifecycle.pdf

            """), "\(built.stdout)")
        for book in Self.books {
            let pdf = first.appendingPathComponent("pdf/\(book.slug).pdf")
            let info = try poppler("pdfinfo", [pdf.path])
            #expect(info.contains("\nTagged:          yes\n"), "\(info)")
            #expect(info.contains("\nPage size:       594.96 x 841.92 pts (A4)\n"), "\(info)")
            // The date of the edition (each book's `modified:`, else its `date:`).
            #expect(info.contains("\nCreationDate:    Mon Nov 23 00:00:00 2026 UTC\nModDate:         Mon Nov 23 00:00:00 2026 UTC\n"), "\(info)")
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect((30...80).contains(pages), "\(book.slug) printed on \(pages) pages")

            let fonts = try poppler("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            }
            let structure = try poppler("pdfinfo", ["-struct", pdf.path])
            for element in ["H1 (block)", "H2 (block)", "Table (block)", "TR", "TH", "TD", "Figure"] {
                #expect(structure.contains(element), "\(book.slug): no \(element) in the structure tree")
            }

            // The title page and the copyright page: no running head, no page number.
            let title = try lines(of: pdf, page: 1)
            #expect(title.joined(separator: " ").contains(book.title), "\(title)")
            #expect(!title.contains("1"), "the title page has a number: \(title)")
            let copyright = try lines(of: pdf, page: 2)
            #expect(copyright.first?.hasPrefix(book.title + ":") == true, "the copyright page has a running head: \(copyright)")
            #expect(copyright.contains("Copyright 2026 Dana Whitfield and Omar Haddad. All rights reserved."), "\(copyright)")
            #expect(copyright.contains("Published by Playbook Press."), "\(copyright)")
            #expect(copyright.last == "Published with Playbook.", "\(copyright)")

            // The contents (from page 3 on): every chapter, in order, with the page it starts on,
            // and under each its sections (## headings) with theirs.
            var contents: [String] = []
            for number in 3...8 {
                let page = try lines(of: pdf, page: number)
                if page.contains("CHAPTER 1") { break }
                contents += page.dropFirst().dropLast()  // the running head, the page number
            }
            #expect(contents.first == "Contents", "\(contents.prefix(2))")
            var starts: [Int] = []
            var chapterOfLine: [Int] = []
            for line in contents.dropFirst() {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                if let first = parts.first, first.hasSuffix("."), let number = Int(first.dropLast()), number == starts.count + 1 {
                    let chapter = book.chapters[number - 1]
                    #expect(parts.dropFirst().dropLast().joined(separator: " ") == chapter, "\(book.slug): contents line \(line)")
                    starts.append(parts.last.flatMap { Int($0) } ?? 0)
                }
                chapterOfLine.append(starts.count)
            }
            #expect(starts.count == book.chapters.count, "\(book.slug): \(starts)")
            #expect(starts.first.map { $0 > 3 } == true && starts == starts.sorted() && Set(starts).count == starts.count, "\(book.slug): \(starts)")
            var sections = 0
            for (line, chapter) in zip(contents.dropFirst(), chapterOfLine) where chapter > 0 && !line.hasPrefix("\(chapter).") {
                guard let page = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
                sections += 1
                let end = chapter < starts.count ? starts[chapter] : Int.max
                #expect((starts[chapter - 1]...end).contains(page), "\(book.slug): section '\(line)' outside chapter \(chapter)")
            }
            #expect(sections >= 3 * book.chapters.count, "\(book.slug): \(sections) sections in the contents")
            // Each chapter starts where the contents say: the running heads (the book's title,
            // the chapter's number and title), "CHAPTER n", its title; the page's number at its foot.
            for (index, (chapter, start)) in zip(book.chapters, starts).enumerated() {
                let page = try lines(of: pdf, page: start)
                let head = page.first?.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                #expect(head == "\(book.title) \(index + 1). \(chapter)", "\(book.slug) page \(start): \(page.prefix(3))")
                #expect(page.dropFirst().first == "CHAPTER \(index + 1)", "\(book.slug) page \(start): \(page.prefix(3))")
                // A long title takes two lines.
                #expect(page.dropFirst(2).prefix(2).joined(separator: " ").hasPrefix(chapter), "\(book.slug) page \(start): \(page.prefix(4))")
                #expect(page.last == "\(start)", "\(book.slug) page \(start) ends \(page.last ?? "")")
            }

            // The cover's picture: a PNG of 600 × 900.
            let png = try Data(contentsOf: first.appendingPathComponent("site/\(book.slug)/cover.png"))
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(Array(png[16..<24]) == [0, 0, 0x02, 0x58, 0, 0, 0x03, 0x84], "not 600 × 900")
        }
        // Every link of a build that prints PDFs leads somewhere: the site's links to
        // ../pdf/<book>.pdf and its og:image of site/<book>/cover.png name the files printed here.
        #expect(try LinkChecker.brokenLinks(under: first) == [])
        let again = try Tools.playbook(["build", "--out", second.path], in: Tools.repository, pdf: true)
        try #require(again.status == 0, "\(again.stderr)")
        for book in Self.books {
            for path in ["pdf/\(book.slug).pdf", "site/\(book.slug)/cover.png"] {
                #expect(try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)),
                        "\(path) differs between two builds")
            }
        }
    }

    /// `paper: letter` in a book.yaml prints that book on US Letter; a paper that does not exist
    /// is an error at its value. Without PDFs (--no-pdf), no pdf/ folder and no cover pictures.
    @Test func aBooksPaperIsItsPDFsPageSizeAndNoPDFPrintsNothing() throws {
        let project = try projectCopy(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project); try? FileManager.default.removeItem(at: out) }
        let settings = project.appendingPathComponent("content/marketing-and-pr/book.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "paper: letter\n").write(to: settings, atomically: true, encoding: .utf8)
        let built = try Tools.playbook(["build", "--out", out.path], in: project, pdf: true)
        try #require(built.status == 0, "\(built.stderr)")
        let letter = try poppler("pdfinfo", [out.appendingPathComponent("pdf/marketing-and-pr.pdf").path])
        #expect(letter.contains("\nPage size:       612 x 792 pts (letter)\n"), "\(letter)")
        let a4 = try poppler("pdfinfo", [out.appendingPathComponent("pdf/customer-service.pdf").path])
        #expect(a4.contains("\nPage size:       594.96 x 841.92 pts (A4)\n"), "\(a4)")

        let withoutPDF = try Tools.playbook(["build", "--out", out.path], in: project)
        #expect(withoutPDF.status == 0, "\(withoutPDF.stderr)")
        #expect(!withoutPDF.stdout.contains("pdf:"), "\(withoutPDF.stdout)")
        #expect(Tools.files(under: out).filter { $0.hasPrefix("pdf/") || $0.hasSuffix("cover.png") } == [])

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "paper: a5\n").write(to: settings, atomically: true, encoding: .utf8)
        let refused = try Tools.playbook(["build", "--out", out.path], in: project)
        #expect(refused.status != 0)
        let gutter = String(repeating: " ", count: String(lines).count)
        #expect(refused.stderr == """
            content/marketing-and-pr/book.yaml:\(lines):8: error: 'a5' is not a paper size [invalid-value]
              \(lines) | paper: a5
              \(gutter) |        ^~
              hint: use a4 or letter
            1 error
            build failed: nothing was written

            """, "\(refused.stderr)")
    }
}
