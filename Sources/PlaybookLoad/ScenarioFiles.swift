import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookFiles
import PlaybookSession

/// Finds and loads client scenarios in a project: `content/scenarios/<name>.yaml`, or any
/// scenario file named by path. The project's `playbook.yaml` supplies the default currency
/// and locale.
public enum ScenarioFiles {
    /// The folder scenarios live in.
    public static let folder = ProjectLayout.scenarios

    /// Loads the scenario `argument` names: a path to a `.yaml` file (relative to
    /// `currentDirectory`), or a name such as `kestrel-mobile` in `content/scenarios/`.
    /// `defaults` are the project's currency and locale, read from `playbook.yaml` when not given.
    public static func load(_ argument: String, projectRoot: URL, currentDirectory: URL,
                            defaults given: ScenarioDefaults? = nil) -> (Scenario?, [Diagnostic]) {
        switch locate(argument, projectRoot: projectRoot, currentDirectory: currentDirectory, defaults: given) {
        case .success(let found): return load(path: found.path, directory: found.directory, defaults: found.defaults)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// Reads the files of the scenario `argument` names, as ``load(_:projectRoot:currentDirectory:defaults:)``
    /// would (same resolution, same folder rules), without keeping the scenario: its file and
    /// the data files it names, to be loaded later by ``ScenarioRead/load()``.
    package static func read(_ argument: String, projectRoot: URL, currentDirectory: URL,
                             defaults given: ScenarioDefaults? = nil) -> ScenarioRead {
        switch locate(argument, projectRoot: projectRoot, currentDirectory: currentDirectory, defaults: given) {
        case .success(let found): return read(path: found.path, directory: found.directory, defaults: found.defaults)
        case .failure(let problem): return ScenarioRead(problems: [problem])
        }
    }

    /// Where the scenario `argument` names is, the folder rule its data files follow, and the
    /// defaults it gets; or why there is no such scenario.
    private static func locate(_ argument: String, projectRoot: URL, currentDirectory: URL, defaults given: ScenarioDefaults?)
        -> Result<(path: String, directory: ProjectDirectory, defaults: ScenarioDefaults), Diagnostic> {
        let project = ProjectDirectory(root: projectRoot)
        // A client's branding file (`<name>.report.yaml`) is read with its scenario, and is not one.
        guard let path = resolve(argument, directory: project, currentDirectory: currentDirectory), !path.hasSuffix(".report.yaml") else {
            return .failure(.noScenario(named: argument, among: Self.names(in: project), at: nil))
        }
        // playbook.yaml's own mistakes are `playbook check`'s to report; only valid defaults are taken.
        var defaults = given ?? ScenarioDefaults()
        if given == nil, case .file(let settingsFile) = project.read("playbook.yaml"), let settings = SeriesSettingsLoader.load(settingsFile).0 {
            defaults = Self.defaults(for: settings)
        }
        // A scenario named outside the project (or when there is no project: no playbook.yaml)
        // is the user's own choice of file; the data files it names must lie in the folder it
        // really lies in, or below.
        let inProject = !path.hasPrefix("/") && project.exists("playbook.yaml")
        let real = ProjectDirectory.realPath(project.url(path).path).map { URL(fileURLWithPath: $0) } ?? project.url(path)
        let directory = inProject
            ? project
            : ProjectDirectory(root: projectRoot, boundary: real.deletingLastPathComponent(), named: "the scenario's folder")
        return .success((path, directory, defaults))
    }

    /// Reads the scenario file at `path` in `directory` and the data files it names. Which
    /// data files a scenario names is known only from its YAML: the spec loader runs once here,
    /// reading them as it goes, and its spec is dropped.
    static func read(path: String, directory: ProjectDirectory, defaults: ScenarioDefaults) -> ScenarioRead {
        switch directory.read(path) {
        case .file(let file):
            var dataFiles: [String: Result<SourceFile, Diagnostic>] = [:]
            var images: [String: Result<[UInt8], Diagnostic>] = [:]
            _ = ScenarioLoader.load(file, defaults: defaults, readBytes: { imagePath in
                let read = imageFile(imagePath, in: directory)
                images[imagePath] = read
                return read
            }, readFile: { dataPath in
                let read = dataFile(dataPath, in: directory)
                dataFiles[dataPath] = read
                return read
            })
            return ScenarioRead(file: file, dataFiles: dataFiles, images: images, defaults: defaults)
        case .missing: return ScenarioRead(problems: [.noScenarioFile(path)])
        case .failed(let diagnostic): return ScenarioRead(problems: [diagnostic])
        }
    }

    /// A data file as a scenario's loader is given it.
    private static func dataFile(_ path: String, in directory: ProjectDirectory) -> Result<SourceFile, Diagnostic> {
        switch directory.read(path) {
        case .file(let data): return .success(data)
        case .missing: return .failure(.missingScenarioData)
        case .failed(let diagnostic): return .failure(diagnostic)
        }
    }

    /// An image a scenario names (its report's logo), as its loader is given it.
    private static func imageFile(_ path: String, in directory: ProjectDirectory) -> Result<[UInt8], Diagnostic> {
        switch directory.readBytes(path) {
        case .bytes(let bytes): return .success(bytes)
        case .missing: return .failure(.missingScenarioData)
        case .failed(let diagnostic): return .failure(diagnostic)
        }
    }

    /// Whether a file of the scenarios folder is a scenario: a `.yaml` file that is not a
    /// client's branding file (`<scenario-name>.report.yaml`).
    package static func isScenarioFile(_ name: String) -> Bool {
        name.hasSuffix(".yaml") && !name.hasSuffix(".report.yaml")
    }

    /// The currency and locale a project gives its scenarios.
    package static func defaults(for settings: SeriesSettings) -> ScenarioDefaults {
        var defaults = ScenarioDefaults()
        if Currency.isCode(settings.currency) { defaults.currency = settings.currency }
        if LanguageTag.isValid(settings.locale) { defaults.locale = settings.locale }
        return defaults
    }

    /// The names of a project's scenarios: its `content/scenarios/*.yaml` files without `.yaml`, sorted.
    package static func names(in directory: ProjectDirectory) -> [String] {
        directory.list(folder).filter(isScenarioFile).map { String($0.dropLast(5)) }.sorted()
    }

    /// The scenarios `names` (from ``names(in:)``), with the diagnostics of each, by name
    /// (a scenarios folder that cannot be used is reported under the name ""). A scenario
    /// with errors is left out.
    /// With a session in `memo`, a scenario whose file and data files are unchanged is not
    /// loaded again (its revision, ``Memo/revision(_:_:)`` of `.scenario` and its path, stays).
    package static func loadAll(_ names: [String], directory: ProjectDirectory, settings: SeriesSettings,
                        memo: Memo = .none) -> ([String: Scenario], [String: [Diagnostic]]) {
        // A scenarios folder that is a link to somewhere else is refused as a whole.
        if let problem = directory.folderProblem(folder) { return ([:], ["": [problem]]) }
        let defaults = defaults(for: settings)
        var scenarios: [String: Scenario] = [:]
        var diagnostics: [String: [Diagnostic]] = [:]
        for name in names {
            let (scenario, scenarioDiagnostics) = load(path: path(of: name), directory: directory, defaults: defaults, memo: memo)
            diagnostics[name] = scenarioDiagnostics
            if let scenario, !scenarioDiagnostics.hasErrors { scenarios[name] = scenario }
        }
        return (scenarios, diagnostics)
    }

    /// The project-relative path of the scenario `name`.
    package static func path(of name: String) -> String {
        ProjectLayout.scenario(name)
    }

    /// What a scenario's load read: its file and data files (`nil` for one that was missing),
    /// and the project's defaults.
    private struct Reads: Equatable, Sendable {
        var currency: String
        var locale: String
        var files: [String: ExactText?]
        /// The images it read (its logo), by path; `nil` for one that could not be read.
        var images: [String: [UInt8]?] = [:]
    }

    /// Loads the scenario file at the project-relative `path` (its data files beside it).
    /// With a session in `memo`, loaded again only when a file it read, or the defaults,
    /// changed: its input is what the load read (a scenario names its data files), recorded as
    /// it reads.
    static func load(path: String, directory: ProjectDirectory, defaults: ScenarioDefaults,
                     memo: Memo = .none) -> (Scenario?, [Diagnostic]) {
        func text(_ path: String) -> ExactText? {
            if case .file(let file) = directory.read(path) { return ExactText(file.text) }
            return nil
        }
        func bytes(_ path: String) -> [UInt8]? {
            if case .bytes(let bytes) = directory.readBytes(path) { return bytes }
            return nil
        }
        if let previous = memo.previousInput(.scenario, path, as: Reads.self),
           previous.currency == defaults.currency, previous.locale == defaults.locale,
           previous.files.allSatisfy({ text($0.key) == $0.value }), previous.images.allSatisfy({ bytes($0.key) == $0.value }) {
            return memo.query(.scenario, path, input: previous) { (Scenario?.none, [Diagnostic]()) }.value
        }
        // Load through a reader that records every file read.
        var reads = Reads(currency: defaults.currency, locale: defaults.locale, files: [:])
        let result: (Scenario?, [Diagnostic])
        switch directory.read(path) {
        case .file(let file):
            reads.files[path] = ExactText(file.text)
            result = Scenario.load(file, defaults: defaults, readBytes: { imagePath in
                let read = imageFile(imagePath, in: directory)
                reads.images[imagePath] = .some(try? read.get())
                return read
            }, readFile: { dataPath in
                let read = dataFile(dataPath, in: directory)
                let text: ExactText? = (try? read.get()).map { ExactText($0.text) }
                reads.files[dataPath] = .some(text)
                return read
            })
        case .missing:
            reads.files[path] = .some(nil)
            result = (nil, [.noScenarioFile(path)])
        case .failed(let diagnostic):
            reads.files[path] = .some(nil)
            result = (nil, [diagnostic])
        }
        return memo.store(.scenario, path, input: reads, computed: result).value
    }

    /// Every scenario file of the project, by project-relative path, sorted.
    public static func all(projectRoot: URL) -> [String] {
        names(in: ProjectDirectory(root: projectRoot)).map { "\(folder)/\($0).yaml" }
    }

    /// The project-relative path of the scenario `argument` names, if the file exists. A path
    /// named inside the project stays a project path even when it is a link (it is then read
    /// under the project's rule, and refused if it leads outside); a file named outside the
    /// project is given by its real absolute path (links resolved).
    private static func resolve(_ argument: String, directory: ProjectDirectory, currentDirectory: URL) -> String? {
        let root = directory.boundary
        if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/") {
            let url = URL(fileURLWithPath: argument, relativeTo: currentDirectory).standardizedFileURL
            // The folder resolved, the file itself not: where the user named it.
            let named = ProjectDirectory.canonical(url.deletingLastPathComponent()) + "/" + url.lastPathComponent
            var info = stat()
            guard lstat(named, &info) == 0 else { return nil }
            if named.hasPrefix(root + "/") { return String(named.dropFirst(root.count + 1)) }
            return ProjectDirectory.realPath(named)
        }
        let path = "\(folder)/\(argument).yaml"
        return directory.exists(path) ? path : nil
    }
}

/// A scenario's files as they were read, before it is loaded: what a client of `playbook
/// report` keeps from the load stage until its report's job loads it (a loaded scenario takes
/// ~150 KB; the files of `bench/make-clients.py`'s clients, ~20 KB). Nothing is read again:
/// the data files are the ones read with the scenario file.
package struct ScenarioRead: Sendable {
    /// The scenario file; `nil` when it could not be read (see `problems`).
    package var file: SourceFile?
    /// The data files the scenario names (and the branding file beside it), by the path it gives, as read.
    package var dataFiles: [String: Result<SourceFile, Diagnostic>] = [:]
    /// The images it names (its report's logo), by path, as read.
    package var images: [String: Result<[UInt8], Diagnostic>] = [:]
    /// The project's currency and locale.
    package var defaults = ScenarioDefaults()
    /// Why the scenario file could not be read.
    package var problems: [Diagnostic] = []

    /// The scenario parsed, compiled and evaluated from the files read, with its diagnostics.
    package func load() -> (Scenario?, [Diagnostic]) {
        guard let file else { return (nil, problems) }
        // The loader names the same data files as when they were read: its input is the same.
        return Scenario.load(file, defaults: defaults, readBytes: { images[$0] ?? .failure(.missingScenarioData) },
                             readFile: { dataFiles[$0] ?? .failure(.missingScenarioData) })
    }
}
