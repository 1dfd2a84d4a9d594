import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookKit

/// `playbook report`: one client report per scenario.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make client ROI reports from scenarios.",
        discussion: """
        For each scenario (a name in content/scenarios/ or a path to a YAML file), writes \
        <out>/<name>/: index.html (one printable page, self-contained), <name>.pdf (that page \
        printed by headless Chromium; --no-pdf leaves it out), <name>.epub, and the figures as \
        metrics.json and metrics.csv (those of 'playbook calc --simulate 10000'). The \
        reports are made in parallel; a scenario with mistakes is reported and the others are \
        still made. The exit status is 0 only when every report was written. Each client's \
        folder is replaced only when its report succeeds.
        """
    )

    @Argument(help: ArgumentHelp("The scenarios: names in content/scenarios/ or paths.", valueName: "scenario"))
    var scenarios: [String]

    @OptionGroup var options: ProjectOptions

    @Option(help: ArgumentHelp("The report template: a folder in content/reports/ (default: business-case).", valueName: "name"))
    var template: String?

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder for the reports (default: build/reports/ in the project).", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("An earlier run's reports folder, or one client's folder in it: list, client by client, the inputs and figures that changed since. A folder that holds no earlier report is refused and nothing is written.", valueName: "folder"))
    var compare: String?

    @Flag(name: .customLong("no-pdf"), help: "Make the reports without their PDF (which needs Chromium).")
    var noPDF = false

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("name at least one scenario, such as kestrel-mobile") }
    }

    func run() async throws {
        let sourceDate = try options.sourceDateOrExit()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL }
        let reportOptions = ReportOptions(projectRoot: options.root, scenarios: scenarios, currentDirectory: current,
                                          template: template, output: out.map(url), compare: compare.map(url), sourceDate: sourceDate,
                                          pdf: !noPDF)
        let started = ContinuousClock.now
        let total = scenarios.count
        let (setup, outcomes) = await BuildPipeline.run(reportOptions) { done, outcome in
            Terminal.progress(done, total, outcome.succeeded ? outcome.name : "\(outcome.name) failed")
        }
        Terminal.printDiagnostics(setup)
        guard !outcomes.isEmpty else {
            Terminal.writeError("no report was made\n")
            throw ExitCode.failure
        }
        Terminal.printDiagnostics(outcomes.flatMap(\.diagnostics))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let written = outcomes.filter(\.succeeded)
        var lines = ["Made \(written.count) of \(outcomes.count) report\(outcomes.count == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"]
        for outcome in outcomes {
            if let folder = outcome.folder {
                let pdf = noPDF ? "" : ", \(outcome.name).pdf"
                lines.append("  \(outcome.name): \(Terminal.display(folder))/index.html\(pdf), \(outcome.name).epub, metrics.json, metrics.csv")
            } else {
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                lines.append("  \(outcome.name): failed (\(errors) error\(errors == 1 ? "" : "s") above)")
            }
        }
        print(lines.joined(separator: "\n"))
        for outcome in outcomes {
            guard let changes = outcome.changes, let earlier = outcome.comparedWith else { continue }
            print("")
            print(changes.text(name: outcome.name, since: Terminal.display(earlier)), terminator: "")
        }
        if written.count < outcomes.count { throw ExitCode.failure }
    }
}
