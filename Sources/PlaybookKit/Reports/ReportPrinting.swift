import PlaybookCore
import PlaybookChromium

/// The PDF engine of one run: one headless Chromium (``ChromiumPrinter``) for every report and
/// book of the run, started when the first page is printed and shut down by the run when its
/// PDFs are done.
struct ReportPrinting: Sendable {
    /// Prints the pages.
    let printer: ChromiumPrinter

    /// The engine of a run that wants PDFs (of its `books` too, for `playbook build`), or the
    /// one error of the run that says why there is none. Nothing is started yet.
    static func locate(books: Bool = false) -> Result<ReportPrinting, Diagnostic> {
        switch ChromiumLocator.locate() {
        case .success(let path): return .success(ReportPrinting(printer: ChromiumPrinter(path: path)))
        case .failure(let problem): return .failure(missing(problem, books: books))
        }
    }

    /// The diagnostic of a run that wants PDFs and has no Chromium: `playbook report`'s
    /// (`books` false) or `playbook build`'s, which prints the books too.
    static func missing(_ problem: ChromiumError, books: Bool = false) -> Diagnostic {
        let found: String
        if case .notExecutable(let path) = problem {
            found = "PLAYBOOK_CHROMIUM names \(path), which is not an executable program"
        } else {
            found = "it was not found"
        }
        let what = books ? "the books' and reports' PDFs" : "the reports' PDFs"
        let without = books ? "--no-pdf makes the build without PDFs" : "--no-pdf makes the reports without their PDF"
        return .error(.pdfEngineMissing, "\(what) are printed with Chromium, and \(found)", at: nil,
                      hint: "install it with 'sudo apt-get install chromium', or set PLAYBOOK_CHROMIUM=/path/to/chrome; " + without)
    }

    /// Stops the engine and removes its temporary files.
    func shutDown() async {
        await printer.shutDown()
    }
}
