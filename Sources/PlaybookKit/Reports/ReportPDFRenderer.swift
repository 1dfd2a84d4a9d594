import PlaybookCore
import PlaybookChromium
import PlaybookRender

/// `<client>.pdf`: the report's page (``ReportPage``, the same as `index.html`) printed by the
/// run's Chromium on the report's paper, tagged, with the contents' page numbers filled in
/// (``ContentsPrinting``: printed twice, dates fixed, structure ids renumbered).
struct ReportPDFRenderer: ReportRenderer {
    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic> {
        guard let printing = report.context.printing else { return .success([]) }
        let page = ReportPage(series: report.context.series, book: report.book, scenario: report.scenario,
                              stylesheet: report.context.pageStylesheet)
        let printed = await ContentsPrinting.print(ids: report.book.chapters.map(\.slug), paper: report.paper,
                                                   date: report.book.settings.date, printer: printing.printer) { numbers in
            page.render(bodies: report.bodies, templates: report.context.templates, paper: report.paper, pageNumbers: numbers)
        }
        switch printed {
        case .success(let bytes): return .success([OutputFile(path: "\(report.client).pdf", content: .bytes(bytes))])
        case .failure(let problem): return .failure(failed(report, problem.reason))
        }
    }

    private func failed(_ report: RenderedReport, _ reason: String) -> Diagnostic {
        .error(.pdfFailed, "the PDF of the report '\(report.client)' could not be made: \(reason)", at: nil,
               hint: "--no-pdf makes the reports without their PDF")
    }
}
