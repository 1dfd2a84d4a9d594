import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate
import PlaybookLoad

extension ReportTemplate {
    /// The report of the scenario `name` as a book: the chapters its scenario meets
    /// (`requires:`), each reading that scenario, and `report.yaml`'s title, subtitle and
    /// description with their tags replaced. A report is a book with position 0 (outside the
    /// series' collection).
    func bind(client name: String, scenario: Scenario, context: ScenarioContext, series: SeriesSettings) -> (Book, [Diagnostic]) {
        let chapters = chapters(for: scenario).map { chapter -> Chapter in
            var bound = chapter
            bound.frontMatter.scenario = (name, chapter.source.start)
            return bound
        }
        var settings = self.settings
        var values = InlineValues(context: context, chapterScenario: name, file: settingsFile)
        settings.title = values.replace(in: settings.title)
        settings.subtitle = settings.subtitle.map { values.replace(in: $0) }
        settings.description = settings.description.map { values.replace(in: $0) }
        if let date = scenario.spec.date {
            settings.date = date
            settings.modified = date
        }
        let base = series.baseURL ?? "playbook:\(series.title)/"
        settings.identifier = "urn:uuid:" + NameBasedUUID.uuid(forURL: base + "reports/\(name)/")
        return (Book(slug: name, position: 0, settings: settings, chapters: chapters), values.diagnostics)
    }
}
