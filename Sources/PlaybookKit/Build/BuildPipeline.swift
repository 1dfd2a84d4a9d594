import Foundation
import PlaybookCore
import PlaybookLoad
import PlaybookRender
import PlaybookSession
import PlaybookTransform
import PlaybookWrite

/// What a build should do.
public struct BuildOptions: Sendable {
    /// The project folder.
    public var projectRoot: URL
    /// The output folder (`build/` in the project by default).
    public var output: URL
    /// Whether chapters marked `draft: true` are included.
    public var includeDrafts: Bool
    /// `SOURCE_DATE_EPOCH`: when set, every EPUB's `dcterms:modified` and zip time stamps.
    public var sourceDate: Timestamp?
    /// `false` for `playbook check`: every stage runs, nothing is written.
    public var writes: Bool
    /// Whether a scenario with errors that nothing uses fails the run (`playbook check`, the
    /// default when nothing is written) or has its errors reported as warnings (`playbook
    /// build` and the preview).
    public var strictScenarios: Bool
    /// For a series of builds into the same folder (the preview server): work is reused from
    /// the previous build where its inputs are unchanged, and the output folder is updated
    /// file by file instead of replaced. `nil` (`playbook build`) computes everything.
    public var session: BuildSession?
    /// Whether each book is also printed to `pdf/<book>.pdf` (with a picture of its cover,
    /// `site/<book>/cover.png`) and each listed report to `<client>.pdf`, with Chromium. Off by
    /// default; `playbook build` turns it on unless given `--no-pdf`.
    public var pdf: Bool
    /// In a session: called once the site's pages are written, before the outputs they do not
    /// need (every book's EPUB and its XHTML, the search index) are made and written, with how
    /// many files were written or removed. Not called when the build fails before writing.
    public var pagesWritten: (@Sendable (Int) async -> Void)?
    /// In a session: asked once the pages are written, and again before the EPUBs and the search
    /// index are written. `true` (a newer change is waiting) ends the build there and leaves
    /// them to the next build, which reuses the work done on them.
    public var changeWaiting: (@Sendable () -> Bool)?

