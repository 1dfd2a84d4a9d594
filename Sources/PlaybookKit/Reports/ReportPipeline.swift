import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookFiles
import PlaybookLoad
import PlaybookWrite

/// What `playbook report` should do.
public struct ReportOptions: Sendable {
    /// The project folder.
    public var projectRoot: URL
    /// The scenarios: names in `content/scenarios/` or paths to YAML files.
    public var scenarios: [String]
    /// The folder paths are relative to.
    public var currentDirectory: URL
    /// The report template (a folder in `content/reports/`); `nil` for `playbook.yaml`'s
    /// `report_template`, by default `business-case`.
    public var template: String?
    /// The folder that receives one folder per client (`build/reports/` by default).
    public var output: URL
    /// An earlier run's output folder, to list what changed since.
    public var compare: URL?
    /// `SOURCE_DATE_EPOCH`.
    public var sourceDate: Timestamp?

    /// Creates options.
    public init(projectRoot: URL, scenarios: [String], currentDirectory: URL, template: String? = nil, output: URL? = nil,
                compare: URL? = nil, sourceDate: Timestamp? = nil) {
        self.projectRoot = projectRoot
        self.scenarios = scenarios
        self.currentDirectory = currentDirectory
        self.template = template
        self.output = output ?? projectRoot.appendingPathComponent("build").appendingPathComponent("reports")
        self.compare = compare
        self.sourceDate = sourceDate
    }
}

/// One client's report, made or not.
public struct ReportOutcome: Sendable {
    /// The scenario as given on the command line.
    public var argument: String
    /// The client's folder name: the scenario file's name without `.yaml`.
    public var name: String
    /// Where the report was written; `nil` when it failed.
    public var folder: URL?
    /// The scenario's and its report's diagnostics.
    public var diagnostics: [Diagnostic]
    /// What changed since the compared run, when one was asked for.
    public var changes: ReportChanges?
    /// The earlier client folder the report was compared with.
    public var comparedWith: URL?

    /// Whether the report was written.
    public var succeeded: Bool { folder != nil }
}

/// `playbook report`: one report per scenario, on all cores. One client's failure stops
/// only that client.
public enum ReportPipeline {
    /// Makes every report. `setup` holds what stopped every report (no project, a broken
    /// template); otherwise there is one outcome per scenario, in the order given. `progress`
    /// is called as each report is done, with how many are done.
    public static func run(_ options: ReportOptions, progress: @escaping @Sendable (Int, ReportOutcome) -> Void = { _, _ in })
        async -> (setup: [Diagnostic], outcomes: [ReportOutcome]) {
        let directory = ProjectDirectory(root: options.projectRoot)
        let settings: SeriesSettings
        switch directory.read("playbook.yaml") {
        case .file(let file):
            let (loaded, diagnostics) = SeriesSettingsLoader.load(file)
            guard let loaded, !diagnostics.hasErrors else { return (diagnostics, []) }
            settings = loaded
        case .missing:
            return ([.noProject(in: options.projectRoot.path)], [])
        case .failed(let diagnostic): return ([diagnostic], [])
        }
        let (context, setup) = await self.context(directory: directory, settings: settings, template: options.template ?? settings.reportTemplate,
                                                  sourceDate: options.sourceDate)
        guard let context else { return (setup, []) }
        // Every earlier figure is read before any report is written: the compared folder may be
        // the one about to be replaced.
        let earlier: [String: (URL, ReportChanges.Earlier)]
        switch options.compare.map({ ReportChanges.earlierRuns(in: $0, clients: options.scenarios.map(Self.name(of:))) }) {
        case .success(let found)?: earlier = found
        case .failure(let problem)?: return (setup + [problem], [])
        case nil: earlier = [:]
        }

        let builder = ReportBuilder(context: context)
        let done = Counter()
        let defaults = ScenarioFiles.defaults(for: settings)
        let outcomes = await Array(options.scenarios.enumerated()).concurrentMapAsync { index, argument -> ReportOutcome in
            let (scenario, scenarioDiagnostics) = ScenarioFiles.load(argument, projectRoot: options.projectRoot,
                                                                     currentDirectory: options.currentDirectory, defaults: defaults)
            var outcome = ReportOutcome(argument: argument, name: scenario?.spec.slug ?? Self.name(of: argument), folder: nil,
                                        diagnostics: scenarioDiagnostics)
            if let scenario, !scenarioDiagnostics.hasErrors, options.scenarios[..<index].allSatisfy({ Self.name(of: $0) != scenario.spec.slug }) {
                outcome = await make(scenario, argument: argument, builder: builder, options: options,
                                     earlier: earlier[scenario.spec.slug] ?? earlier[Self.name(of: argument)])
                outcome.diagnostics = scenarioDiagnostics + outcome.diagnostics
            } else if scenario != nil, !scenarioDiagnostics.hasErrors {
                outcome.diagnostics.append(.error(.duplicateReport, "two scenarios given are called '\(outcome.name)', and their reports would share build/reports/\(outcome.name)/",
                                                  at: nil, hint: "rename one of the files"))
            }
            progress(done.increment(), outcome)
            return outcome
        }
        return (setup, outcomes)
    }

