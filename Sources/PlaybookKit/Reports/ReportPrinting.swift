import PlaybookCore
import PlaybookChromium

/// The PDF engine of one run of reports: one headless Chromium (``ChromiumPrinter``) for every
/// report of the run, started when the first report is printed and shut down by the run when
/// its reports are done.
struct ReportPrinting: Sendable {
    /// Prints the pages.
    let printer: ChromiumPrinter

    /// The engine of a run that wants PDFs, or the one error of the run that says why there
    /// is none. Nothing is started yet.
    static func locate() -> Result<ReportPrinting, Diagnostic> {
        switch ChromiumLocator.locate() {
        case .success(let path): return .success(ReportPrinting(printer: ChromiumPrinter(path: path)))
        case .failure(let problem): return .failure(missing(problem))
        }
    }

    /// The diagnostic of a run that wants PDFs and has no Chromium.
    static func missing(_ problem: ChromiumError) -> Diagnostic {
        let found: String
        if case .notExecutable(let path) = problem {
            found = "PLAYBOOK_CHROMIUM names \(path), which is not an executable program"
        } else {
            found = "it was not found"
        }
        return .error(.pdfEngineMissing, "the reports' PDFs are printed with Chromium, and \(found)", at: nil,
                      hint: "install it with 'sudo apt-get install chromium', or set PLAYBOOK_CHROMIUM=/path/to/chrome; "
                          + "--no-pdf makes the reports without their PDF")
    }

    /// Stops the engine and removes its temporary files.
    func shutDown() async {
        await printer.shutDown()
    }
}
