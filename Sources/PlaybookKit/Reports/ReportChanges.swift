import Foundation
import PlaybookCore
import PlaybookFinance
import PlaybookScenario
import PlaybookFiles

/// What changed in a client's figures since an earlier report: input by input, metric by
/// metric, and in the results (each cost and benefit line, NPV, ROI, payback, the cases and the
/// simulation). It compares the earlier `metrics.json` with the new one.
public struct ReportChanges: Sendable {
    /// One changed figure.
    public struct Change: Sendable, Equatable {
        /// The figure's name (`handle_time`, `NPV`, `Contact shift (present value)`).
        public var name: String
        /// Before, formatted; `nil` when the figure is new.
        public var before: String?
        /// After, formatted; `nil` when the figure is gone.
        public var after: String?
        /// The difference, for money and percentages (`+$47,918`, `+3.5 points`).
        public var difference: String?
    }

    /// The earlier figures, or why there are none.
    public enum Earlier: Sendable {
        /// The figures of the earlier `metrics.json`.
        case figures(ScenarioFigures)
        /// No usable earlier file; the reason.
        case missing(String)
    }

    /// Sections in order (Inputs, Metrics, Results), each with its changes.
    public var sections: [(title: String, changes: [Change])]
    /// Why nothing could be compared, if so.
    public var problem: String?

    /// Whether nothing changed (and the comparison could be made).
    public var isEmpty: Bool { problem == nil && sections.allSatisfy { $0.changes.isEmpty } }