    /// Creates options.
    public init(projectRoot: URL, output: URL? = nil, includeDrafts: Bool = false, sourceDate: Timestamp? = nil,
                writes: Bool = true, strictScenarios: Bool? = nil, session: BuildSession? = nil, pdf: Bool = false) {
        self.projectRoot = projectRoot
        self.output = output ?? projectRoot.appendingPathComponent("build")
        self.includeDrafts = includeDrafts
        self.sourceDate = sourceDate
        self.writes = writes
        self.strictScenarios = strictScenarios ?? !writes
        self.session = session
        self.pdf = pdf
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Every diagnostic of the run.
    public var diagnostics: [Diagnostic]
    /// The books built (slug, title, EPUB path relative to the output folder).
    public var books: [(slug: String, title: String, epub: String)]
    /// Each book's PDF, relative to the output folder (`pdf/<book>.pdf`), when the run printed them.
    public var bookPDFs: [String] = []
    /// How many site pages were written.
    public var pageCount: Int
    /// The client reports made (scenario names; each in `reports/<name>/`).
    public var reports: [String] = []
    /// Whether the output was written.
    public var wrote: Bool
    /// How many files the write stage created, changed or removed (with a session, unchanged
    /// files are left alone; without one, every file counts).
    public var changedFiles = 0
    /// Wall and processor time of each step, in order.
    public var timings: [PhaseTiming]
    /// What the stages made. A command that exits right after the build keeps this alive, so
    /// that the operating system reclaims it at once instead of the process freeing millions of
    /// small objects one by one.
    public var artifacts: BuildArtifacts?

    /// Whether the build succeeded (no errors).
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The values the stages of a build made and still held at its end (the pages it wrote as it
/// went are not held).
public struct BuildArtifacts: Sendable {
    /// What the load stage read, without the series' chapters (freed once transformed).
    public var loaded: LoadedProject
    /// The transformed project.
    public var publication: Publication
    /// Every file the build made.
    public var output: RenderedOutput
}

/// The build: load, then each ``PublicationTarget`` through transform and render at the same
/// time (the series, and each client report), then write; each step a function from values to
/// values. `playbook build`, `playbook check` and the preview server go through
/// ``run(_:progress:)`` (the series and the reports `playbook.yaml` lists, into one output
/// folder); `playbook report` through the `run` that takes ``ReportOptions`` (the named
/// clients' reports only, each client's folder written alone).
public enum BuildPipeline {
    /// The steps, in order, as progress reports name them.
    public static let steps = ["load"] + SeriesTarget.steps + ["reports", "write"]

    /// Runs the build. `progress` is called with the step's 1-based number and name before it starts.
    public static func run(_ options: BuildOptions, progress: @Sendable (Int, String) -> Void = { _, _ in }) async -> BuildReport {
        var report = BuildReport(diagnostics: [], books: [], pageCount: 0, wrote: false, timings: [])
        let session = options.session
        let memo = Memo(session)
        session?.beginBuild()
        defer { session?.endBuild() }
        // Progress is reported as each step starts; its time is measured when it ends.
        var timer = PhaseTimer()
        var current: String?
        func end() {
            if let current { timer.lap(current) }
            current = nil
            report.timings = timer.timings
        }
        func begin(_ step: String) {
            end()
            current = step
            progress((steps.firstIndex(of: step) ?? 0) + 1, step)
        }
        if options.writes, let problem = OutputFolder.problem(output: options.output, projectRoot: options.projectRoot) {
            report.diagnostics = [problem]
            return report
        }

        begin("load")
        let (read, loadDiagnostics) = await LoadStage.run(root: options.projectRoot, includeDrafts: options.includeDrafts,
                                                          strictScenarios: options.strictScenarios, memo: memo)
        report.diagnostics += loadDiagnostics
        end()
        // Consumed, not copied: a copy would keep every parsed chapter alive to the end of the
        // run, after the series below has handed its own over.
        guard var loaded = consume read else { return report }

        // One Chromium prints every PDF of the run; a missing one is the run's one error.
        let printing: ReportPrinting?
        if options.pdf, options.writes {
            switch ReportPrinting.locate(books: true) {
            case .success(let found): printing = found
            case .failure(let problem):
                report.diagnostics.append(problem)
                return report
            }
        } else {
            printing = nil
        }
        // A build that replaces its output folder writes the big files into a staging folder as
        // they are made (swapped in at the end, removed if the build fails); `check` drops them;
        // the preview server's writer compares every file, so it gets them all.
        let staging: StagingFolder?
        if options.writes, options.session == nil {
            switch OutputWriter(projectRoot: options.projectRoot, output: options.output).stage() {
            case .success(let folder): staging = folder
            case .failure(let problem):
                report.diagnostics.append(problem)
                return report
            }
        } else {
            staging = nil
        }
        let sink: (any OutputSink)? = options.writes ? staging : DroppingSink()
        // The series' chapters go to the series alone (the reports read none of them), so that
        // their parsed documents are freed as soon as they are transformed.
        let books = loaded.project.books
        loaded.project.books = []
        // The targets, at the same time: the listed reports run while the series is
        // transformed and rendered.
        async let reports = ListedReports.make(loaded, sourceDate: options.sourceDate, printing: printing, memo: memo)
        // In a session, the pages are written first and the rest after them (see `pagesWritten`).
        let deferring = session != nil && options.writes && printing == nil
        var series = await SeriesTarget.make(loaded, books: consume books, sourceDate: options.sourceDate, pdf: printing != nil,
                                             deferring: deferring, memo: memo, sink: sink, step: begin)
        // The books' PDFs and cover pictures, from the rendered series, while the reports finish.
        if let printing, let rendered = series.rendered, !series.target.diagnostics.hasErrors {
            let printed = await BookPrints.make(rendered, printing: printing)
            series.target.output.files += printed.files
            report.bookPDFs = printed.files.map(\.path).filter { $0.hasSuffix(".pdf") }
            series.target.diagnostics += printed.diagnostics
        }
        report.diagnostics += series.target.diagnostics
        report.pageCount = (series.target.output.files.map(\.path) + series.target.output.streamed).filter { $0.hasSuffix(".html") }.count
        report.books = series.publication.books.map { ($0.slug, $0.settings.title, "epub/\($0.slug).epub") }
        begin("reports")
        var output = RenderedOutput(files: [], epubs: [])
        output.add(series.target)
        let made = await reports
        await printing?.shutDown()
        report.diagnostics += made.diagnostics
        for target in made.outputs {
            output.add(target)
            if case .report(let client) = target.target { report.reports.append(client) }
        }
        report.artifacts = BuildArtifacts(loaded: loaded, publication: series.publication, output: output)
        end()

        guard options.writes, !report.diagnostics.hasErrors else {
            staging?.discard()
            return report
        }
        if let later = series.later {
            begin("write pages")
            switch await write(output, staging: staging, options: options, complete: false) {
            case .success(let count): report.changedFiles = count
            case .failure(let problem):
                report.diagnostics.append(problem)
                end()
                return report
            }
            end()
            await options.pagesWritten?(report.changedFiles)
            if options.changeWaiting?() == true {
                // The next build makes the rest: it reuses this build's work on it.
                session?.keepUnusedWork()
                report.wrote = true
                return report
            }
            begin("epub and search")
            let rest = await later()
            report.diagnostics += rest.diagnostics
            output.files += rest.output.files
            output.epubs += rest.output.epubs
            report.artifacts?.output = output
            end()
            guard !report.diagnostics.hasErrors else { return report }
            if options.changeWaiting?() == true {
                session?.keepUnusedWork()
                report.wrote = true
                return report
            }
        }
        begin("write")
        switch await write(output, staging: staging, options: options) {
        case .success(let count):
            report.wrote = true
            report.changedFiles += count
        case .failure(let problem):
            report.diagnostics.append(problem)
        }
        end()
        return report
    }

    /// Writes a build's output: in a session, file by file where it changed (when not
    /// `complete`, the pages before the rest: nothing is removed); otherwise the rest of the
    /// output goes into the staging folder, which replaces the output folder whole (its
    /// `reports/` kept). Returns how many files were created, changed or removed (without a
    /// session, every file counts).
    private static func write(_ output: RenderedOutput, staging: StagingFolder?, options: BuildOptions,
                              complete: Bool = true) async -> Result<Int, Diagnostic> {
        if let session = options.session {
            return await OutputWriter(projectRoot: options.projectRoot, output: options.output)
                .update(output, session: session, complete: complete)
        }
        guard let staging else { return .success(0) }
        if let problem = await staging.commit(output, keeping: "reports") { return .failure(problem) }
        return .success(output.fileCount)
    }

    /// `playbook report`: the same stages for the reports of the scenarios `options` names
    /// (no series). The load stage reads the project's templates, scenarios and report
    /// template, and each named scenario file with its data files; then, on all cores, each
    /// client's scenario is loaded from those files in its own job, its report target made and
    /// written into its own folder as soon as it is made (``ClientFolderWriter``): a run holds
    /// the loaded scenarios of the reports in flight only.
    /// One client's failure stops only that client. `setup` holds what stopped every report
    /// (no project, a broken template, an unusable `--compare` folder); otherwise there is one
    /// outcome per scenario, in the order given. `progress` is called as each report is done,
    /// with how many are done.
    public static func run(_ options: ReportOptions, progress: @escaping @Sendable (Int, ReportOutcome) -> Void = { _, _ in })
        async -> (setup: [Diagnostic], outcomes: [ReportOutcome]) {
        let (loaded, loadDiagnostics) = await LoadStage.run(root: options.projectRoot, clients: options.scenarios, template: options.template,
                                                            currentDirectory: options.currentDirectory)
        guard let loaded, let template = loaded.reportTemplate else { return (loadDiagnostics, []) }
        let setup = loadDiagnostics + loaded.reportTemplateDiagnostics
        // Every earlier figure is read before any report is written: the compared folder may be
        // the one about to be replaced.
        let earlier: [String: (URL, ReportChanges.Earlier)]
        switch options.compare.map({ ReportChanges.earlierRuns(in: $0, clients: options.scenarios.map(ReportOutcome.name(of:))) }) {
        case .success(let found)?: earlier = found
        case .failure(let problem)?: return (setup + [problem], [])
        case nil: earlier = [:]
        }

        var printing: ReportPrinting?
        if options.pdf {
            switch ReportPrinting.locate() {
            case .success(let found): printing = found
            case .failure(let problem): return (setup + [problem], [])
            }
        }
        let context = ReportContext(loaded, template: template, sourceDate: options.sourceDate, printing: printing)
        let writer = ClientFolderWriter(projectRoot: options.projectRoot, output: options.output)
        let done = ReportCounter()
        let arguments = loaded.clients.map(\.argument)
        let outcomes = await Array(loaded.clients.enumerated()).concurrentMapAsync { index, client -> ReportOutcome in
            let argument = client.argument
            // Loaded here, from the files load read: the scenario lives as long as its report's job.
            let (scenario, diagnostics) = client.load()
            var outcome = ReportOutcome(argument: argument, name: scenario?.spec.slug ?? ReportOutcome.name(of: argument), folder: nil,
                                        diagnostics: diagnostics)
            if let scenario, !diagnostics.hasErrors,
               arguments[..<index].allSatisfy({ ReportOutcome.name(of: $0) != scenario.spec.slug }) {
                let made = await ReportTarget.make(client: scenario.spec.slug, scenario: scenario, context: context)
                outcome = await writer.write(made, argument: argument, scenario: scenario,
                                             earlier: earlier[scenario.spec.slug] ?? earlier[ReportOutcome.name(of: argument)])
                outcome.diagnostics = diagnostics + outcome.diagnostics
            } else if scenario != nil, !diagnostics.hasErrors {
                outcome.diagnostics.append(.error(.duplicateReport, "two scenarios given are called '\(outcome.name)', and their reports would share build/reports/\(outcome.name)/",
                                                  at: nil, hint: "rename one of the files"))
            }
            progress(done.increment(), outcome)
            return outcome
        }
        await printing?.shutDown()
        return (setup, outcomes)
    }
}
