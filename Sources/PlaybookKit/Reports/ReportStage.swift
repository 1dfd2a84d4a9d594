import Foundation
import PlaybookCore
import PlaybookScenario

/// The reports `playbook build` makes: those `playbook.yaml` lists under `reports`, written to
/// `reports/<scenario>/` in the output folder. Runs after the render stage with what the load
/// stage read.
enum ReportStage {
    /// The files of every listed report, by path in the output folder, the names of the
    /// reports made, and what went wrong.
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
                diagnostics.append(.error("no-scenario", "there is no scenario '\(reference.slug)' in \(ScenarioFiles.folder)/", at: reference.location,
                                          hint: NearestName.hint(for: reference.slug, among: loaded.scenarioNames)))
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
