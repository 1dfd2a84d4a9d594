import PlaybookCore
import PlaybookChromium
import PlaybookRender

/// `<client>.pdf`: the report's page (``ReportPage``, the same as `index.html`) printed by the
/// run's Chromium on the report's paper, tagged, with the contents' page numbers filled in.
///
/// Chromium has no `target-counter()`, so the page is printed twice: the first PDF says on
/// which page each chapter starts (its named destinations), the page is printed again with
/// those numbers in the contents — in room kept for them, so nothing moves — and the second
/// PDF must put every chapter on the same page (else once more, at most ``passes`` times).
/// The PDF's dates are the report's date and its structure elements' ids are renumbered from 1,
/// so that a rebuild gives the same bytes.
struct ReportPDFRenderer: ReportRenderer {
    /// How many times a page is printed at most to get its contents' page numbers right.
    static let passes = 3

    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic> {
        guard let printing = report.context.printing else { return .success([]) }
        let page = ReportPage(series: report.context.series, book: report.book, scenario: report.scenario,
                              stylesheet: report.context.pageStylesheet)
        let chapters = report.book.chapters.map(\.slug)
        let inches = report.paper.inches
        let paper = ChromiumPrinter.Paper(width: inches.width, height: inches.height)
        var numbers: [String: Int] = [:]
        for pass in 1...Self.passes {
            let html = page.render(bodies: report.bodies, templates: report.context.templates, paper: report.paper, pageNumbers: numbers)
            var pdf: PrintedPDF
            let found: [String: Int]
            do {
                // The first printing only says where the chapters start: untagged, it is quicker.
                pdf = PrintedPDF(try await printing.printer.print(html, paper: paper, tagged: pass > 1))
                found = try pdf.destinationPages()
            } catch let problem as ChromiumError {
                return .failure(failed(report, problem.description))
            } catch {
                return .failure(failed(report, "the printed PDF could not be read: \(error)"))
            }
            var pages: [String: Int] = [:]
            for chapter in chapters {
                guard let number = found[chapter] else {
                    return .failure(failed(report, "the printed PDF does not say on which page the chapter '\(chapter)' starts"))
                }
                pages[chapter] = number
            }
            if pass > 1, pages == numbers {
                pdf.renumberElementIDs()
                let date = report.book.settings.date.components
                do {
                    try pdf.setDates(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second)
                } catch {
                    return .failure(failed(report, "the printed PDF's dates could not be set: \(error)"))
                }
                return .success([OutputFile(path: "\(report.client).pdf", content: .bytes(pdf.bytes))])
            }
            numbers = pages
        }
        return .failure(failed(report, "the contents' page numbers still moved after \(Self.passes) printings"))
    }

    private func failed(_ report: RenderedReport, _ reason: String) -> Diagnostic {
        .error(.pdfFailed, "the PDF of the report '\(report.client)' could not be made: \(reason)", at: nil,
               hint: "--no-pdf makes the reports without their PDF")
    }
}
