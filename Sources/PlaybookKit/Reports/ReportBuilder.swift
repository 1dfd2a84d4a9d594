import PlaybookCore
import PlaybookScenario
import PlaybookTemplates
import PlaybookEvaluate
import PlaybookLoad
import PlaybookRender
import PlaybookTransform

/// What every report of one run shares: the project's settings, templates and stylesheets,
/// the report template, and the project's scenarios (which a report's tags may name).
struct ReportContext: Sendable {
    var series: SeriesSettings
    var templates: TemplateLibrary
    /// The EPUB stylesheet (`templates/epub/book.css`).
    var epubStylesheet: String
    /// The single page's stylesheet: `site/css/playbook.css` then `templates/report/report.css`.
    var pageStylesheet: String
    var template: ReportTemplate
    var scenarios: [String: Scenario]
    var scenarioNames: Set<String>
    /// `SOURCE_DATE_EPOCH`.
    var sourceDate: Timestamp?
}

/// Makes one client's report: the template's chapters bound to the client's scenario, then
/// transformed and rendered like a book's, as one printable page and an EPUB, with the figures
/// as JSON and CSV.
struct ReportBuilder: Sendable {
    let context: ReportContext

    /// The files of the report of `scenario` (called `name`), by path inside the client's
    /// folder: `index.html`, `<name>.epub`, `metrics.json`, `metrics.csv`. No files when
    /// there are errors.
    func build(name: String, scenario: Scenario) async -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var scenarios = context.scenarios
        scenarios[name] = scenario
        let scenarioContext = ScenarioContext(scenarios: scenarios, allNames: context.scenarioNames.union(scenarios.keys))
        // The default run, once: for the figures file, the simulation blocks and the tags.
        let simulation = scenario.spec.hasRanges ? scenarioContext.simulations.result(scenario, name: name) : nil

        // Bind: the chapters this scenario's report has, each reading this scenario.
        let chapters = context.template.chapters(for: scenario).map { chapter -> Chapter in
            var bound = chapter
            bound.frontMatter.scenario = (name, chapter.source.start)
            return bound
        }
        var settings = context.template.settings
        var values = InlineValues(context: scenarioContext, chapterScenario: name, file: context.template.settingsFile)
        settings.title = values.replace(in: settings.title)
        settings.subtitle = settings.subtitle.map { values.replace(in: $0) }
        settings.description = settings.description.map { values.replace(in: $0) }
        if let date = scenario.spec.date {
            settings.date = date
            settings.modified = date
        }
        let base = context.series.baseURL ?? "playbook:\(context.series.title)/"
        settings.identifier = "urn:uuid:" + NameBasedUUID.uuid(forURL: base + "reports/\(name)/")
        let book = Book(slug: name, position: 0, settings: settings, chapters: chapters)
        let project = Project(settings: context.series, books: [book])

        // Transform, with ids unique across the single page.
        let (publication, transformDiagnostics) = await TransformStage.run(project, context: scenarioContext)
        var diagnostics = values.diagnostics + transformDiagnostics
        guard var transformed = publication.books.first else { return ([], diagnostics) }
        let anchors = ReportAnchors(slug: name, chapters: transformed.chapters)
        transformed.chapters = transformed.chapters.map(anchors.rewrite)

        // Render every chapter for the page and the EPUB.
        let templates = context.templates
        let baseURL = context.series.baseURL
        var bodies: [RenderedBody] = []
        for chapter in transformed.chapters {
            let (body, bodyDiagnostics) = RenderStage.body(chapter, templates: templates, siteHref: { anchors.pageHref($0, baseURL: baseURL) },
                                                           epubHref: { EPUBPaths.href($0, from: name, baseURL: baseURL) })
            bodies.append(body)
            diagnostics += bodyDiagnostics
        }
        guard !diagnostics.hasErrors else { return ([], diagnostics) }

        let rendered = Publication(settings: publication.settings, books: [transformed], imagesByBook: publication.imagesByBook)
        let epub = EPUBRenderer(publication: rendered, templates: templates, stylesheet: context.epubStylesheet, sourceDate: context.sourceDate)
        let archive: EPUBPackage
        do {
            archive = try EPUBRenderer.package(await epub.entries(transformed, bodies: bodies))
        } catch {
            return ([], diagnostics + [.error(.epubFailed, "the EPUB of the report '\(name)' could not be packaged: \(error)", at: nil)])
        }
        let page = ReportPage(series: context.series, book: transformed, scenario: scenario, stylesheet: context.pageStylesheet)
            .render(bodies: bodies, templates: templates)
        let figures = ScenarioFigures(scenario: scenario, simulation: simulation)
        return ([
            OutputFile(path: "index.html", content: .text(page)),
            OutputFile(path: "\(name).epub", content: .bytes(archive.archive)),
            OutputFile(path: "metrics.json", content: .text(figures.json)),
            OutputFile(path: "metrics.csv", content: .text(figures.csv)),
        ], diagnostics)
    }
}
