import PlaybookCore

/// What else the run makes that the site links to for download, so that a link appears only
/// for a file that will exist: each book's EPUB always (`epub/<book>.epub`); each book's PDF
/// (`pdf/<book>.pdf`) and its drawn cover as a picture (`site/<book>/cover.png`, OpenGraph's
/// image) only when the run prints PDFs; and the client reports `playbook.yaml` lists
/// (`reports/<client>/`: the page, the EPUB, and the PDF when the run prints).
///
/// The default, ``none``, links nothing beyond the EPUBs: what `playbook check`, the preview
/// server and a `--no-pdf` build without listed reports make.
package struct SiteDownloads: Sendable, Equatable {
    /// Whether the run prints PDFs (each book's `pdf/<book>.pdf`, each listed report's
    /// `<client>.pdf`, and each book's `cover.png`).
    package var printsPDFs: Bool
    /// The listed reports the run makes, in the order `playbook.yaml` lists them.
    package var reports: [Report]

    /// A client report the run makes.
    package struct Report: Sendable, Equatable {
        /// The scenario's name: the report is in `reports/<slug>/`.
        package var slug: String
        /// The client's name, as the report shows it.
        package var client: String
        /// The report's title, if the scenario gives one.
        package var title: String?

        /// Creates a report entry.
        package init(slug: String, client: String, title: String?) {
            self.slug = slug
            self.client = client
            self.title = title
        }
    }

    /// Creates the list.
    package init(printsPDFs: Bool, reports: [Report]) {
        self.printsPDFs = printsPDFs
        self.reports = reports
    }

    /// No PDFs and no reports: only the books' EPUBs are linked.
    package static let none = SiteDownloads(printsPDFs: false, reports: [])

    /// The links to a book's files from a page `root` away from the site's root: its EPUB,
    /// and its PDF when the run prints.
    func book(_ slug: String, root: String) -> TemplateValue {
        let name = URLPath.encode(slug)
        var links: [TemplateValue] = [
            ["label": "EPUB", "format": "epub", "type": "application/epub+zip", "url": .text(root + "../epub/\(name).epub")],
        ]
        if printsPDFs {
            links.append(["label": "PDF", "format": "pdf", "type": "application/pdf", "url": .text(root + "../pdf/\(name).pdf")])
        }
        return .list(links)
    }

    /// `reports` for the home page (at the site's root), when the run makes any: `items`, each
    /// listed report with its page, its EPUB and, when the run prints, its PDF; and `pdf`.
    var reportValues: TemplateValue? {
        guard !reports.isEmpty else { return nil }
        return ["pdf": .flag(printsPDFs), "items": .list(reports.map { report in
            let folder = "../reports/\(URLPath.encode(report.slug))/"
            var links: [TemplateValue] = [
                ["label": "EPUB", "format": "epub", "type": "application/epub+zip",
                 "url": .text(folder + URLPath.encode(report.slug) + ".epub")],
            ]
            if printsPDFs {
                links.append(["label": "PDF", "format": "pdf", "type": "application/pdf",
                              "url": .text(folder + URLPath.encode(report.slug) + ".pdf")])
            }
            var fields: [String: TemplateValue] = [
                "slug": .text(report.slug),
                "client": .text(report.client),
                "url": .text(folder + "index.html"),
                "downloads": .list(links),
            ]
            fields["title"] = .optional(report.title)
            return .object(fields)
        })]
    }
}
