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
    /// For a series of builds into the same folder (the preview server): work is reused from
    /// the previous build where its inputs are unchanged, and the output folder is updated
    /// file by file instead of replaced. `nil` (`playbook build`) computes everything.
    public var session: BuildSession?

    /// Creates options.
    public init(projectRoot: URL, output: URL? = nil, includeDrafts: Bool = false, sourceDate: Timestamp? = nil,
                writes: Bool = true, session: BuildSession? = nil) {
        self.projectRoot = projectRoot
        self.output = output ?? projectRoot.appendingPathComponent("build")
        self.includeDrafts = includeDrafts
        self.sourceDate = sourceDate
        self.writes = writes
        self.session = session
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Every diagnostic of the run.
    public var diagnostics: [Diagnostic]
    /// The books built (slug, title, EPUB path relative to the output folder).
    public var books: [(slug: String, title: String, epub: String)]
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

/// The values the stages of a build made.
public struct BuildArtifacts: Sendable {
    /// The transformed project.
    public var publication: Publication
    /// Every file the build made.
    public var output: RenderedOutput
}

/// The build: load → transform → render → reports → write, each step a function from values to values.
/// `playbook build`, `playbook check` and the preview server all go through ``run(_:progress:)``.
public enum BuildPipeline {
    /// The steps, in order, as progress reports name them.
    public static let steps = ["load", "transform", "render", "reports", "write"]

    /// Runs the build. `progress` is called with the step's 1-based number and name before it starts.
    public static func run(_ options: BuildOptions, progress: @Sendable (Int, String) -> Void = { _, _ in }) async -> BuildReport {
        var report = BuildReport(diagnostics: [], books: [], pageCount: 0, wrote: false, timings: [])
        let session = options.session
        let memo = Memo(session)
        session?.beginBuild()
        defer { session?.endBuild() }
        var timer = PhaseTimer()
        func lap(_ step: String) {
            timer.lap(step)
            report.timings = timer.timings
        }
        if options.writes, let problem = OutputFolder.problem(output: options.output, projectRoot: options.projectRoot) {
            report.diagnostics = [problem]
            return report
        }

        progress(1, steps[0])
        let (loaded, loadDiagnostics) = await LoadStage.run(root: options.projectRoot, includeDrafts: options.includeDrafts, memo: memo)
        report.diagnostics += loadDiagnostics
        lap(steps[0])
        guard let loaded else { return report }

        progress(2, steps[1])
        let (publication, transformDiagnostics) = await TransformStage.run(loaded.project, scenarios: loaded.scenarios, scenarioNames: loaded.scenarioNames,
                                                                      memo: memo)
        report.diagnostics += transformDiagnostics
        lap(steps[1])

        progress(3, steps[2])
        let rendered = await RenderStage.run(publication, loaded: loaded, sourceDate: options.sourceDate, memo: memo)
        report.diagnostics += rendered.diagnostics
        report.pageCount = rendered.output.files.filter { $0.path.hasSuffix(".html") }.count
        report.books = publication.books.map { ($0.slug, $0.settings.title, "epub/\($0.slug).epub") }
        lap(steps[2])

        progress(4, steps[3])
        var output = rendered.output
        let reports = await ReportStage.run(loaded, root: options.projectRoot, sourceDate: options.sourceDate, session: session)
        report.diagnostics += reports.diagnostics
        output.files += reports.files
        report.reports = reports.made
        report.artifacts = BuildArtifacts(publication: publication, output: output)
        lap(steps[3])

        guard options.writes, !report.diagnostics.hasErrors else { return report }
        progress(5, steps[4])
        let writer = OutputWriter(projectRoot: options.projectRoot, output: options.output)
        if let session {
            switch await writer.update(output, session: session) {
            case .success(let count):
                report.wrote = true
                report.changedFiles = count
            case .failure(let problem):
                report.diagnostics.append(problem)
            }
        } else if let problem = await writer.write(output, keeping: "reports") {
            report.diagnostics.append(problem)
        } else {
            report.wrote = true
            report.changedFiles = output.files.count + output.epubs.reduce(0) { $0 + 1 + $1.entries.count }
        }
        lap(steps[4])
        return report
    }
}
