import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookFiles
import PlaybookLoad
import PlaybookSession
import PlaybookWrite

/// The reports `playbook build` makes: those `playbook.yaml` lists under `reports`, written to
/// `reports/<scenario>/` in the output folder. Runs after the render stage with what the load
/// stage read.
enum ReportStage {
    /// The files of every listed report, by path in the output folder, the names of the
    /// reports made, and what went wrong.
    /// With a `session`, the reports are made again only when something they read changed:
    /// `playbook.yaml`, a scenario, the templates and stylesheets, or `content/reports/`.
    static func run(_ loaded: LoadedProject, root: URL, sourceDate: Timestamp?, session: BuildSession?)
        async -> (files: [OutputFile], made: [String], diagnostics: [Diagnostic]) {
        guard let session else { return await run(loaded, root: root, sourceDate: sourceDate) }
        let directory = ProjectDirectory(root: root).remembering(session.files)
        var texts: [String: ExactText?] = [:]
        for path in directory.files(under: "content/reports").files {
            if case .file(let file) = directory.read("content/reports/\(path)") { texts[path] = ExactText(file.text) } else { texts[path] = .some(nil) }
        }
        let memo = Memo(session)
        let scenarios = Dictionary(uniqueKeysWithValues: loaded.scenarioNames.map { ($0, memo.revision(.scenario, ScenarioFiles.path(of: $0))) })
        let input = ReportsInput(settings: loaded.project.settings, scenarios: scenarios, names: loaded.scenarioNames.sorted(),
                                 presentation: memo.revision(.presentation), files: texts, sourceDate: sourceDate)
        return await memo.query(.reports, input: input) { await run(loaded, root: root, sourceDate: sourceDate) }.value
    }

    private struct ReportsInput: Equatable, Sendable {
        var settings: SeriesSettings
        var scenarios: [String: Revision]
        var names: [String]
        var presentation: Revision
        var files: [String: ExactText?]
        var sourceDate: Timestamp?
    }

    static func run(_ loaded: LoadedProject, root: URL, sourceDate: Timestamp?)
        async -> (files: [OutputFile], made: [String], diagnostics: [Diagnostic]) {
        let settings = loaded.project.settings
        guard !settings.reports.isEmpty else { return ([], [], []) }
        let directory = ProjectDirectory(root: root)
        var diagnostics: [Diagnostic] = []
        var wanted: [(String, Scenario)] = []
        for reference in settings.reports {
            if let scenario = loaded.scenarios[reference.slug] {
                wanted.append((reference.slug, scenario))
            } else if !loaded.scenarioNames.contains(reference.slug) {
                diagnostics.append(.noScenario(named: reference.slug, among: loaded.scenarioNames, at: reference.location))
            }
            // A scenario with mistakes has reported them in the load stage.
        }
        let (template, templateDiagnostics) = await ReportTemplateLoader.load(settings.reportTemplate, directory: directory, series: settings)
        diagnostics += templateDiagnostics
        guard let template else { return ([], [], diagnostics) }
        let context = ReportContext(series: settings, templates: loaded.templates, epubStylesheet: loaded.epubStylesheet,
                                    pageStylesheet: loaded.reportStylesheet, template: template, scenarios: loaded.scenarios,
                                    scenarioNames: loaded.scenarioNames, sourceDate: sourceDate)
        let builder = ReportBuilder(context: context)
        let built = await wanted.concurrentMapAsync { name, scenario in (name, await builder.build(name: name, scenario: scenario)) }
        var files: [OutputFile] = []
        var made: [String] = []
        for (name, (reportFiles, reportDiagnostics)) in built {
            diagnostics += reportDiagnostics
            guard !reportFiles.isEmpty else { continue }
            made.append(name)
            files += reportFiles.map { OutputFile(path: "reports/\(name)/\($0.path)", content: $0.content) }
            // Marked like a folder `playbook report` writes, so that it may replace it later.
            files.append(OutputFile(path: "reports/\(name)/\(OutputFolder.marker)", content: .text("")))
        }
        return (files, made, diagnostics)
    }
}
