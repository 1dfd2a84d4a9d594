import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate
import PlaybookRender
import PlaybookTransform

/// One client's report as a target: the template's chapters bound to the client's scenario,
/// then the same functions as a book's — ``TransformStage``, ``ReportAnchors`` (ids unique
/// across the single page), ``RenderStage/body(_:templates:siteHref:epubHref:)`` — and each
/// renderer of ``ReportRenderers/all`` (page, EPUB, figures files).
enum ReportTarget {
    /// The report of `scenario` (called `client`): files by path inside the client's folder.
    /// No files when there are errors.
    static func make(client name: String, scenario: Scenario, context: ReportContext) async -> TargetOutput {
        let target = PublicationTarget.report(client: name)
        var scenarios = context.scenarios
        scenarios[name] = scenario
        var scenarioContext = ScenarioContext(scenarios: scenarios, allNames: context.scenarioNames.union(scenarios.keys))
        // The default run, once: for the figures file, the simulation blocks and the tags.
        let simulation = scenario.spec.hasRanges ? scenarioContext.simulations.result(scenario, name: name) : nil

        // Bind, then transform, with ids unique across the single page.
        let (book, bindDiagnostics) = context.template.bind(client: name, scenario: scenario, context: scenarioContext, series: context.series,
                                                                 defaultDate: context.reportDate)
        // The appendix lists what the report uses, and nothing the scenario keeps for the books.
        scenarioContext.appendixNames[name] = ReportNames.used(by: book.chapters, scenario: scenario, named: name)
        let (publication, transformDiagnostics) = await TransformStage.run(Project(settings: context.series, books: [book]), context: scenarioContext)
        var diagnostics = bindDiagnostics + transformDiagnostics
        func failed() -> TargetOutput { TargetOutput(target: target, output: RenderedOutput(files: [], epubs: []), diagnostics: diagnostics) }
        guard var transformed = publication.books.first else { return failed() }
        let anchors = ReportAnchors(slug: name, chapters: transformed.chapters)
        transformed.chapters = transformed.chapters.map(anchors.rewrite)

        // Render every chapter for the page and the EPUB, then each output.
        let baseURL = context.series.baseURL
        var bodies: [RenderedBody] = []
        for chapter in transformed.chapters {
            let (body, bodyDiagnostics) = RenderStage.body(chapter, templates: context.templates, siteHref: { anchors.pageHref($0, baseURL: baseURL) },
                                                           epubHref: { EPUBPaths.href($0, from: name, baseURL: baseURL) },
                                                           notePrefix: chapter.slug + "-")
            bodies.append(body)
            diagnostics += bodyDiagnostics
        }
        guard !diagnostics.hasErrors else { return failed() }
        let report = RenderedReport(client: name, scenario: scenario, simulation: simulation,
                                    publication: Publication(settings: publication.settings, books: [transformed], imagesByBook: publication.imagesByBook),
                                    bodies: bodies, context: context,
                                    paper: scenario.spec.branding?.paper ?? context.template.paper)
        var files: [OutputFile] = []
        for renderer in ReportRenderers.all {
            switch await renderer.render(report) {
            case .success(let made): files += made
            case .failure(let problem):
                diagnostics.append(problem)
                return failed()
            }
        }
        return TargetOutput(target: target, output: RenderedOutput(files: files, epubs: []), diagnostics: diagnostics)
    }
}
