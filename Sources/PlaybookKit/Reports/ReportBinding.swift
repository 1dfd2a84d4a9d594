import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate
import PlaybookLoad

extension ReportTemplate {
    /// The report of the scenario `name` as a book: the chapters its scenario meets
    /// (`requires:`), each reading that scenario, and `report.yaml`'s title, subtitle and
    /// description with their tags replaced. A report is a book with position 0 (outside the
    /// series' collection). Its date is the scenario's `date:`, else `defaultDate` (the
    /// run's `SOURCE_DATE_EPOCH`, else the day it is made).
    func bind(client name: String, scenario: Scenario, context: ScenarioContext, series: SeriesSettings,
              defaultDate: Timestamp) -> (Book, [Diagnostic]) {
        let chapters = chapters(for: scenario).map { chapter -> Chapter in
            var bound = chapter
            bound.frontMatter.scenario = (name, chapter.source.start)
            return bound
        }
        var settings = self.settings
        var values = InlineValues(context: context, chapterScenario: name, file: settingsFile)
        settings.title = values.replace(in: settings.title)
        // Without a `title:` in the scenario, `{{ title }}` is the client's name, which the
        // cover already shows above the title: the report is then called after its template.
        if scenario.spec.title == nil, settings.title.lowercased() == scenario.spec.client.lowercased() {
            settings.title = Self.humanised(self.name)
        }
        settings.subtitle = settings.subtitle.map { values.replace(in: $0) }
        settings.description = settings.description.map { values.replace(in: $0) }
        settings.date = scenario.spec.date ?? defaultDate
        settings.modified = settings.date
        let base = series.baseURL ?? "playbook:\(series.title)/"
        settings.identifier = "urn:uuid:" + NameBasedUUID.uuid(forURL: base + "reports/\(name)/")
        return (Book(slug: name, position: 0, settings: settings, chapters: chapters), values.diagnostics)
    }

    /// A template's folder name as a title: `business-case` → "Business case".
    static func humanised(_ folder: String) -> String {
        let words = folder.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
