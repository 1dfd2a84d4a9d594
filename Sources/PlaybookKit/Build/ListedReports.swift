import PlaybookCore
import PlaybookScenario
import PlaybookSession
import PlaybookLoad

/// The report targets of `playbook build`, `check` and `serve`: the scenarios `playbook.yaml`
/// lists under `reports`, made with the report template the load stage read, all at once.
enum ListedReports {
    /// What the listed reports made, in the order listed (those with errors make no files),
    /// and every diagnostic: listed names with no scenario, the report template's, each report's.
    struct Made: Sendable {
        var outputs: [TargetOutput]
        var diagnostics: [Diagnostic]
    }

    /// Makes the listed reports, as one query: in a session they are made again only when
    /// something they read changed — `playbook.yaml`, a scenario, the templates and
    /// stylesheets, or the report template.
    /// With `printing`, each report is also printed (the run's one Chromium, which the run shuts
    /// down when its PDFs are done).
    static func make(_ loaded: LoadedProject, sourceDate: Timestamp?, printing: ReportPrinting?, memo: Memo) async -> Made {
        let pdf = printing != nil
        let input = Input(settings: loaded.project.settings,
                          scenarios: Dictionary(uniqueKeysWithValues: loaded.scenarioNames.map { ($0, memo.revision(.scenario, ProjectLayout.scenario($0))) }),
                          presentation: memo.revision(.presentation), template: Input.texts(of: loaded.reportTemplate),
                          templateDiagnostics: loaded.reportTemplateDiagnostics, sourceDate: sourceDate,
                          reportDate: ReportContext.reportDate(sourceDate: sourceDate), pdf: pdf)
        return await memo.query(.reports, input: input) { await make(loaded, sourceDate: sourceDate, printing: printing) }.value
    }

    /// Everything the reports are made from.
    private struct Input: Equatable, Sendable {
        var settings: SeriesSettings
        /// The revision of every scenario (a report's tags may name any of them), by name.
        var scenarios: [String: Revision]
        var presentation: Revision
        /// The report template's files as read (path, text, path, text…).
        var template: [ExactText]
        var templateDiagnostics: [Diagnostic]
        var sourceDate: Timestamp?
        /// The date of a report whose scenario has none (today, without `SOURCE_DATE_EPOCH`).
        var reportDate: Timestamp
        /// Whether each report is also printed to PDF.
        var pdf: Bool

        static func texts(of template: ReportTemplate?) -> [ExactText] {
            guard let template else { return [] }
            let files = [template.settingsFile] + template.chapters.map(\.source)
            return files.flatMap { [ExactText($0.path), ExactText($0.text)] }
        }
    }

    private static func make(_ loaded: LoadedProject, sourceDate: Timestamp?, printing: ReportPrinting?) async -> Made {
        let settings = loaded.project.settings
        guard !settings.reports.isEmpty else { return Made(outputs: [], diagnostics: []) }
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
        diagnostics += loaded.reportTemplateDiagnostics
        guard let template = loaded.reportTemplate else { return Made(outputs: [], diagnostics: diagnostics) }
        let context = ReportContext(loaded, template: template, sourceDate: sourceDate, printing: printing)
        let outputs = await wanted.concurrentMapAsync { name, scenario in await ReportTarget.make(client: name, scenario: scenario, context: context) }
        diagnostics += outputs.flatMap(\.diagnostics)
        return Made(outputs: outputs.filter { !$0.output.files.isEmpty }, diagnostics: diagnostics)
    }
}
