import Foundation
import PlaybookCore
import PlaybookScenario

/// Finds and loads client scenarios in a project: `content/scenarios/<name>.yaml`, or any
/// scenario file named by path. The project's `playbook.yaml` supplies the default currency
/// and locale.
public enum ScenarioFiles {
    /// The folder scenarios live in.
    public static let folder = "content/scenarios"

    /// Loads the scenario `argument` names: a path to a `.yaml` file (relative to
    /// `currentDirectory`), or a name such as `kestrel-mobile` in `content/scenarios/`.
    /// `defaults` are the project's currency and locale, read from `playbook.yaml` when not given.
    public static func load(_ argument: String, projectRoot: URL, currentDirectory: URL,
                            defaults given: ScenarioDefaults? = nil) -> (Scenario?, [Diagnostic]) {
        let directory = ProjectDirectory(root: projectRoot)
        guard let path = resolve(argument, directory: directory, currentDirectory: currentDirectory) else {
            let names = Self.names(in: directory)
            return (nil, [.error("no-scenario", "there is no scenario '\(argument)'", at: nil,
                                 hint: NearestName.hint(for: argument, among: names)
                                    ?? (names.isEmpty ? "scenarios are YAML files in \(folder)/" : "the scenarios are: " + names.joined(separator: ", ")))])
        }
        // playbook.yaml's own mistakes are `playbook check`'s to report; only valid defaults are taken.
        var defaults = given ?? ScenarioDefaults()
        if given == nil, case .file(let settingsFile) = directory.read("playbook.yaml"), let settings = SeriesSettingsLoader.load(settingsFile).0 {
            defaults = Self.defaults(for: settings)
        }
        return load(path: path, directory: directory, defaults: defaults)
    }

    /// The currency and locale a project gives its scenarios.
    static func defaults(for settings: SeriesSettings) -> ScenarioDefaults {
        var defaults = ScenarioDefaults()
        if Currency.isCode(settings.currency) { defaults.currency = settings.currency }
        if LanguageTag.isValid(settings.locale) { defaults.locale = settings.locale }
        return defaults
    }

    /// Loads the scenario file at the project-relative `path` (its data files beside it).
    static func load(path: String, directory: ProjectDirectory, defaults: ScenarioDefaults) -> (Scenario?, [Diagnostic]) {
        let file: SourceFile
        switch directory.read(path) {
        case .file(let read): file = read
        case .missing: return (nil, [.error("no-scenario", "there is no file \(path)", at: nil)])
        case .failed(let diagnostic): return (nil, [diagnostic])
        }
        return Scenario.load(file, defaults: defaults) { path in
            switch directory.read(path) {
            case .file(let read): return .success(read)
            case .missing: return .failure(.error("missing-file", "there is no such file", at: nil))
            case .failed(let diagnostic): return .failure(diagnostic)
            }
        }
    }

    /// The names of a project's scenarios: its `content/scenarios/*.yaml` files without `.yaml`, sorted.
    static func names(in directory: ProjectDirectory) -> [String] {
        directory.list(folder).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The scenarios `names` (from ``names(in:)``), with the diagnostics of all of them. A
    /// scenario with errors is left out.
    static func loadAll(_ names: [String], directory: ProjectDirectory, settings: SeriesSettings) -> ([String: Scenario], [Diagnostic]) {
        let defaults = defaults(for: settings)
        var scenarios: [String: Scenario] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names {
            let (scenario, scenarioDiagnostics) = load(path: "\(folder)/\(name).yaml", directory: directory, defaults: defaults)
            diagnostics += scenarioDiagnostics
            if let scenario, !scenarioDiagnostics.hasErrors { scenarios[name] = scenario }
        }
        return (scenarios, diagnostics)
    }

    /// Every scenario file of the project, by project-relative path, sorted.
    public static func all(projectRoot: URL) -> [String] {
        names(in: ProjectDirectory(root: projectRoot)).map { "\(folder)/\($0).yaml" }
    }

    /// The project-relative path of the scenario `argument` names, if the file exists. Files
    /// outside the project are named by their absolute path.
    private static func resolve(_ argument: String, directory: ProjectDirectory, currentDirectory: URL) -> String? {
        let root = OutputFolder.canonical(directory.root)
        if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") || argument.contains("/") {
            let url = URL(fileURLWithPath: argument, relativeTo: currentDirectory).standardizedFileURL
            let full = OutputFolder.canonical(url)
            guard FileManager.default.fileExists(atPath: full) else { return nil }
            return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
        }
        let path = "\(folder)/\(argument).yaml"
        return directory.exists(path) ? path : nil
    }
}
