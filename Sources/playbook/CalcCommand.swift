import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookKit
import PlaybookLoad
import PlaybookRender
import PlaybookScenario

/// `playbook calc`: a scenario's figures in the terminal, as JSON or as CSV, or as a live
/// workbook (`--format xlsx --out FILE`).
struct CalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Compute a client scenario's figures.",
        discussion: """
        The scenario is a name in content/scenarios/ (kestrel-mobile) or a path to a YAML file. \
        Prints inputs, metrics, the risk-adjusted TEI summary (NPV, ROI, payback), the three cases, \
        sensitivity, objectives and attribution. Money in JSON and CSV is in the scenario's \
        currency, durations in seconds, percentages as fractions. With --format xlsx and --out, \
        writes a workbook whose Model sheet computes every metric with Excel formulas over the \
        Inputs sheet's named cells.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, xlsx
    }

    @Argument(help: ArgumentHelp("The scenario: a name in content/scenarios/ or a path.", valueName: "scenario"))
    var scenario: String

    @Option(name: .customLong("project"), help: ArgumentHelp("The project folder.", valueName: "folder"))
    var project: String = "."

    @Option(help: "Output format: table, json, csv or xlsx (xlsx needs --out).")
    var format: Format = .table

    @Option(help: ArgumentHelp("Where to write the output (needed for xlsx).", valueName: "file"))
    var out: String?

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
        if format == .xlsx, out == nil {
            throw ValidationError("--format xlsx writes a file: name it with --out FILE")
        }
        if format == .xlsx, scenarioCase != .expected || explain != nil {
            throw ValidationError("--format xlsx writes the expected case (and with --simulate, the simulation's values); leave out --case and --explain")
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
        if format == .xlsx, let out {
            let sourceDate = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) }
                .map { Timestamp(secondsSinceEpoch: $0) }
            do {
                let bytes = try ScenarioWorkbook.bytes(loaded, simulation: simulation, sourceDate: sourceDate)
                try Data(bytes).write(to: URL(fileURLWithPath: out, relativeTo: current))
            } catch {
                Terminal.printDiagnostics([.error(.writeFailed, "could not write the workbook '\(out)': \(error)", at: nil)])
                throw ExitCode.failure
            }
            timer.lap("report (xlsx)")
        } else {
            let report = CalcReport(scenario: loaded, scenarioCase: chosen, simulation: simulation)
            let text: String
            switch format {
            case .table: text = report.table
            case .json: text = report.figures.json
            case .csv, .xlsx: text = report.figures.csv
            }
            timer.lap("report (\(format.rawValue))")
            if let out {
                do {
                    try text.write(to: URL(fileURLWithPath: out, relativeTo: current), atomically: true, encoding: .utf8)
                } catch {
                    Terminal.printDiagnostics([.error(.writeFailed, "could not write '\(out)': \(error)", at: nil)])
                    throw ExitCode.failure
                }
            } else {
                print(text, terminator: "")
            }
        }
        if ProcessInfo.processInfo.environment["PLAYBOOK_TIMINGS"] != nil {
            Terminal.writeError(timer.timings.map(\.description).joined(separator: "\n") + "\n")
        }
    }
}
