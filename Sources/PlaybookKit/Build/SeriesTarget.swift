import PlaybookCore
import PlaybookLoad
import PlaybookRender
import PlaybookSession
import PlaybookTransform

/// The series as a target: the project's books through ``TransformStage``, then
/// ``RenderStage`` — every chapter's body, and each renderer of `SeriesRenderers.all` (every
/// book's EPUB and XHTML, the site), with the output-clash check.
enum SeriesTarget {
    /// What the series made, and the transformed series the build's report shows.
    struct Made: Sendable {
        /// The site's, EPUBs' and XHTML's files, and every diagnostic of transform and render.
        var target: TargetOutput
        /// The transformed series (its chapters' documents empty when the build freed them
        /// after rendering their bodies).
        var publication: Publication
        /// The rendered series (every chapter's body), which the books' PDFs are printed from:
        /// kept only when the run prints them.
        var rendered: RenderedSeries?
        /// When made `deferring`: the outputs the site's pages do not need (every book's EPUB,
        /// the search index), to be made after the pages are written.
        var later: (@Sendable () async -> (output: RenderedOutput, diagnostics: [Diagnostic]))?
    }

    /// Its steps, in order, as progress reports name them.
    static let steps = ["transform", "render"]

    /// Makes the series from what the load stage read: `books` are the project's books as
    /// loaded (the caller hands them over, and `loaded` holds none, so that the parsed chapters
    /// are freed once transformed). `step` is called with the name of each of its ``steps`` as
    /// it starts. `pdf` says whether the run prints PDFs (the site then links each book's PDF
    /// and each listed report's). `deferring` leaves the outputs the pages do not need to
    /// ``Made/later`` (the preview server). `sink` takes the big files as they are made (see
    /// ``RenderStage``).
    static func make(_ loaded: LoadedProject, books: consuming [Book], sourceDate: Timestamp?, pdf: Bool = false,
                     deferring: Bool = false, memo: Memo, sink: (any OutputSink)? = nil, step: (String) -> Void) async -> Made {
        step(steps[0])
        // The project is made here and handed over whole: its parsed chapters live only while
        // they are transformed.
        let (publication, transformDiagnostics) = await TransformStage.run(Project(settings: loaded.project.settings, books: consume books),
                                                                          scenarios: loaded.scenarios, scenarioNames: loaded.scenarioNames,
                                                                          memo: memo)
        step(steps[1])
        if deferring {
            // The preview server's session: documents kept, nothing streamed.
            let rendered = await RenderStage.runDeferring(publication, loaded: loaded, sourceDate: sourceDate,
                                                          downloads: downloads(loaded, pdf: pdf), memo: memo)
            return Made(target: TargetOutput(target: .series, output: rendered.output, diagnostics: transformDiagnostics + rendered.diagnostics),
                        publication: rendered.series.publication, rendered: nil, later: rendered.later)
        }
        // A build with a sink has no session: unless it prints PDFs, each chapter's document is
        // freed once its body is made.
        let rendered = await RenderStage.runKeepingSeries(consume publication, loaded: loaded, sourceDate: sourceDate,
                                                          downloads: downloads(loaded, pdf: pdf), memo: memo, sink: sink,
                                                          keepsDocuments: pdf || sink == nil)
        return Made(target: TargetOutput(target: .series, output: rendered.output, diagnostics: transformDiagnostics + rendered.diagnostics),
                    publication: rendered.series.publication, rendered: pdf ? rendered.series : nil)
    }

    /// What the site links to for download: PDFs when the run prints, and the reports
    /// `playbook.yaml` lists whose scenario loaded (a listed report without one is an error,
    /// and such a build is not written).
    static func downloads(_ loaded: LoadedProject, pdf: Bool) -> SiteDownloads {
        let reports = loaded.project.settings.reports.compactMap { reference -> SiteDownloads.Report? in
            guard let scenario = loaded.scenarios[reference.slug] else { return nil }
            return SiteDownloads.Report(slug: reference.slug, client: scenario.spec.client, title: scenario.spec.title)
        }
        return SiteDownloads(printsPDFs: pdf, reports: reports)
    }
}
