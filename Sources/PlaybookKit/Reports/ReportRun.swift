import Foundation
import PlaybookCore
import PlaybookScenario

/// What `playbook report` should do.
public struct ReportOptions: Sendable {
    /// The project folder.
    public var projectRoot: URL
    /// The scenarios: names in `content/scenarios/` or paths to YAML files.
    public var scenarios: [String]
    /// The folder paths are relative to.
    public var currentDirectory: URL
    /// The report template (a folder in `content/reports/`); `nil` for `playbook.yaml`'s
    /// `report_template`, by default `business-case`.
    public var template: String?
    /// The folder that receives one folder per client (`build/reports/` by default).
    public var output: URL
    /// An earlier run's output folder, to list what changed since.
    public var compare: URL?
    /// `SOURCE_DATE_EPOCH`.
    public var sourceDate: Timestamp?
    /// Whether each report is also printed to `<client>.pdf` (with Chromium). Off by default;
    /// `playbook report` turns it on unless given `--no-pdf`.
    public var pdf: Bool

    /// Creates options.
    public init(projectRoot: URL, scenarios: [String], currentDirectory: URL, template: String? = nil, output: URL? = nil,
                compare: URL? = nil, sourceDate: Timestamp? = nil, pdf: Bool = false) {
        self.projectRoot = projectRoot
        self.scenarios = scenarios
        self.currentDirectory = currentDirectory
        self.template = template
        self.output = output ?? projectRoot.appendingPathComponent("build").appendingPathComponent("reports")
        self.compare = compare
        self.sourceDate = sourceDate
        self.pdf = pdf
    }
}

/// One client's report, made or not.
public struct ReportOutcome: Sendable {
    /// The scenario as given on the command line.
    public var argument: String
    /// The client's folder name: the scenario file's name without `.yaml`.
    public var name: String
    /// Where the report was written; `nil` when it failed.
    public var folder: URL?
    /// The scenario's and its report's diagnostics.
    public var diagnostics: [Diagnostic]
    /// What changed since the compared run, when one was asked for.
    public var changes: ReportChanges?
    /// The earlier client folder the report was compared with.
    public var comparedWith: URL?

    /// Whether the report was written.
    public var succeeded: Bool { folder != nil }
}

extension ReportOptions {
    /// Whether `argument` names a client's branding file (`<scenario-name>.report.yaml`), which
    /// its scenario reads: not a scenario, so a batch given as `content/scenarios/*.yaml`
    /// leaves it out.
    public static func isBrandingFile(_ argument: String) -> Bool {
        argument.hasSuffix(".report.yaml")
    }

    /// The client folder a scenario argument gets: the file's name without `.yaml`.
    public static func clientName(of argument: String) -> String {
        ReportOutcome.name(of: argument)
    }
}

extension ReportOutcome {
    /// The folder name a scenario argument gets: the file's name without `.yaml`.
    static func name(of argument: String) -> String {
        var name = argument.split(separator: "/").last.map(String.init) ?? argument
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }
}

/// Counts finished reports across tasks.
///
/// `@unchecked Sendable`: the count is only touched while holding `lock`.
final class ReportCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more and returns the count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
