import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookTemplates
import PlaybookFiles
import PlaybookSession

/// Everything the load stage reads: the project, its templates, and its static site files.
public struct LoadedProject: Sendable {
    /// Settings, books and chapters.
    public var project: Project
    /// Built-in templates with the project's own in their place.
    public var templates: TemplateLibrary
    /// The EPUB stylesheet: `templates/epub/book.css`, or the built-in one.
    public var epubStylesheet: String
    /// The stylesheet inlined in each report's page: `site/css/playbook.css`, then
    /// `templates/report/report.css` (the project's or the built-in ones).
    public var reportStylesheet: String
    /// The stylesheet inlined in each book's print page (its PDF): `site/css/playbook.css`, then
    /// `templates/print/book.css` (the project's or the built-in ones).
    public var bookPrintStylesheet: String = ""
    /// Files of `site/`, relative to it.
    public var staticFiles: [String]
    /// The project's scenarios (`content/scenarios/<name>.yaml`) by name; those with errors
    /// are left out (their diagnostics are the load stage's).
    public var scenarios: [String: Scenario] = [:]
    /// The name of every scenario file, including those with errors.
    public var scenarioNames: Set<String> = []
    /// The report template the run's reports are made with (`report_template` in
    /// `playbook.yaml`, or `playbook report --template`); `nil` when the run makes no report
    /// or the template is unusable.
    public var reportTemplate: ReportTemplate?
    /// What reading the report template found; reported with the reports.
    public var reportTemplateDiagnostics: [Diagnostic] = []
    /// The scenario files `playbook report` names, read (not loaded), in the order given.
    public var clients: [ClientScenario] = []
}

/// A scenario named on `playbook report`'s command line (a name in `content/scenarios/` or a
/// path to a file anywhere), as the load stage read it: its files, not yet loaded. The
/// scenario is parsed, compiled and evaluated by ``load()`` in the client's report job, so a
/// run holds one loaded scenario per report in flight, not one per client.
public struct ClientScenario: Sendable {
    /// The argument as given.
    public var argument: String
    /// What the load stage kept for the client.
    package var source: Source

    /// A client's scenario as the load stage kept it.
    package enum Source: Sendable {
        /// A project scenario, already loaded for the tags that name it, with its diagnostics.
        case loaded(Scenario?, [Diagnostic])
        /// Any other scenario: its files as read.
        case read(ScenarioRead)
    }

    /// The scenario (`nil` when it could not be read or loaded) and its diagnostics.
    package func load() -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        switch source {
        case .loaded(let scenario, let diagnostics): return (scenario, diagnostics)
        case .read(let files): return files.load()
        }
    }
}

/// The templates and stylesheets of a project: its own, or the built-in ones.
package struct Presentation: Sendable {
    package var templates: TemplateLibrary
    /// `templates/epub/book.css`.
    package var epubStylesheet: String
    /// `site/css/playbook.css` and `templates/report/report.css`, one after the other.
    package var reportStylesheet: String
    /// `site/css/playbook.css` and `templates/print/book.css`, one after the other.
    package var bookPrintStylesheet: String
    package var diagnostics: [Diagnostic]

    /// What the presentation is made of: every file's text, or why there is none.
    private struct Input: Equatable, Sendable {
        enum Read: Equatable, Sendable {
            case file(ExactText)
            case missing
            case failed(String)
        }
        struct File: Equatable, Sendable {
            var path: String
            var read: Read
        }
        var files: [File]
    }

    /// Reads `templates/` and the stylesheets; compiled again only when a file changed.
    package static func load(_ directory: ProjectDirectory, memo: Memo = .none) -> Presentation {
        let files = read(directory)
        let input = Input(files: files.map { file in
            switch file.read {
            case .file(let source): return .init(path: file.path, read: .file(ExactText(source.text)))
            case .missing: return .init(path: file.path, read: .missing)
            case .failed(let diagnostic): return .init(path: file.path, read: .failed(diagnostic.message))
            }
        })
        return memo.query(.presentation, input: input) { load(files) }.value
    }

    private static let stylesheets = ["templates/epub/book.css", "site/css/playbook.css", "templates/report/report.css", "templates/print/book.css"]

    /// Every file the presentation is made of, read.
    private static func read(_ directory: ProjectDirectory) -> [(path: String, read: ProjectDirectory.ReadResult)] {
        let (found, refused) = directory.files(under: "templates")
        let templates = found.filter { $0.hasSuffix(".mustache") }.map { "templates/\($0)" }
        var refusals = refused.map { ($0.location?.file ?? "templates", ProjectDirectory.ReadResult.failed($0)) }
        if let problem = directory.folderProblem("site") { refusals.append(("site", .failed(problem))) }
        // A stylesheet in a folder that leads outside is not read: the folder is refused instead.
        let readable = stylesheets.filter { path in !refusals.contains { path == $0.0 || path.hasPrefix($0.0 + "/") } }
        return refusals + (templates + readable).map { ($0, directory.read($0)) }
    }

    private static func load(_ files: [(path: String, read: ProjectDirectory.ReadResult)]) -> Presentation {
        var diagnostics: [Diagnostic] = []
        var templateFiles: [SourceFile] = []
        var texts: [String: String] = [:]
        for (path, read) in files {
            switch read {
            case .file(let file):
                if path.hasSuffix(".mustache") { templateFiles.append(file) } else { texts[path] = file.text }
            case .failed(let diagnostic): diagnostics.append(diagnostic)
            case .missing: break
            }
        }
        let (templates, templateDiagnostics) = TemplateLibrary.load(projectFiles: templateFiles)
        diagnostics += templateDiagnostics
        func text(_ path: String) -> String { texts[path] ?? StarterFiles.files[path] ?? "" }
        let epub = text("templates/epub/book.css")
        let report = text("site/css/playbook.css") + "\n" + text("templates/report/report.css")
        let bookPrint = text("site/css/playbook.css") + "\n" + text("templates/print/book.css")
        return Presentation(templates: templates, epubStylesheet: epub, reportStylesheet: report, bookPrintStylesheet: bookPrint,
                            diagnostics: diagnostics)
    }
}