    /// The report of one scenario, written (and compared) unless it has errors.
    private static func make(_ scenario: Scenario, argument: String, builder: ReportBuilder, options: ReportOptions,
                             earlier: (folder: URL, figures: ReportChanges.Earlier)?) async -> ReportOutcome {
        let name = scenario.spec.slug
        var outcome = ReportOutcome(argument: argument, name: name, folder: nil, diagnostics: [])
        let (files, diagnostics) = await builder.build(name: name, scenario: scenario)
        outcome.diagnostics = diagnostics
        guard !diagnostics.hasErrors, !files.isEmpty else { return outcome }
        let folder = options.output.appendingPathComponent(name)
        if let problem = OutputFolder.problem(output: folder, projectRoot: options.projectRoot) {
            outcome.diagnostics.append(problem)
            return outcome
        }
        do {
            try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
        } catch {
            outcome.diagnostics.append(.error(.writeFailed, "cannot create \(options.output.path): \(error.localizedDescription)", at: nil))
            return outcome
        }
        if let problem = await OutputWriter(projectRoot: options.projectRoot, output: folder).write(RenderedOutput(files: files, epubs: [])) {
            outcome.diagnostics.append(problem)
            return outcome
        }
        outcome.folder = folder
        if let earlier, case .text(let json)? = files.first(where: { $0.path == "metrics.json" })?.content {
            outcome.changes = ReportChanges(earlier: earlier.figures, current: json, scenario: scenario)
            outcome.comparedWith = earlier.folder
        }
        return outcome
    }

    /// The shared part of every report of a run: templates, stylesheets, the project's
    /// scenarios and the report template.
    static func context(directory: ProjectDirectory, settings: SeriesSettings, template: String, sourceDate: Timestamp?)
        async -> (ReportContext?, [Diagnostic]) {
        let presentation = Presentation.load(directory)
        var diagnostics = presentation.diagnostics
        let (reportTemplate, templateDiagnostics) = await ReportTemplateLoader.load(template, directory: directory, series: settings)
        diagnostics += templateDiagnostics
        guard let reportTemplate, !diagnostics.hasErrors else { return (nil, diagnostics) }
        // The project's scenarios, for tags that name one; their own mistakes are `playbook check`'s.
        let names = ScenarioFiles.names(in: directory)
        let (scenarios, _) = ScenarioFiles.loadAll(names, directory: directory, settings: settings)
        return (ReportContext(series: settings, templates: presentation.templates, epubStylesheet: presentation.epubStylesheet,
                              pageStylesheet: presentation.reportStylesheet, template: reportTemplate, scenarios: scenarios,
                              scenarioNames: Set(names), sourceDate: sourceDate), diagnostics)
    }

    /// The folder name a scenario argument gets: the file's name without `.yaml`.
    static func name(of argument: String) -> String {
        var name = argument.split(separator: "/").last.map(String.init) ?? argument
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }
}

/// Counts finished reports across tasks.
///
/// `@unchecked Sendable`: the count is only touched while holding `lock`.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
