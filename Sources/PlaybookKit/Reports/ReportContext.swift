import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookTemplates
import PlaybookLoad

/// What every report of one run shares, all of it read by the load stage: the project's
/// settings, templates and stylesheets, the report template, and the project's scenarios
/// (which a report's tags may name).
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
    /// The date of a report whose scenario has no `date:`: `SOURCE_DATE_EPOCH`, else today.
    var reportDate: Timestamp
    /// The run's PDF engine; `nil` when the reports are made without their PDF.
    var printing: ReportPrinting?

    /// The context of the reports made with `template` from what the load stage read.
    init(_ loaded: LoadedProject, template: ReportTemplate, sourceDate: Timestamp?, printing: ReportPrinting? = nil) {
        series = loaded.project.settings
        templates = loaded.templates
        epubStylesheet = loaded.epubStylesheet
        pageStylesheet = loaded.reportStylesheet
        self.template = template
        scenarios = loaded.scenarios
        scenarioNames = loaded.scenarioNames
        self.sourceDate = sourceDate
        reportDate = Self.reportDate(sourceDate: sourceDate)
        self.printing = printing
    }

    /// `SOURCE_DATE_EPOCH` when set, else the start of today (UTC).
    static func reportDate(sourceDate: Timestamp?) -> Timestamp {
        if let sourceDate { return sourceDate }
        let day: Int64 = 86_400
        let now = Int64(Date().timeIntervalSince1970)
        return Timestamp(secondsSinceEpoch: now - ((now % day) + day) % day)
    }
}
