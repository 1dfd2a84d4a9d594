import PlaybookCore
import PlaybookScenario
import PlaybookRender

/// A client report once its chapters are transformed and their bodies rendered: what each
/// of its renderers starts from.
struct RenderedReport: Sendable {
    /// The client: the scenario's name, and the report's folder.
    var client: String
    var scenario: Scenario
    /// The scenario's default Monte Carlo run (`nil` without ranges), shared with the blocks and tags.
    var simulation: SimulationResult?
    /// The report as a publication of one book, its chapters transformed.
    var publication: Publication
    /// The rendered body of each chapter, in order.
    var bodies: [RenderedBody]
    /// What every report of the run shares.
    var context: ReportContext
    /// The paper the report is printed on: the client's `report: paper:`, else its template's `paper:`.
    var paper: Paper

    /// The report's book.
    var book: ResolvedBook { publication.books[0] }
}

/// Makes one kind of output of a client report. Adding an output to every report is one
/// renderer and its line in ``ReportRenderers/all``.
protocol ReportRenderer: Sendable {
    /// The files, by path inside the client's folder, or why they could not be made (which
    /// stops that client's report).
    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic>
}

/// The outputs of a client report.
enum ReportRenderers {
    /// One renderer per output kind, in the order of the report's files.
    static let all: [any ReportRenderer] = [ReportPageRenderer(), ReportEPUBRenderer(), ReportFiguresRenderer(),
                                                     ReportPDFRenderer()]
}

/// `index.html`: the report as one printable, self-contained page (``ReportPage``).
struct ReportPageRenderer: ReportRenderer {
    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic> {
        let page = ReportPage(series: report.context.series, book: report.book, scenario: report.scenario,
                              stylesheet: report.context.pageStylesheet)
            .render(bodies: report.bodies, templates: report.context.templates, paper: report.paper)
        return .success([OutputFile(path: "index.html", content: .text(page))])
    }
}

/// `<client>.epub`: the report as an EPUB, made by the books' ``EPUBRenderer``.
struct ReportEPUBRenderer: ReportRenderer {
    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic> {
        let context = report.context
        var epub = EPUBRenderer(publication: report.publication, templates: context.templates, stylesheet: context.epubStylesheet,
                                sourceDate: context.sourceDate)
        epub.titlePage = ReportFrontMatter(series: context.series, book: report.book, scenario: report.scenario)
        do {
            let archive = try EPUBRenderer.package(await epub.entries(report.book, bodies: report.bodies))
            return .success([OutputFile(path: "\(report.client).epub", content: .bytes(archive.archive))])
        } catch {
            return .failure(.error(.epubFailed, "the EPUB of the report '\(report.client)' could not be packaged: \(error)", at: nil))
        }
    }
}

/// `metrics.json` and `metrics.csv`: the scenario's figures, as `playbook calc` prints them;
/// `metrics.xlsx`: the business case as a live workbook (``ScenarioWorkbook``), as
/// `playbook calc --format xlsx` writes it, dated like the report.
struct ReportFiguresRenderer: ReportRenderer {
    func render(_ report: RenderedReport) async -> Result<[OutputFile], Diagnostic> {
        let figures = ScenarioFigures(scenario: report.scenario, simulation: report.simulation)
        let workbook: [UInt8]
        do {
            workbook = try ScenarioWorkbook.bytes(report.scenario, simulation: report.simulation, sourceDate: report.context.sourceDate)
        } catch {
            return .failure(.error(.writeFailed, "the workbook of the report '\(report.client)' could not be written: \(error)", at: nil))
        }
        return .success([
            OutputFile(path: "metrics.json", content: .text(figures.json)),
            OutputFile(path: "metrics.csv", content: .text(figures.csv)),
            OutputFile(path: "metrics.xlsx", content: .bytes(workbook)),
        ])
    }
}
