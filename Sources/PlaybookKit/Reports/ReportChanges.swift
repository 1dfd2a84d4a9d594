import Foundation
import PlaybookCore
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
        /// The parsed `metrics.json`.
        case figures([String: JSONAny])
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
        var found: [String: (URL, Earlier)] = [:]
        if stat(folder.appendingPathComponent("metrics.json").path, &info) == 0 {
            // One client's folder.
            guard clients.count == 1, let client = clients.first else {
                return .failure(.error(.noEarlierRun, "--compare \(shown) is one client's report, and \(clients.count) scenarios were given", at: nil,
                                       hint: "to compare several clients, give the folder that holds their reports, such as build/reports/"))
            }
            found[client] = (folder, .figures([:]))
        } else {
            for client in clients {
                let clientFolder = folder.appendingPathComponent(client)
                if stat(clientFolder.appendingPathComponent("metrics.json").path, &info) == 0 {
                    found[client] = (clientFolder, .figures([:]))
                } else {
                    found[client] = (clientFolder, .missing("there is no earlier report: \(clientFolder.appendingPathComponent("metrics.json").path) does not exist"))
                }
            }
            guard found.values.contains(where: { if case .figures = $0.1 { return true } else { return false } }) else {
                return .failure(.noEarlierRun("--compare \(shown) holds no earlier report of \(clients.joined(separator: ", "))"))
            }
        }
        for (client, (clientFolder, earlier)) in found {
            guard case .figures = earlier else { continue }
            switch figures(in: clientFolder) {
            case .success(let figures): found[client] = (clientFolder, .figures(figures))
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(found)
    }

    /// Reads `metrics.json` in an earlier client folder.
    private static func figures(in folder: URL) -> Result<[String: JSONAny], Diagnostic> {
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
        guard let object = (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any] else {
            return .failure(.noEarlierRun("--compare: \(file) is not a report's figures file"))
        }
        return .success(object.mapValues(JSONAny.init))
    }

    /// Compares the earlier figures with the new `metrics.json` text of `scenario`.
    init(earlier: Earlier, current json: String, scenario: Scenario) {
        sections = []
        guard case .figures(let old) = earlier else {
            if case .missing(let reason) = earlier { problem = reason }
            return
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            problem = "the new figures could not be read"
            return
        }
        let new = object.mapValues(JSONAny.init)
        let formatter = scenario.formatter
        func money(_ value: Double) -> String { formatter.money(value, decimals: 0) }
        func percent(_ value: Double) -> String { formatter.format(value, .percent) }
        func signed(_ text: String, _ value: Double) -> String { value < 0 ? text : "+" + text }

        // Inputs and metrics: by name, with their own formatted text.
        func named(_ key: String, ranges: Bool) -> [Change] {
            let before = Dictionary((old[key]?.array ?? []).compactMap { item in item["name"]?.string.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
            let after = (new[key]?.array ?? []).compactMap { item in item["name"]?.string.map { ($0, item) } }
            var changes: [Change] = []
            for (name, item) in after {
                guard let earlier = before[name] else {
                    changes.append(Change(name: name, before: nil, after: item["formatted"]?.string))
                    continue
                }
                if !Self.same(earlier["value"]?.number, item["value"]?.number) {
                    changes.append(Change(name: name, before: earlier["formatted"]?.string, after: item["formatted"]?.string))
                }
                guard ranges, let unit = scenario.spec.inputs.first(where: { $0.name == name })?.value.unit else { continue }
                for end in ["low", "high"] where !Self.same(earlier[end]?.number, item[end]?.number) {
                    let text = { (value: Double?) in value.map { formatter.format($0, unit) } ?? "no range" }
                    changes.append(Change(name: "\(name) (\(end))", before: text(earlier[end]?.number), after: text(item[end]?.number)))
                }
            }
            let current = Set(after.map(\.0))
            for (name, item) in (old[key]?.array ?? []).compactMap({ item in item["name"]?.string.map { ($0, item) } }) where !current.contains(name) {
                changes.append(Change(name: name, before: item["formatted"]?.string, after: nil))
            }
            return changes
        }

        // Results: the risk-adjusted summary, its lines, the cases and the simulation.
        var results: [Change] = []
        func compare(_ name: String, _ path: [String], as kind: Kind, status: [String]? = nil) {
            let before = old.value(at: path)?.number, after = new.value(at: path)?.number
            // A payback without months is `immediate` or `not-within-horizon` (its status field).
            let beforeStatus = status.flatMap { old.value(at: $0)?.string }
            let afterStatus = status.flatMap { new.value(at: $0)?.string }
            guard !Self.same(before, after) || (before == nil && beforeStatus != afterStatus) else { return }
            let text: (Double?, String?) -> String? = { value, status in
                if let value { return kind == .money ? money(value) : (kind == .percent ? percent(value) : formatter.months(value)) }
                switch status {
                case "immediate": return formatter.payback(.immediate)
                case "not-within-horizon": return formatter.payback(.notWithinHorizon)
                default: return nil
                }
            }
            var difference: String?
            if let before, let after {
                let delta = after - before
                switch kind {
                case .money: difference = signed(money(delta), delta)
                case .percent: difference = signed(formatter.format(delta * 100, .number, decimals: 1) + " points", delta)
                case .months: difference = nil
                }
            }
            results.append(Change(name: name, before: text(before, beforeStatus) ?? "—", after: text(after, afterStatus) ?? "—",
                                  difference: difference))
        }
        let oldLines = old.value(at: ["summary", "lines"])?.array ?? []
        let newLines = new.value(at: ["summary", "lines"])?.array ?? []
        for line in newLines {
            guard let name = line["name"]?.string else { continue }
            let label = scenario.spec.lines.first { $0.name == name }?.label ?? name
            let earlier = oldLines.first { $0["name"]?.string == name }
            let before = earlier?["present_value"]?.number, after = line["present_value"]?.number
            if !Self.same(before, after) {
                results.append(Change(name: "\(label) (present value)", before: before.map(money), after: after.map(money),
                                      difference: before.flatMap { b in after.map { signed(money($0 - b), $0 - b) } }))
            }
        }
        for line in oldLines {
            guard let name = line["name"]?.string, !newLines.contains(where: { $0["name"]?.string == name }) else { continue }
            results.append(Change(name: "\(name) (present value)", before: line["present_value"]?.number.map(money), after: nil))
        }
        compare("Present value of benefits", ["summary", "benefits", "present_value"], as: .money)
        compare("Present value of costs", ["summary", "costs", "present_value"], as: .money)
        compare("NPV", ["summary", "npv"], as: .money)
        compare("ROI", ["summary", "roi"], as: .percent)
        compare("IRR", ["summary", "irr"], as: .percent)
        compare("Payback", ["summary", "payback_months"], as: .months, status: ["summary", "payback"])
        compare("Discounted payback", ["summary", "discounted_payback_months"], as: .months,
                status: ["summary", "discounted_payback"])
        for scenarioCase in ["low", "high"] {
            compare("NPV, \(scenarioCase) case", ["cases", scenarioCase, "npv"], as: .money)
            compare("ROI, \(scenarioCase) case", ["cases", scenarioCase, "roi"], as: .percent)
        }
        for percentile in ["p10", "p50", "p90"] {
            compare("NPV \(percentile.uppercased()) (simulation)", ["simulation", "npv", percentile], as: .money)
        }
        compare("Probability that ROI > 0", ["simulation", "probability_roi_positive"], as: .percent)
        compare("Return on Objectives", ["return_on_objectives"], as: .percent)
        sections = [("Inputs", named("inputs", ranges: true)), ("Metrics", named("metrics", ranges: false)), ("Results", results)]
    }

    private enum Kind { case money, percent, months }

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

/// A JSON value as `JSONSerialization` reads it, made `Sendable`.
public enum JSONAny: Sendable {
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONAny])
    /// An object.
    case object([String: JSONAny])
    /// `null`, or a value of no other kind.
    case null

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(JSONAny.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONAny.init))
        default: self = .null
        }
    }

    var number: Double? { if case .number(let value) = self { return value } else { return nil } }
    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    var array: [JSONAny]? { if case .array(let value) = self { return value } else { return nil } }
    subscript(key: String) -> JSONAny? { if case .object(let value) = self { return value[key] } else { return nil } }
}

extension Dictionary where Key == String, Value == JSONAny {
    func value(at path: [String]) -> JSONAny? {
        guard let first = path.first else { return nil }
        return path.dropFirst().reduce(self[first]) { $0?[$1] }
    }
}
