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
        folder is replaced only when its report succeeds. Branding files \
        (<name>.report.yaml) given among the scenarios are left out: their scenarios read them. \
        With --shard i/n, only the i-th of n shares of the batch is made: the clients sorted by \
        name and dealt out in turn, so every client is in exactly one share whatever the order \
        the scenarios are given in.
        """
    )

    @Argument(help: ArgumentHelp("The scenarios: names in content/scenarios/ or paths.", valueName: "scenario"))
    var scenarios: [String]

    @OptionGroup var options: ProjectOptions

    @Option(help: ArgumentHelp("The report template: a folder in content/reports/ (default: business-case).", valueName: "name"))
    var template: String?

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder for the reports (default: build/reports/ in the project).", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("Make only the i-th of n shares of the batch (1 ≤ i ≤ n), such as 2/3: for running a batch as n jobs.", valueName: "i/n"))
    var shard: String?

    @Option(help: ArgumentHelp("An earlier run's reports folder, or one client's folder in it: list, client by client, the inputs and figures that changed since. A folder that holds no earlier report is refused and nothing is written.", valueName: "folder"))
    var compare: String?

    @Flag(name: .customLong("no-pdf"), help: "Make the reports without their PDF (which needs Chromium).")
    var noPDF = false

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("name at least one scenario, such as kestrel-mobile") }
        if let shard, case .failure(let problem) = ReportShard.parse(shard) { throw ValidationError(problem.message) }
    }

    func run() async throws {
        let sourceDate = try options.sourceDateOrExit()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL }
        // A branding file beside its scenario (a glob such as content/scenarios/*.yaml finds both) is not a client.
        let batch = scenarios.filter { !ReportOptions.isBrandingFile($0) }
        for skipped in scenarios where ReportOptions.isBrandingFile(skipped) {
            Terminal.writeError("note: \(skipped) left out: it is a report's branding, read with its scenario\n")
        }
        var clients = batch
        var shareLine: String?
        if let shard, case .success(let share) = ReportShard.parse(shard) {
            clients = share.select(batch)
            let total = Set(batch.map { ReportOptions.clientName(of: $0) }).count
            let mine = Set(clients.map { ReportOptions.clientName(of: $0) }).count
            shareLine = "Share \(share.index) of \(share.count): \(mine) of the \(total) client\(total == 1 ? "" : "s") given"
            if clients.isEmpty {
                print((shareLine ?? "") + "; nothing to make.")
                return
            }
        }
        guard !clients.isEmpty else {
            Terminal.writeError("no report was made: every file given is a report's branding, not a scenario\n")
            throw ExitCode.failure
        }
        let reportOptions = ReportOptions(projectRoot: options.root, scenarios: clients, currentDirectory: current,
                                          template: template, output: out.map(url), compare: compare.map(url), sourceDate: sourceDate,
                                          pdf: !noPDF)
        let started = ContinuousClock.now
        let total = clients.count
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
        var lines = (shareLine.map { [$0] } ?? []) + ["Made \(written.count) of \(outcomes.count) report\(outcomes.count == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"]
        for outcome in outcomes {
            if let folder = outcome.folder {
                let pdf = noPDF ? "" : ", \(outcome.name).pdf"
                lines.append("  \(outcome.name): \(Terminal.display(folder))/index.html\(pdf), \(outcome.name).epub, metrics.json, metrics.csv, metrics.xlsx")
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
