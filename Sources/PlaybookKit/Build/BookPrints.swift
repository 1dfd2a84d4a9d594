import Foundation
import PlaybookCore
import PlaybookChromium
import PlaybookRender

/// What the series prints once it is rendered, when the run prints PDFs (`playbook build`
/// without `--no-pdf`): each book's PDF, `pdf/<book>.pdf` (its ``BookPrintPage`` printed on
/// the book's paper with ``ContentsPrinting``), and a picture of its cover,
/// `site/<book>/cover.png` (``CoverPicture``, for OpenGraph). The books are printed at the
/// same time, through the run's one Chromium.
enum BookPrints {
    /// The files, or for each book that could not be printed, one error.
    static func make(_ series: RenderedSeries, printing: ReportPrinting) async -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let books = Array(series.publication.books.indices)
        let made = await books.concurrentMapAsync { index -> Result<[OutputFile], Diagnostic> in
            let page = BookPrintPage(series: series, book: index)
            let book = series.publication.books[index]
            let printed = await ContentsPrinting.print(ids: page.contentsIDs, paper: page.paper, date: series.sourceDate ?? book.settings.modified,
                                                       printer: printing.printer) { page.render(pageNumbers: $0) }
            let pdf: [UInt8]
            switch printed {
            case .success(let bytes): pdf = bytes
            case .failure(let problem): return .failure(failed(book.slug, problem.reason))
            }
            let cover: Data
            do throws(ChromiumError) {
                cover = try await printing.printer.screenshot(CoverPicture.page(series: series, book: index),
                                                              width: CoverPicture.width, height: CoverPicture.height)
            } catch {
                return .failure(failed(book.slug, error.description, what: "the picture of the cover"))
            }
            return .success([OutputFile(path: "pdf/\(book.slug).pdf", content: .bytes(pdf)),
                             OutputFile(path: CoverPicture.path(book), content: .bytes(Array(cover)))])
        }
        var files: [OutputFile] = [], diagnostics: [Diagnostic] = []
        for result in made {
            switch result {
            case .success(let made): files += made
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return (files, diagnostics)
    }

    private static func failed(_ book: String, _ reason: String, what: String = "the PDF") -> Diagnostic {
        .error(.pdfFailed, "\(what) of the book '\(book)' could not be made: \(reason)", at: nil,
               hint: "--no-pdf makes the build without PDFs")
    }
}
