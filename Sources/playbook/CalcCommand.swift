import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookKit
import PlaybookLoad
import PlaybookScenario

/// `playbook calc`: a scenario's figures in the terminal, as JSON or as CSV.
struct CalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute a client scenario's figures.",
        discussion: """
        The scenario is a name in content/scenarios/ (kestrel-mobile) or a path to a YAML file. \
        Prints inputs, metrics, the risk-adjusted TEI summary (NPV, ROI, payback), the three cases, \
        sensitivity, objectives and attribution. Money in JSON and CSV is in the scenario's \
        currency, durations in seconds, percentages as fractions.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: ArgumentHelp("The scenario: a name in content/scenarios/ or a path.", valueName: "scenario"))
    var scenario: String

    @Option(name: .customLong("project"), help: ArgumentHelp("The project folder.", valueName: "folder"))
    var project: String = "."

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Print how a metric is derived, with the numbers substituted.", valueName: "metric"))
    var explain: String?

    @Option(name: .customLong("case"), help: "The case: low, expected or high.")
    var scenarioCase: CaseOption = .expected

    @Option(help: ArgumentHelp("Run a Monte Carlo simulation with this many draws.", valueName: "n"))
    var simulate: Int?

    @Option(help: ArgumentHelp("The simulation's random seed (the same seed gives the same result).", valueName: "s"))
    var seed: UInt64 = 1

    enum CaseOption: String, ExpressibleByArgument, CaseIterable {
        case low, expected, high
    }

    func validate() throws {
        if let simulate, simulate < 1 || simulate > 10_000_000 {
            throw ValidationError("--simulate takes a number of draws from 1 to 10,000,000")
        }
    }

    func run() async throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: project, relativeTo: current).standardizedFileURL
        let (loaded, diagnostics) = ScenarioFiles.load(scenario, projectRoot: root, currentDirectory: current)
        Terminal.printDiagnostics(diagnostics)
        guard let loaded, !diagnostics.hasErrors else { throw ExitCode.failure }
        let chosen = ScenarioCase(rawValue: scenarioCase.rawValue) ?? .expected
        if let explain {
            guard let explanation = loaded.explain(explain, in: chosen) else {
                let names = loaded.spec.metrics.map(\.name) + loaded.spec.inputs.map(\.name)
                Terminal.printDiagnostics([.error(.unknownName, "there is no metric or input '\(explain)' in \(loaded.spec.file.path)", at: nil,
                                                  hint: NearestName.hint(for: explain, among: names))])
                throw ExitCode.failure
            }
            print(explanation.text, terminator: "")
            return
        }
        var timer = PhaseTimer(after: loaded.timings)
        var simulation: SimulationResult?
        if let simulate {
            simulation = await loaded.simulate(iterations: simulate, seed: seed)
            timer.lap("simulate (\(simulate) draws)")
        }
        let report = CalcReport(scenario: loaded, scenarioCase: chosen, simulation: simulation)
        let text: String
        switch format {
        case .table: text = report.table
        case .json: text = report.figures.json
        case .csv: text = report.figures.csv
        }
        timer.lap("report (\(format.rawValue))")
        print(text, terminator: "")
        if ProcessInfo.processInfo.environment["PLAYBOOK_TIMINGS"] != nil {
            Terminal.writeError(timer.timings.map(\.description).joined(separator: "\n") + "\n")
        }
    }
}