/// The load stage: the project (``ProjectLoader``), templates and static files.
public enum LoadStage {
    /// Loads everything a build reads; `nil` when `playbook.yaml` is unusable.
    /// With a session in `memo`, files unchanged since its previous build are not parsed again.
    /// Unless `strictScenarios` (`playbook check`), the errors of a scenario that nothing uses
    /// are reported as warnings (``UnusedScenarios``).
    package static func run(root: URL, includeDrafts: Bool, strictScenarios: Bool = true, memo: Memo = .none) async -> (LoadedProject?, [Diagnostic]) {
        let directory = ProjectDirectory(root: root).remembering(memo.files)
        let (project, projectDiagnostics) = await ProjectLoader(root: root, includeDrafts: includeDrafts, memo: memo).load()
        var diagnostics = projectDiagnostics
        let presentation = Presentation.load(directory, memo: memo)
        diagnostics += presentation.diagnostics
        let (staticFiles, refusedStaticFiles) = directory.files(under: "site")
        // site/css/playbook.css (or site/ itself) may have been refused with the stylesheets.
        diagnostics += refusedStaticFiles.filter { !diagnostics.contains($0) }
        guard let project else { return (nil, diagnostics) }
        diagnostics += Self.checkCovers(project, directory: directory)
        let scenarioNames = ScenarioFiles.names(in: directory)
        let (scenarios, scenarioDiagnostics) = ScenarioFiles.loadAll(scenarioNames, directory: directory, settings: project.settings,
                                                                     memo: memo)
        diagnostics += Self.checkScenarioNames(project, names: scenarioNames)
        var loaded = LoadedProject(project: project, templates: presentation.templates, epubStylesheet: presentation.epubStylesheet,
                                   reportStylesheet: presentation.reportStylesheet, bookPrintStylesheet: presentation.bookPrintStylesheet,
                                   staticFiles: staticFiles, scenarios: scenarios, scenarioNames: Set(scenarioNames))
        // The report template, when `playbook.yaml` lists reports.
        if !project.settings.reports.isEmpty {
            (loaded.reportTemplate, loaded.reportTemplateDiagnostics) = await ReportTemplateLoader.load(project.settings.reportTemplate, directory: directory,
                                                                                                        series: project.settings)
        }
        // Where a scenario's figures may be shown: every chapter, and the report template.
        let texts = project.books.flatMap { $0.chapters.map(\.source) }
            + (loaded.reportTemplate.map { [$0.settingsFile] + $0.chapters.map(\.source) } ?? [])
        diagnostics += UnusedScenarios.diagnostics(scenarioDiagnostics, strict: strictScenarios, project: project, texts: texts)
        return (loaded, diagnostics)
    }