    /// The earlier runs `--compare` names, client by client: the client folder each was read
    /// from and its figures. `folder` is either an earlier run's reports folder (one folder per
    /// client) or one client's folder (it holds `metrics.json`; then only one client may be
    /// reported). A folder that does not exist, that holds no earlier report of any of
    /// `clients`, or whose figures cannot be read is refused: the reports are then not made,
    /// so the baseline the user wanted is never replaced.
    public static func earlierRuns(in folder: URL, clients: [String]) -> Result<[String: (URL, Earlier)], Diagnostic> {
        let shown = folder.path
        var info = stat()
        guard stat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            return .failure(.noEarlierRun("--compare \(shown): there is no such folder"))
        }
        // Each client's folder, and whether it holds a figures file to read.
        var folders: [String: (URL, missing: String?)] = [:]
        if stat(folder.appendingPathComponent("metrics.json").path, &info) == 0 {
            // One client's folder.
            guard clients.count == 1, let client = clients.first else {
                return .failure(.error(.noEarlierRun, "--compare \(shown) is one client's report, and \(clients.count) scenarios were given", at: nil,
                                       hint: "to compare several clients, give the folder that holds their reports, such as build/reports/"))
            }
            folders[client] = (folder, nil)
        } else {
            for client in clients {
                let clientFolder = folder.appendingPathComponent(client)
                if stat(clientFolder.appendingPathComponent("metrics.json").path, &info) == 0 {
                    folders[client] = (clientFolder, nil)
                } else {
                    folders[client] = (clientFolder, "there is no earlier report: \(clientFolder.appendingPathComponent("metrics.json").path) does not exist")
                }
            }
            guard folders.values.contains(where: { $0.missing == nil }) else {
                return .failure(.noEarlierRun("--compare \(shown) holds no earlier report of \(clients.joined(separator: ", "))"))
            }
        }
        var found: [String: (URL, Earlier)] = [:]
        for (client, (clientFolder, missing)) in folders {
            if let missing {
                found[client] = (clientFolder, .missing(missing))
                continue
            }
            switch figures(in: clientFolder) {
            case .success(let figures): found[client] = (clientFolder, .figures(figures))
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(found)
    }

    /// Reads `metrics.json` in an earlier client folder.
    private static func figures(in folder: URL) -> Result<ScenarioFigures, Diagnostic> {
        let file = folder.appendingPathComponent("metrics.json").path
        let data: [UInt8]
        switch RegularFile.read(file) {
        case .success(let bytes): data = bytes
        case .failure(let refusal):
            let reason: String
            switch refusal {
            case .missing: reason = "it does not exist"
            case .folder: reason = "it is a folder"
            case .special(let kind): reason = "it is \(kind)"
            case .tooLarge: reason = "it is larger than \(RegularFile.sizeLimitText)"
            case .unreadable(let message): reason = message
            }
            return .failure(.noEarlierRun("--compare: \(file) cannot be read: \(reason)"))
        }
        guard let figures = ScenarioFigures(json: data) else {
            return .failure(.noEarlierRun("--compare: \(file) is not a report's figures file"))
        }
        return .success(figures)
    }

    /// Compares the earlier figures with the new `metrics.json` text of `scenario`: both are
    /// read the same way, so a figure compares as each file holds it.
    init(earlier: Earlier, current json: String, scenario: Scenario) {
        sections = []
        guard case .figures(let old) = earlier else {
            if case .missing(let reason) = earlier { problem = reason }
            return
        }
        guard let new = ScenarioFigures(json: Array(json.utf8)) else {
            problem = "the new figures could not be read"
            return
        }
        let formatter = scenario.formatter
        func money(_ value: Double) -> String { formatter.money(value, decimals: 0) }
        func percent(_ value: Double) -> String { formatter.format(value, .percent) }
        func signed(_ text: String, _ value: Double) -> String { value < 0 ? text : "+" + text }

        // Inputs and metrics: by name, with their own formatted text.
        func named(_ old: [NamedFigure], _ new: [NamedFigure], ranges: Bool) -> [Change] {
            let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var changes: [Change] = []
            for item in new {
                guard let earlier = before[item.name] else {
                    changes.append(Change(name: item.name, before: nil, after: item.formatted))
                    continue
                }
                if !Self.same(earlier.value, item.value) {
                    changes.append(Change(name: item.name, before: earlier.formatted, after: item.formatted))
                }
                guard ranges, let unit = scenario.spec.inputs.first(where: { $0.name == item.name })?.value.unit else { continue }
                for (end, was, now) in [("low", earlier.low, item.low), ("high", earlier.high, item.high)] where !Self.same(was, now) {
                    let text = { (value: Double?) in value.map { formatter.format($0, unit) } ?? "no range" }
                    changes.append(Change(name: "\(item.name) (\(end))", before: text(was), after: text(now)))
                }
            }
            let current = Set(new.map(\.name))
            for item in old where !current.contains(item.name) {
                changes.append(Change(name: item.name, before: item.formatted, after: nil))
            }
            return changes
        }

        // Results: the risk-adjusted summary, its lines, the cases and the simulation.
        var results: [Change] = []
        func compare(_ name: String, _ before: Double?, _ after: Double?, as kind: Kind) {
            guard !Self.same(before, after) else { return }
            let text = { (value: Double?) in value.map { kind == .money ? money($0) : percent($0) } ?? "—" }
            var difference: String?
            if let before, let after {
                let delta = after - before
                switch kind {
                case .money: difference = signed(money(delta), delta)
                case .percent: difference = signed(formatter.format(delta * 100, .number, decimals: 1) + " points", delta)
                }
            }
            results.append(Change(name: name, before: text(before), after: text(after), difference: difference))
        }
        // A payback is months, `immediate` or `not within the horizon`; a file written before
        // that was told apart has months or nothing.
        func compare(_ name: String, _ before: PaybackPeriod?, _ after: PaybackPeriod?) {
            guard !Self.same(before?.months, after?.months) || (before?.months == nil && before != after) else { return }
            results.append(Change(name: name, before: before.map(formatter.payback) ?? "—", after: after.map(formatter.payback) ?? "—"))
        }
        let oldLines = old.summary?.lines ?? []
        let newLines = new.summary?.lines ?? []
        for line in newLines {
            let label = scenario.spec.lines.first { $0.name == line.name }?.label ?? line.name
            let before = oldLines.first { $0.name == line.name }?.presentValue, after = line.presentValue
            if !Self.same(before, after) {
                results.append(Change(name: "\(label) (present value)", before: before.map(money), after: after.map(money),
                                      difference: before.flatMap { b in after.map { signed(money($0 - b), $0 - b) } }))
            }
        }
        for line in oldLines where !newLines.contains(where: { $0.name == line.name }) {
            results.append(Change(name: "\(line.name) (present value)", before: line.presentValue.map(money), after: nil))
        }
        compare("Present value of benefits", old.summary?.benefits?.presentValue, new.summary?.benefits?.presentValue, as: .money)
        compare("Present value of costs", old.summary?.costs?.presentValue, new.summary?.costs?.presentValue, as: .money)
        compare("NPV", old.summary?.npv, new.summary?.npv, as: .money)
        compare("ROI", old.summary?.roi, new.summary?.roi, as: .percent)
        compare("IRR", old.summary?.irr, new.summary?.irr, as: .percent)
        compare("Payback", old.summary?.payback, new.summary?.payback)
        compare("Discounted payback", old.summary?.discountedPayback, new.summary?.discountedPayback)
        for scenarioCase in [ScenarioCase.low, .high] {
            compare("NPV, \(scenarioCase.rawValue) case", old.cases[scenarioCase]?.npv, new.cases[scenarioCase]?.npv, as: .money)
            compare("ROI, \(scenarioCase.rawValue) case", old.cases[scenarioCase]?.roi, new.cases[scenarioCase]?.roi, as: .percent)
        }
        for (percentile, value) in [("p10", \ScenarioFigures.Percentiles.p10), ("p50", \.p50), ("p90", \.p90)] {
            compare("NPV \(percentile.uppercased()) (simulation)", old.simulation?.npv?[keyPath: value], new.simulation?.npv?[keyPath: value], as: .money)
        }
        compare("Probability that ROI > 0", old.simulation?.probabilityROIPositive, new.simulation?.probabilityROIPositive, as: .percent)
        compare("Return on Objectives", old.returnOnObjectives, new.returnOnObjectives, as: .percent)
        sections = [("Inputs", named(old.inputs.map(NamedFigure.init), new.inputs.map(NamedFigure.init), ranges: true)),
                    ("Metrics", named(old.metrics.map(NamedFigure.init), new.metrics.map(NamedFigure.init), ranges: false)),
                    ("Results", results)]
    }

    /// An input or a metric, as the comparison reads it.
    private struct NamedFigure {
        var name: String
        var value: Double?
        var formatted: String?
        var low: Double?
        var high: Double?

        init(_ input: ScenarioFigures.Input) {
            (name, value, formatted, low, high) = (input.name, input.value, input.formatted, input.low, input.high)
        }

        init(_ metric: ScenarioFigures.Metric) {
            (name, value, formatted) = (metric.name, metric.value, metric.formatted)
        }
    }

    private enum Kind { case money, percent }

    private static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        default: return false
        }
    }

    /// The changes as the terminal shows them, under a line naming the client.
    public func text(name: String, since folder: String) -> String {
        if let problem { return "\(name): nothing to compare: \(problem)\n" }
        let inputs = sections.first?.changes.count ?? 0
        let figures = sections.dropFirst().reduce(0) { $0 + $1.changes.count }
        guard inputs + figures > 0 else { return "\(name): no figure changed since \(folder)\n" }
        var out = "\(name): \(inputs) input\(inputs == 1 ? "" : "s") and \(figures) figure\(figures == 1 ? "" : "s") changed since \(folder)\n"
        let width = sections.flatMap(\.changes).map(\.name.count).max() ?? 0
        for (title, changes) in sections where !changes.isEmpty {
            out += "  \(title)\n"
            for change in changes {
                let padded = change.name.padding(toLength: width, withPad: " ", startingAt: 0)
                var line = "    \(padded)  \(change.before ?? "(new)") → \(change.after ?? "(removed)")"
                if let difference = change.difference { line += "  (\(difference))" }
                out += line + "\n"
            }
        }
        return out
    }
}
