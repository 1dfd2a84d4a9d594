import PlaybookCore
import PlaybookMarkdown
import PlaybookScenario
import PlaybookTemplates
import PlaybookFiles

/// A report template: `content/reports/<name>/report.yaml` and Markdown chapters written
/// against "the scenario", the one `playbook report` is given. A project without the folder
/// gets the built-in `business-case` template.
public struct ReportTemplate: Sendable {
    /// The folder name.
    public var name: String
    /// `report.yaml`: title, subtitle and description (which may hold value tags), authors, date.
    package var settings: BookSettings
    /// `paper: a4 | letter`: the paper of the report's PDF (A4 when not given).
    package var paper: Paper
    /// The text of `report.yaml`, for the diagnostics of its tags.
    package var settingsFile: SourceFile
    /// The chapters in order, not yet bound to a scenario.
    package var chapters: [Chapter]

    /// The folder report templates live in.
    public static let folder = ProjectLayout.reports

    /// The chapters a scenario's report has: those whose `requires:` it meets.
    package func chapters(for scenario: Scenario) -> [Chapter] {
        chapters.filter { chapter in
            (chapter.frontMatter.requires?.names ?? []).allSatisfy { requirement in
                switch requirement {
                case "ranges": return scenario.spec.hasRanges
                case "attribution": return scenario.spec.hasAttributionPaths
                case "objectives": return !scenario.spec.objectives.isEmpty
                default: return true
                }
            }
        }
    }
}

/// Reads a report template from the project, or the built-in one.
package enum ReportTemplateLoader {
    /// Loads the template `name`; `nil` when it does not exist or has no usable chapter. A
    /// template with errors still comes back (without its broken chapters) so that a check can
    /// go on to the mistakes that only a scenario shows; check the diagnostics before writing.
    /// The name is a folder name, never a path: `--template ../../outside` is refused here as
    /// `report_template` is in `playbook.yaml`.
    package static func load(_ name: String, directory: ProjectDirectory, series: SeriesSettings) async -> (ReportTemplate?, [Diagnostic]) {
        guard Slug.isValidFileName(name) else {
            return (nil, [.error(.invalidValue, "'\(name)' is not a folder name in \(ReportTemplate.folder)/", at: nil,
                                 hint: "a report template is named by its folder in \(ReportTemplate.folder)/, such as business-case")])
        }
        let folder = "\(ReportTemplate.folder)/\(name)"
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var settingsUnreadable = false
        if directory.isDirectory(folder) {
            // A template folder that is a link to somewhere else is not used.
            if let problem = directory.folderProblem(folder) { return (nil, [problem]) }
            let (found, refused) = directory.files(under: folder)
            diagnostics += refused
            for path in found where path == "report.yaml" || (!path.contains("/") && path.hasSuffix(".md")) {
                switch directory.read("\(folder)/\(path)") {
                case .file(let file): files.append(file)
                case .failed(let diagnostic):
                    diagnostics.append(diagnostic)
                    // A report.yaml that cannot be read has said why; it is not missing.
                    if path == "report.yaml" { settingsUnreadable = true }
                case .missing: break
                }
            }
        } else {
            files = StarterFiles.files.keys.sorted()
                .filter { $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
                .compactMap { path in StarterFiles.files[path].map { SourceFile(path: path, text: $0) } }
            if files.isEmpty {
                let existing = directory.list(ReportTemplate.folder).filter { directory.isDirectory("\(ReportTemplate.folder)/\($0)") }
                let builtIn = Set(StarterFiles.files.keys.filter { $0.hasPrefix(ReportTemplate.folder + "/") }
                    .compactMap { $0.split(separator: "/").dropFirst(2).first.map(String.init) })
                let names = Set(existing).union(builtIn).sorted()
                return (nil, [.error(.noReportTemplate, "there is no report template '\(name)' in \(ReportTemplate.folder)/", at: nil,
                                     hint: NearestName.hint(for: name, among: names) ?? "the templates are: " + names.joined(separator: ", "))])
            }
        }
        guard let settingsFile = files.first(where: { $0.path.hasSuffix("/report.yaml") }) else {
            if settingsUnreadable { return (nil, diagnostics) }
            return (nil, diagnostics + [.error(.missingReportSettings, "\(folder)/ has no report.yaml", at: .file(folder),
                                               hint: "add \(folder)/report.yaml with at least a title")])
        }
        let (settings, paper, settingsDiagnostics) = BookSettingsLoader.loadReport(settingsFile, seriesAuthors: series.authors)
        diagnostics += settingsDiagnostics
        let loader = ChapterLoader(directory: directory, parser: MarkdownParser(smartPunctuation: series.smartPunctuation))
        let chapterFiles = files.filter { $0.path.hasSuffix(".md") }
        let loaded = await chapterFiles.concurrentMap { loader.load($0) }
        var usable: [ChapterLoader.Loaded] = []
        for (chapter, chapterDiagnostics) in loaded {
            diagnostics += chapterDiagnostics
            guard let chapter else { continue }
            if let scenario = chapter.chapter.frontMatter.scenario {
                diagnostics.append(.error(.unknownKey, "a report chapter is written against the scenario of each report, so it names none",
                                          at: scenario.location, hint: "remove 'scenario'; to show another scenario's figure, write {{ <scenario>.<name> }}"))
                continue
            }
            usable.append(chapter)
        }
        // The same rules as a book's chapters: usable page names, one order each.
        let nameProblems = ProjectLoader.checkNames(usable) + usable.compactMap { loaded in
            // A report's EPUB has a title page of its own.
            loaded.chapter.slug.lowercased() == "title"
                ? (loaded.chapter.slug, .error(.reservedChapterName, "a report chapter cannot be called \(loaded.chapter.slug).md: the report's EPUB has its title page in title.xhtml",
                                               at: loaded.chapter.source.start, hint: "rename the file, for example to 00-title.md"))
                : nil
        }
        diagnostics += nameProblems.map(\.1)
        usable.removeAll { loaded in nameProblems.contains { $0.0 == loaded.chapter.slug } }
        diagnostics += ProjectLoader.checkOrder(usable)
        if chapterFiles.isEmpty {
            diagnostics.append(.error(.emptyReportTemplate, "the report template '\(name)' has no chapters", at: .file(settingsFile.path),
                                      hint: "add Markdown chapters to \(folder)/"))
        }
        let chapters = usable.map(\.chapter).sorted { ($0.frontMatter.order, $0.slug) < ($1.frontMatter.order, $1.slug) }
        // A chapter with mistakes is left out, so that the others can be checked against each scenario too.
        guard let settings, !chapters.isEmpty else { return (nil, diagnostics) }
        return (ReportTemplate(name: name, settings: settings, paper: paper, settingsFile: settingsFile, chapters: chapters), diagnostics)
    }
}
