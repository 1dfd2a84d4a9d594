import Foundation
import Testing

/// The PDF of each client report, printed by headless Chromium and read back with poppler
/// (`pdfinfo`, `pdffonts`, `pdftotext`): tagged, on the template's paper, every font embedded,
/// the contents' page numbers true, the same bytes on a rebuild; a missing or failing Chromium
/// is one clear error and damages nothing. These are the only tests that start Chromium
/// (`Tools.playbook` adds `--no-pdf` elsewhere).
@Suite(.serialized) struct ReportPDFTests {
    static let clients = ["kestrel-mobile", "brightwell-outdoor"]

    /// Runs a poppler tool and returns what it printed.
    private func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments).stdout
    }

    /// A copy of the shipped project (settings, content, templates, site) to edit freely.
    private func projectCopy() throws -> URL {
        let project = try Tools.temporaryFolder()
        for name in ["playbook.yaml", "content", "templates", "site"] {
            try FileManager.default.copyItem(at: Tools.repository.appendingPathComponent(name), to: project.appendingPathComponent(name))
        }
        return project
    }

    /// The contents page's entries: each chapter's title and the page number printed beside it.
    private func contents(of pdf: URL) throws -> [(title: String, page: Int)] {
        let text = try poppler("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf.path, "-"])
        return text.split(separator: "\n").compactMap { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, parts[0].hasSuffix("."), Int(parts[0].dropLast()) != nil, let page = parts.last.flatMap({ Int($0) }) else {
                return nil
            }
            return (parts.dropFirst().dropLast().joined(separator: " "), page)
        }
    }

    /// `playbook build` of the shipped project prints both listed clients' reports: tagged PDFs
    /// (Kestrel Mobile on US Letter, its branding's `paper:`, Brightwell Outdoor on the template's A4) with headings and tables in their structure, every font embedded, a cover and a
    /// contents page whose numbers are the pages the chapters start on; built again, the same bytes.
    @Test func theShippedClientsPrintAsTaggedPDFsWhoseContentsAreTrue() throws {
        let first = try Tools.temporaryFolder(), second = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let built = try Tools.playbook(["build", "--out", first.path], in: Tools.repository, pdf: true)
        try #require(built.status == 0, "\(built.stderr)")
        for client in Self.clients {
            let pdf = first.appendingPathComponent("reports/\(client)/\(client).pdf")
            try #require(FileManager.default.fileExists(atPath: pdf.path), "no \(client).pdf")
            let info = try poppler("pdfinfo", [pdf.path])
            #expect(info.contains("\nTagged:          yes\n"), "\(info)")
            let size = client == "kestrel-mobile" ? "612 x 792 pts (letter)" : "594.96 x 841.92 pts (A4)"
            #expect(info.contains("\nPage size:       \(size)\n"), "\(info)")
            #expect(info.contains("\nCreationDate:    Mon Nov  2 00:00:00 2026 UTC\nModDate:         Mon Nov  2 00:00:00 2026 UTC\n"), "\(info)")
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect((15...45).contains(pages), "\(client) printed on \(pages) pages")

            // Every font embedded: the "emb" column of pdffonts says yes on every line.
            let fonts = try poppler("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            }

            // Headings and tables reach the structure tree.
            let structure = try poppler("pdfinfo", ["-struct", pdf.path])
            for element in ["H1 (block)", "H2 (block)", "Table (block)", "TR", "TH", "TD", "Caption", "Figure"] {
                #expect(structure.contains(element), "\(client): no \(element) in the structure tree")
            }

            // The cover has no running head and no page number; the contents page lists every
            // chapter, and each chapter's title is printed on the page the contents give.
            let cover = try poppler("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf.path, "-"])
            #expect(!cover.contains("Page 1 of"), "\(cover)")
            let entries = try contents(of: pdf)
            #expect(entries.count >= 6, "\(client): contents \(entries)")
            var previous = 2
            for entry in entries {
                #expect(entry.page > previous, "\(client): \(entry.title) on page \(entry.page)")
                previous = entry.page
                let page = try poppler("pdftotext", ["-layout", "-f", "\(entry.page)", "-l", "\(entry.page)", pdf.path, "-"])
                let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                // The running head, the chapter's number, its title.
                #expect(lines.count > 3 && lines[2] == entry.title, "\(client): page \(entry.page) does not start '\(entry.title)': \(lines.prefix(4))")
                #expect(page.contains("Page \(entry.page) of \(pages)"), "\(client): page \(entry.page) has no page number")
            }
        }
        let again = try Tools.playbook(["build", "--out", second.path], in: Tools.repository, pdf: true)
        try #require(again.status == 0, "\(again.stderr)")
        for client in Self.clients {
            let path = "reports/\(client)/\(client).pdf"
            #expect(try Data(contentsOf: first.appendingPathComponent(path)) == Data(contentsOf: second.appendingPathComponent(path)),
                    "\(client).pdf differs between two builds")
        }
    }

    /// `paper: letter` in report.yaml prints on US Letter; a paper that does not exist is an
    /// error at its value.
    @Test func theTemplatesPaperIsThePDFsPageSize() throws {
        let project = try projectCopy(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: project); try? FileManager.default.removeItem(at: out) }
        let settings = project.appendingPathComponent("content/reports/business-case/report.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "paper: letter\n").write(to: settings, atomically: true, encoding: .utf8)
        let made = try Tools.playbook(["report", "brightwell-outdoor", "--out", out.path], in: project, pdf: true)
        try #require(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("brightwell-outdoor.pdf"), "\(made.stdout)")
        let info = try poppler("pdfinfo", [out.appendingPathComponent("brightwell-outdoor/brightwell-outdoor.pdf").path])
        #expect(info.contains("\nPage size:       612 x 792 pts (letter)\n"), "\(info)")
        #expect(info.contains("\nTagged:          yes\n"), "\(info)")

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "paper: a5\n").write(to: settings, atomically: true, encoding: .utf8)
        let refused = try Tools.playbook(["report", "brightwell-outdoor", "--out", out.path], in: project, pdf: true)
        #expect(refused.status != 0)
        let gutter = String(repeating: " ", count: String(lines).count)
        #expect(refused.stderr == """
            content/reports/business-case/report.yaml:\(lines):8: error: 'a5' is not a paper size [invalid-value]
              \(lines) | paper: a5
              \(gutter) |        ^~
              hint: use a4 or letter
            1 error
            no report was made

            """, "\(refused.stderr)")
    }

    /// Without Chromium, a run says so once — how to install it, and that --no-pdf does without
    /// — and writes nothing; --no-pdf makes the reports without a PDF.
    @Test func aMissingChromiumIsOneErrorAndNoPDFDoesWithout() throws {
        let out = try Tools.temporaryFolder(), empty = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: empty) }
        let environment = ["PATH": empty.path, "PLAYBOOK_CHROMIUM": ""]
        let expected = """
            error: the reports' PDFs are printed with Chromium, and it was not found [pdf-engine-missing]
              hint: install it with 'sudo apt-get install chromium', or set PLAYBOOK_CHROMIUM=/path/to/chrome; --no-pdf makes the reports without their PDF

            """
        let report = try Tools.playbook(["report", "kestrel-mobile", "brightwell-outdoor", "--out", out.path], environment: environment,
                                        in: Tools.repository, pdf: true)
        #expect(report.status != 0)
        #expect(report.stderr == expected + "1 error\nno report was made\n", "\(report.stderr)")
        #expect(Tools.files(under: out).isEmpty)

        // A build prints the books too: one error for the run, before any work.
        let build = try Tools.playbook(["build", "--out", out.path], environment: environment, in: Tools.repository, pdf: true)
        #expect(build.status != 0)
        #expect(build.stderr == """
            error: the books' and reports' PDFs are printed with Chromium, and it was not found [pdf-engine-missing]
              hint: install it with 'sudo apt-get install chromium', or set PLAYBOOK_CHROMIUM=/path/to/chrome; --no-pdf makes the build without PDFs
            1 error
            build failed: nothing was written

            """, "\(build.stderr)")

        let withoutPDF = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path, "--no-pdf"], environment: environment,
                                            in: Tools.repository, pdf: true)
        #expect(withoutPDF.status == 0, "\(withoutPDF.stderr)")
        #expect(Tools.files(under: out.appendingPathComponent("kestrel-mobile")) == [".playbook-output", "index.html", "kestrel-mobile.epub",
                                                                                    "metrics.csv", "metrics.json", "metrics.xlsx"])
        #expect(withoutPDF.stdout.contains("index.html, kestrel-mobile.epub, metrics.json, metrics.csv, metrics.xlsx"), "\(withoutPDF.stdout)")
    }

    /// A Chromium that stops (here: a program that exits at once) fails each report with a
    /// clear error, leaves the earlier reports as they were, and leaves no temporary files.
    @Test func aChromiumThatStopsDamagesNothing() throws {
        let out = try Tools.temporaryFolder(), temporary = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: temporary) }
        let made = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path], in: Tools.repository)
        try #require(made.status == 0, "\(made.stderr)")
        let page = out.appendingPathComponent("kestrel-mobile/index.html")
        let before = try Data(contentsOf: page)
        let files = Tools.files(under: out)

        let failed = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path],
                                        environment: ["PLAYBOOK_CHROMIUM": "/bin/false", "TMPDIR": temporary.path],
                                        in: Tools.repository, pdf: true)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("""
            error: the PDF of the report 'kestrel-mobile' could not be made: Chromium (/bin/false) stopped while printing [pdf-failed]
              hint: --no-pdf makes the reports without their PDF
            """), "\(failed.stderr)")
        #expect(try Data(contentsOf: page) == before)
        #expect(Tools.files(under: out) == files)
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "temporary files left: \(left)")
    }
}