    /// Loads what the reports of the scenarios `arguments` read (`playbook report`): `playbook.yaml`,
    /// the templates and stylesheets, the report template (`template`, or `playbook.yaml`'s
    /// `report_template`), the project's scenarios (which tags may name) and each scenario
    /// file named (relative to `currentDirectory`). No books. `nil`, with what went wrong,
    /// when no report can be made; the template's diagnostics are the loaded project's.
    package static func run(root: URL, clients arguments: [String], template: String?, currentDirectory: URL) async -> (LoadedProject?, [Diagnostic]) {
        let directory = ProjectDirectory(root: root)
        let settings: SeriesSettings
        switch directory.read("playbook.yaml") {
        case .file(let file):
            // Its warnings are `playbook check`'s to report.
            let (loaded, diagnostics) = SeriesSettingsLoader.load(file)
            guard let loaded, !diagnostics.hasErrors else { return (nil, diagnostics) }
            settings = loaded
        case .missing: return (nil, [.noProject(in: root.path)])
        case .failed(let diagnostic): return (nil, [diagnostic])
        }
        let presentation = Presentation.load(directory)
        let (reportTemplate, templateDiagnostics) = await ReportTemplateLoader.load(template ?? settings.reportTemplate, directory: directory,
                                                                                    series: settings)
        guard reportTemplate != nil, !(presentation.diagnostics + templateDiagnostics).hasErrors else {
            return (nil, presentation.diagnostics + templateDiagnostics)
        }
        // The project's scenarios, for tags that name one; their own mistakes are `playbook check`'s.
        let names = ScenarioFiles.names(in: directory)
        let defaults = ScenarioFiles.defaults(for: settings)
        var projectScenarios: [String: (Scenario?, [Diagnostic])] = [:]
        if directory.folderProblem(ScenarioFiles.folder) == nil {
            for name in names {
                projectScenarios[name] = ScenarioFiles.load(path: "\(ScenarioFiles.folder)/\(name).yaml", directory: directory, defaults: defaults)
            }
        }
        // Each client's files, read but not loaded (its report's job loads it); one named like
        // a project scenario is the one just loaded.
        let read = projectScenarios
        let clients = await arguments.concurrentMap { argument in
            let isName = !(argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/"))
            if isName, directory.exists("\(ScenarioFiles.folder)/\(argument).yaml"), let (scenario, diagnostics) = read[argument] {
                return ClientScenario(argument: argument, source: .loaded(scenario, diagnostics))
            }
            return ClientScenario(argument: argument, source: .read(ScenarioFiles.read(argument, projectRoot: root, currentDirectory: currentDirectory,
                                                                                         defaults: defaults)))
        }
        var loaded = LoadedProject(project: Project(settings: settings, books: []), templates: presentation.templates,
                                   epubStylesheet: presentation.epubStylesheet, reportStylesheet: presentation.reportStylesheet, staticFiles: [],
                                   scenarios: projectScenarios.compactMapValues { scenario, diagnostics in diagnostics.hasErrors ? nil : scenario },
                                   scenarioNames: Set(names))
        loaded.reportTemplate = reportTemplate
        loaded.reportTemplateDiagnostics = templateDiagnostics
        loaded.clients = clients
        return (loaded, presentation.diagnostics)
    }

    /// A chapter's `scenario:` must name a file in `content/scenarios/`; `requires:` belongs
    /// to report templates only.
    private static func checkScenarioNames(_ project: Project, names: [String]) -> [Diagnostic] {
        let chapters = project.books.flatMap(\.chapters)
        let requires: [Diagnostic] = chapters.compactMap { chapter in
            chapter.frontMatter.requires.map {
                .error(.unknownKey, "'requires' is for the chapters of a report template, in content/reports/<template>/",
                       at: $0.location, hint: "a book's chapters are always published: remove 'requires'")
            }
        }
        return requires + chapters.compactMap { chapter in
            guard let (name, location) = chapter.frontMatter.scenario, !names.contains(name) else { return nil }
            return .noScenario(named: name, among: names, at: location)
        }
    }

    /// A `cover:` in book.yaml must name an image file in the book's folder.
    private static func checkCovers(_ project: Project, directory: ProjectDirectory) -> [Diagnostic] {
        project.books.compactMap { book in
            guard let cover = book.settings.cover else { return nil }
            let path = "content/\(book.slug)/book.yaml"
            guard case .file(let file) = directory.read(path) else { return nil }
            var line = 1
            for number in 1...max(file.text.split(separator: "\n", omittingEmptySubsequences: false).count, 1)
            where file.line(number).hasPrefix("cover:") {
                line = number
            }
            let at = file.location(line: line, firstOccurrenceOf: cover)
            if !book.assets.contains(where: { $0.path == cover }) {
                return .error(.missingCover, "there is no cover image '\(cover)' in content/\(book.slug)/", at: at,
                              hint: NearestName.hint(for: cover, among: book.assets.map(\.path)) ?? "leave 'cover' out to get a cover drawn from the title")
            }
            let type = cover.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if !ProjectLayout.imageTypes.contains(type) {
                return .error(.imageFormat, "the cover '\(cover)' is not in a format every EPUB reader shows", at: at,
                              hint: "use PNG, JPEG, GIF, WebP or SVG")
            }
            return nil
        }
    }
}
