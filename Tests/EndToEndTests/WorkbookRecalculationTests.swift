import Foundation
import Testing

/// The workbook check of issue 18: a real spreadsheet engine (LibreOffice, through
/// scripts/recalc.py) recalculates the workbook `playbook` writes, and every figure it finds
/// must equal `playbook calc --format json`: to the cent for money, to 1e-9 relative for the
/// rest.
///
/// The workbook shows its figures through defined names (the contract with the writer):
///
/// | defined name | holds | calc JSON |
/// | --- | --- | --- |
/// | `<input>` | an input, in the unit the scenario wrote it (0.7 for 70%) | `inputs[].value` |
/// | `<metric>` | a metric, in the unit calc writes it | `metrics[].value` |
/// | `discount_rate`, `horizon_years` | the scenario's own values (checked when present) | top level |
/// | `line.<line>.pv` | a cost or benefit line's present value, risk-adjusted | `summary.lines[].present_value` (each line rounded to whole currency units, as the report shows it) |
/// | `line.<line>.total`, `line.<line>.y<k>` | its total and its amount in period k (0: initial), risk-adjusted (checked when present) | `.total`, `.periods[k]` |
/// | `costs.pv`, `benefits.pv`, `net.pv`, `….total`, `….y<k>` | the totals rows (checked when present) | `.costs`, `.benefits`, `.net` |
/// | `result.npv`, `result.roi`, `result.irr` | NPV, ROI, IRR | `.npv`, `.roi`, `.irr` |
/// | `result.payback_months`, `result.discounted_payback_months` | payback in months | `.payback_months`, `.discounted_payback_months` |
///
/// Names with a period cannot clash with a scenario's names (letters, digits and underscores),
/// and Excel and LibreOffice both accept them. A figure calc leaves `null` (an IRR that does
/// not exist, a payback that is `immediate` or `not-within-horizon`) must not be a number in
/// the workbook (text such as "never" is fine: it is not in `workbook`).
enum WorkbookCheck {
    /// Money may differ by at most half a cent.
    static let moneyTolerance = 0.005
    /// Anything else by at most 1e-9 of its size…
    static let relativeTolerance = 1e-9
    /// …or 1e-12, for figures at or near zero.
    static let absoluteTolerance = 1e-12

    /// The prefixes of the names this check owns: a name under one of them that calc has no
    /// figure for is a mistake.
    static let ownedPrefixes = ["line.", "costs.", "benefits.", "net.", "result."]

    /// Every difference between calc's figures (`calc --format json`, parsed) and a workbook's
    /// (its defined names and their recalculated numbers), one line each; empty when they agree.
    static func compare(calc: [String: Any], workbook: [String: Double]) -> [String] {
        var mismatches: [String] = []
        var owned = Set<String>()
        let currency = calc["currency"] as? String ?? ""

        /// Checks one figure. `required`: the workbook must have it; otherwise it is checked
        /// only when the workbook has it.
        func check(_ key: String, _ value: Any?, money: Bool, required: Bool) {
            if ownedPrefixes.contains(where: key.hasPrefix) { owned.insert(key) }
            let seen = workbook[key]
            guard let expected = number(value) else {
                if let seen { mismatches.append("\(key): playbook calc has no value, the workbook \(seen)") }
                return
            }
            guard let seen else {
                if required { mismatches.append("\(key): missing from the workbook (playbook calc: \(expected))") }
                return
            }
            guard seen.isFinite else {
                mismatches.append("\(key): playbook calc \(expected), the workbook \(seen) (not a finite number)")
                return
            }
            let difference = abs(seen - expected)
            let allowed = money ? moneyTolerance : max(relativeTolerance * max(abs(seen), abs(expected)), absoluteTolerance)
            if !(difference <= allowed) {
                mismatches.append("\(key): playbook calc \(expected), the workbook \(seen) (difference \(difference), allowed \(allowed))")
            }
        }

        guard let inputs = calc["inputs"] as? [[String: Any]], let metrics = calc["metrics"] as? [[String: Any]] else {
            return ["playbook calc printed no inputs or metrics"]
        }
        for input in inputs {
            guard let name = input["name"] as? String else { continue }
            check(name, input["value"], money: input["unit"] as? String == currency, required: true)
        }
        check("discount_rate", calc["discount_rate"], money: false, required: false)
        check("horizon_years", calc["horizon_years"], money: false, required: false)
        for metric in metrics {
            guard let name = metric["name"] as? String else { continue }
            check(name, metric["value"], money: metric["unit"] as? String == currency, required: true)
        }

        guard let summary = (calc["summary"] ?? calc["summary_full_precision"]) as? [String: Any],
              let lines = summary["lines"] as? [[String: Any]], !lines.isEmpty else {
            return mismatches + ["playbook calc printed no summary with cost and benefit lines"]
        }
        func row(_ prefix: String, _ row: [String: Any], pvRequired: Bool) {
            check(prefix + ".pv", row["present_value"], money: true, required: pvRequired)
            check(prefix + ".total", row["total"], money: true, required: false)
            for (period, amount) in ((row["periods"] as? [Any]) ?? []).enumerated() {
                check(prefix + ".y\(period)", amount, money: true, required: false)
            }
        }
        for line in lines {
            guard let name = line["name"] as? String else { continue }
            row("line.\(name)", line, pvRequired: true)
        }
        for total in ["costs", "benefits", "net"] {
            if let totals = summary[total] as? [String: Any] { row(total, totals, pvRequired: false) }
        }
        check("result.npv", summary["npv"], money: true, required: true)
        check("result.roi", summary["roi"], money: false, required: true)
        check("result.irr", summary["irr"], money: false, required: true)
        check("result.payback_months", summary["payback_months"], money: false, required: true)
        check("result.discounted_payback_months", summary["discounted_payback_months"], money: false, required: true)

        for key in workbook.keys.sorted() where ownedPrefixes.contains(where: key.hasPrefix) && !owned.contains(key) {
            mismatches.append("\(key): in the workbook, but playbook calc has no such figure")
        }
        return mismatches
    }

    /// A JSON number as a Double (`nil` for null, text or nothing).
    static func number(_ value: Any?) -> Double? {
        switch value {
        case let double as Double: return double
        case let int as Int: return Double(int)
        case let number as NSNumber: return number.doubleValue
        default: return nil
        }
    }

    /// The numbers among the defined names recalc.py printed (`names`): what `compare` takes.
    static func workbookNumbers(_ recalc: [String: Any]) -> [String: Double] {
        var numbers: [String: Double] = [:]
        for (name, value) in (recalc["names"] as? [String: Any]) ?? [:] {
            if !(value is String), let number = number(value) { numbers[name] = number }
        }
        return numbers
    }

    /// The names `playbook` gives its workbook's figures, as this check names them: the Cash
    /// flows sheet's `tei_npv` … become `result.npv` …, `tei_pv_costs`/`tei_pv_benefits`
    /// become `costs.pv`/`benefits.pv`, a line's `pv_<kind>_<line>` becomes `line.<line>.pv`,
    /// and an input or metric whose name Excel would read as a cell (`fte2`), written with a
    /// leading `_`, gets its own name back. Every other name stays as it is.
    static func checkNames(_ numbers: [String: Double]) -> [String: Double] {
        let results = ["tei_npv": "result.npv", "tei_roi": "result.roi", "tei_irr": "result.irr",
                       "tei_payback_months": "result.payback_months",
                       "tei_discounted_payback_months": "result.discounted_payback_months",
                       "tei_pv_costs": "costs.pv", "tei_pv_benefits": "benefits.pv"]
        var mapped: [String: Double] = [:]
        for (name, value) in numbers {
            if let result = results[name] {
                mapped[result] = value
            } else if name.hasPrefix("pv_cost_") {
                mapped["line.\(name.dropFirst("pv_cost_".count)).pv"] = value
            } else if name.hasPrefix("pv_benefit_") {
                mapped["line.\(name.dropFirst("pv_benefit_".count)).pv"] = value
            } else if name.hasPrefix("_"), numbers[String(name.dropFirst())] == nil {
                mapped[String(name.dropFirst())] = value
            } else {
                mapped[name] = value
            }
        }
        return mapped
    }

    /// Runs scripts/recalc.py on a workbook, first setting the named cells in `set`, and returns
    /// its JSON. Fails with recalc.py's message when LibreOffice is missing or refuses the file.
    static func recalc(_ workbook: URL, set: [(String, String)] = [], namesOnly: Bool = true,
                       options: [String] = []) throws -> [String: Any] {
        var arguments = [Tools.repository.appendingPathComponent("scripts/recalc.py").path, workbook.path] + options
        if namesOnly { arguments.append("--names-only") }
        for (name, value) in set { arguments += ["--set", "\(name)=\(value)"] }
        let result = try runPython(arguments)
        guard result.status == 0 else {
            throw RecalcFailure(message: "recalc.py exited \(result.status): \(result.stderr) (./scripts/test.sh installs LibreOffice)")
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw RecalcFailure(message: "recalc.py printed no JSON object: \(result.stdout.prefix(400))")
        }
        return json
    }

    /// Runs a Python script with the system Python, which has LibreOffice's bridge (recalc.py
    /// moves to it by itself too), or else the first python3 on PATH.
    static func runPython(_ arguments: [String]) throws -> ProcessResult {
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            return try Tools.run(URL(fileURLWithPath: "/usr/bin/python3"), arguments)
        }
        return try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    struct RecalcFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Writes the generated scenarios (bench/make-random-scenarios.py, fixed seed) into `folder`.
    static func generateScenarios(count: Int, seed: Int, into folder: URL) throws -> [URL] {
        let script = Tools.repository.appendingPathComponent("bench/make-random-scenarios.py").path
        let result = try runPython([script, "--count", "\(count)", "--seed", "\(seed)", "--out", folder.path])
        guard result.status == 0 else { throw RecalcFailure(message: "the generator failed: \(result.stderr)") }
        return (1...count).map { folder.appendingPathComponent(String(format: "random-%03d.yaml", $0)) }
    }

    /// The shipped scenarios (content/scenarios/*.yaml, not the `*.report.yaml` branding files).
    static func shippedScenarios() throws -> [URL] {
        let folder = Tools.repository.appendingPathComponent("content/scenarios")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".report.yaml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// `playbook calc FILE --format json`, parsed.
    static func calc(_ scenario: URL) throws -> [String: Any] {
        let result = try Tools.playbook(["calc", scenario.path, "--format", "json"], in: Tools.repository)
        guard result.status == 0 else {
            throw RecalcFailure(message: "playbook calc \(scenario.lastPathComponent) failed: \(result.stderr)")
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw RecalcFailure(message: "playbook calc printed no JSON object")
        }
        return json
    }

    /// An input of `scenario` whose change moves NPV, the value to set its cell to (in the unit
    /// the scenario wrote, as the workbook holds it), and calc's figures for the scenario with
    /// that input rewritten (its range, label and source dropped). Percentages are tried first
    /// (×1.25 + 1 point, at most 95%), then counts (×1.2, rewritten as `N units`); `nil` when no
    /// such input moves NPV by a dollar or more.
    static func changedInput(of scenario: URL, calc: [String: Any], in work: URL) throws
        -> (name: String, value: Double, calc: [String: Any])? {
        let inputs = (calc["inputs"] as? [[String: Any]]) ?? []
        let npv = number((calc["summary"] as? [String: Any])?["npv"])
        let text = try String(contentsOf: scenario, encoding: .utf8)
        let candidates = inputs.filter { $0["unit"] as? String == "percent" } + inputs.filter { $0["unit"] as? String == "count" }
        for input in candidates {
            guard let name = input["name"] as? String, let value = number(input["value"]) else { continue }
            let percent = input["unit"] as? String == "percent"
            let changed = percent ? Swift.min(value * 1.25 + 0.01, 0.95) : (value * 1.2).rounded()
            let literal = percent ? "\(changed * 100)%" : "\(Int(changed)) units"
            let rewritten = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("  \(name):") ? "  \(name): \(literal)" : String(line)
            }.joined(separator: "\n")
            let file = work.appendingPathComponent("changed-\(name)-" + scenario.lastPathComponent)
            try rewritten.write(to: file, atomically: true, encoding: .utf8)
            let changedCalc = try self.calc(file)
            let changedNPV = number((changedCalc["summary"] as? [String: Any])?["npv"])
            if let npv, let changedNPV, abs(changedNPV - npv) >= 1 { return (name, changed, changedCalc) }
        }
        return nil
    }

    /// The workbook a perfect writer would show for calc's figures: every name of the contract
    /// with calc's value. `compare` of calc with these finds nothing.
    static func perfectWorkbook(for calc: [String: Any]) -> [String: Double] {
        var names: [String: Double] = [:]
        for item in ((calc["inputs"] as? [[String: Any]]) ?? []) + ((calc["metrics"] as? [[String: Any]]) ?? []) {
            if let name = item["name"] as? String, let value = number(item["value"]) { names[name] = value }
        }
        guard let summary = calc["summary"] as? [String: Any] else { return names }
        func row(_ prefix: String, _ row: [String: Any]) {
            names[prefix + ".pv"] = number(row["present_value"])
            names[prefix + ".total"] = number(row["total"])
            for (period, amount) in ((row["periods"] as? [Any]) ?? []).enumerated() { names[prefix + ".y\(period)"] = number(amount) }
        }
        for line in (summary["lines"] as? [[String: Any]]) ?? [] {
            if let name = line["name"] as? String { row("line.\(name)", line) }
        }
        for total in ["costs", "benefits", "net"] {
            if let totals = summary[total] as? [String: Any] { row(total, totals) }
        }
        for key in ["npv", "roi", "irr", "payback_months", "discounted_payback_months"] {
            names["result." + key] = number(summary[key])
        }
        return names
    }
}

@Suite struct WorkbookRecalculationTests {
    /// A calc output made by hand: one money input, one percentage, one money metric, one
    /// count metric, two lines; IRR present, discounted payback not within the horizon.
    static var handMadeCalc: [String: Any] { [
        "currency": "USD", "discount_rate": 0.1, "horizon_years": 2,
        "inputs": [["name": "price", "value": 6.5, "unit": "USD/count"], ["name": "share", "value": 0.7, "unit": "percent"],
                   ["name": "budget", "value": 1000, "unit": "USD"]] as [[String: Any]],
        "metrics": [["name": "savings", "value": 123_456.785, "unit": "USD"], ["name": "calls", "value": 80640, "unit": "count"]] as [[String: Any]],
        "summary_full_precision": [
            "lines": [["name": "setup", "kind": "cost", "periods": [1000, 0, 0], "total": 1000, "present_value": 1000],
                      ["name": "gain", "kind": "benefit", "periods": [0, 700, 800], "total": 1500, "present_value": 1297.520661157]] as [[String: Any]],
            "costs": ["name": "costs", "periods": [1000, 0, 0], "total": 1000, "present_value": 1000] as [String: Any],
            "npv": 297.520661157, "roi": 0.297520661157, "irr": 0.2, "payback": "months", "payback_months": 18.5,
            "discounted_payback": "not-within-horizon", "discounted_payback_months": NSNull(),
        ] as [String: Any],
    ] }

    static let handMadeWorkbook: [String: Double] = [
        "price": 6.5, "share": 0.7, "budget": 1000, "savings": 123_456.785, "calls": 80640,
        "line.setup.pv": 1000, "line.gain.pv": 1297.520661157, "line.gain.y1": 700,
        "costs.total": 1000, "result.npv": 297.520661157, "result.roi": 0.297520661157, "result.irr": 0.2,
        "result.payback_months": 18.5, "some_helper_cell": 42,
    ]

    @Test func compareFindsNothingWhenTheFiguresAgree() {
        #expect(WorkbookCheck.compare(calc: Self.handMadeCalc, workbook: Self.handMadeWorkbook) == [])
    }

    @Test func compareAllowsHalfACentOnMoneyAndOneBillionthOnTheRest() {
        var workbook = Self.handMadeWorkbook
        workbook["savings"] = 123_456.785 + 0.0049          // money: within half a cent
        workbook["line.gain.pv"] = 1297.520661157 - 0.0049
        workbook["calls"] = 80640 * (1 + 0.9e-9)            // a count: within 1e-9 relative
        workbook["result.roi"] = 0.297520661157 * (1 - 0.9e-9)
        #expect(WorkbookCheck.compare(calc: Self.handMadeCalc, workbook: workbook) == [])

        workbook["savings"] = 123_456.785 + 0.0051
        workbook["result.npv"] = 297.520661157 - 0.01
        workbook["calls"] = 80640 * (1 + 1.1e-9)
        workbook["price"] = 6.5 * (1 + 2e-9)                // a price per call is not money: relative
        let mismatches = WorkbookCheck.compare(calc: Self.handMadeCalc, workbook: workbook)
        #expect(mismatches.count == 4)
        #expect(mismatches.contains { $0.hasPrefix("savings: playbook calc 123456.785, the workbook 123456.7901") })
        #expect(mismatches.contains { $0.hasPrefix("result.npv:") })
        #expect(mismatches.contains { $0.hasPrefix("calls:") })
        #expect(mismatches.contains { $0.hasPrefix("price:") })
    }

    @Test func compareReportsMissingExtraAndNaNFigures() {
        var workbook = Self.handMadeWorkbook
        workbook["savings"] = nil                             // a metric the workbook lacks
        workbook["line.gain.pv"] = nil                        // a line's present value
        workbook["line.gian.pv"] = 1                          // a line calc does not have
        workbook["result.discounted_payback_months"] = 30     // calc says: not within the horizon
        workbook["result.irr"] = .nan                         // never equal
        workbook["costs.y0"] = 999                            // optional, but checked when present
        let mismatches = WorkbookCheck.compare(calc: Self.handMadeCalc, workbook: workbook)
        #expect(mismatches == [
            "savings: missing from the workbook (playbook calc: 123456.785)",
            "line.gain.pv: missing from the workbook (playbook calc: 1297.520661157)",
            "costs.y0: playbook calc 1000.0, the workbook 999.0 (difference 1.0, allowed 0.005)",
            "result.irr: playbook calc 0.2, the workbook nan (not a finite number)",
            "result.discounted_payback_months: playbook calc has no value, the workbook 30.0",
            "line.gian.pv: in the workbook, but playbook calc has no such figure",
        ])
        // An empty workbook misses every required figure; an empty calc output is no pass either.
        #expect(WorkbookCheck.compare(calc: Self.handMadeCalc, workbook: [:]).count == 11)
        #expect(WorkbookCheck.compare(calc: [:], workbook: Self.handMadeWorkbook) == ["playbook calc printed no inputs or metrics"])
        #expect(WorkbookCheck.compare(calc: ["inputs": [Any](), "metrics": [Any]()], workbook: [:])
            == ["playbook calc printed no summary with cost and benefit lines"])
    }

    /// compare on real calc output: the perfect workbook agrees, and spoiling any one figure
    /// (by two cents, or 1e-6 relative) is found, for the shipped and the first generated scenarios.
    @Test func compareCatchesEveryFigureOfRealCalcOutput() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let shipped = try WorkbookCheck.shippedScenarios()
        #expect(shipped.count >= 5)
        for scenario in try shipped + WorkbookCheck.generateScenarios(count: 5, seed: 1, into: work) {
            let calc = try WorkbookCheck.calc(scenario)
            let perfect = WorkbookCheck.perfectWorkbook(for: calc)
            #expect(perfect.count > 20, "\(scenario.lastPathComponent): only \(perfect.count) figures")
            #expect(WorkbookCheck.compare(calc: calc, workbook: perfect) == [], "\(scenario.lastPathComponent)")
            for (key, value) in perfect {
                var spoiled = perfect
                spoiled[key] = value == 0 ? 0.02 : value + Swift.max(0.02, abs(value) * 1e-6)
                let found = WorkbookCheck.compare(calc: calc, workbook: spoiled)
                #expect(found.count == 1 && found.first?.hasPrefix(key + ":") == true,
                        "\(scenario.lastPathComponent): spoiling \(key) gave \(found)")
            }
        }
    }

    /// recalc.py on a workbook written by hand (Fixtures/recalc/make-tiny-workbook.py): the
    /// formula's cached value is 1, so 6500 proves LibreOffice recalculated; setting the named
    /// input moves the result.
    @Test func recalcSetsANamedInputAndRecalculates() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let workbook = work.appendingPathComponent("tiny.xlsx")
        let maker = Tools.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/recalc/make-tiny-workbook.py")
        let made = try WorkbookCheck.runPython([maker.path, workbook.path])
        try #require(made.status == 0, "\(made.stderr)")

        let plain = try WorkbookCheck.recalc(workbook, namesOnly: false)
        #expect(WorkbookCheck.workbookNumbers(plain) == ["calls": 1000, "cost_per_call": 6.5, "total": 6500])
        let sheets = try #require(plain["sheets"] as? [String: Any])
        let model = try #require(sheets["Model"] as? [[Any]])
        #expect(model.count == 2 && (model[0].first as? String) == "Total" && WorkbookCheck.number(model[1].first) == 6500)
        #expect((plain["errors"] as? [Any])?.isEmpty == true)

        let changed = try WorkbookCheck.recalc(workbook, set: [("calls", "2000"), ("cost_per_call", "0.25")])
        #expect(WorkbookCheck.workbookNumbers(changed) == ["calls": 2000, "cost_per_call": 0.25, "total": 500])
        #expect(changed["sheets"] == nil)

        // The formulas as written, and the cells as LibreOffice shows them.
        let shown = try WorkbookCheck.recalc(workbook, options: ["--formulas", "--text", "--cell", "Model!A2"])
        let formulas = (shown["formulas"] as? [String: Any])?["Model"] as? [[String]]
        #expect(formulas?.last?.first == "=calls*cost_per_call")
        let text = (shown["text"] as? [String: Any])?["Model"] as? [[String]]
        #expect(text?.last?.first == "6500")
        #expect(WorkbookCheck.number((shown["cells"] as? [String: Any])?["Model!A2"]) == 6500)

        // A name the workbook does not have is an error, not a silent no-op.
        #expect(throws: WorkbookCheck.RecalcFailure.self) { try WorkbookCheck.recalc(workbook, set: [("cals", "1")]) }
    }

    /// The whole chain today, without the writer: a workbook that holds calc's figures as named
    /// values (written by hand, Fixtures/recalc/make-tiny-workbook.py --values) goes through
    /// LibreOffice and `compare` clean, names with periods included; the same workbook with
    /// `result.npv` moved by two cents through `--set` is caught.
    @Test func aWorkbookOfCalcFiguresPassesThroughLibreOffice() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try #require(try WorkbookCheck.generateScenarios(count: 1, seed: 1, into: work).first)
        let calc = try WorkbookCheck.calc(scenario)
        let perfect = WorkbookCheck.perfectWorkbook(for: calc)
        let values = work.appendingPathComponent("values.json")
        try JSONSerialization.data(withJSONObject: perfect, options: [.sortedKeys]).write(to: values)
        let workbook = work.appendingPathComponent("figures.xlsx")
        let maker = Tools.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/recalc/make-tiny-workbook.py")
        let made = try WorkbookCheck.runPython([maker.path, workbook.path, "--values", values.path])
        try #require(made.status == 0, "\(made.stderr)")

        let numbers = WorkbookCheck.workbookNumbers(try WorkbookCheck.recalc(workbook))
        #expect(numbers.count == perfect.count)
        #expect(WorkbookCheck.compare(calc: calc, workbook: numbers) == [])

        let npv = try #require(perfect["result.npv"])
        let moved = WorkbookCheck.workbookNumbers(try WorkbookCheck.recalc(workbook, set: [("result.npv", String(npv + 0.02))]))
        let found = WorkbookCheck.compare(calc: calc, workbook: moved)
        #expect(found.count == 1 && found.first?.hasPrefix("result.npv: ") == true, "\(found)")
    }

    // MARK: - End to end: needs `playbook calc --format xlsx`

    /// Every generated scenario: the workbook `playbook calc --format xlsx` writes, recalculated
    /// by LibreOffice, shows every figure of `playbook calc --format json`.
    ///
    /// The writer's names are mapped to the check's by ``WorkbookCheck/checkNames(_:)``.
    @Test func everyGeneratedWorkbookRecalculatesToCalcFigures() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenarios = try WorkbookCheck.shippedScenarios() + WorkbookCheck.generateScenarios(count: 50, seed: 1, into: work)
        for scenario in scenarios {
            let calc = try WorkbookCheck.calc(scenario)
            let workbook = work.appendingPathComponent(scenario.deletingPathExtension().lastPathComponent + ".xlsx")
            let written = try Tools.playbook(["calc", scenario.path, "--format", "xlsx", "--out", workbook.path], in: Tools.repository)
            try #require(written.status == 0, "\(scenario.lastPathComponent): \(written.stderr)")
            let recalc = try WorkbookCheck.recalc(workbook)
            #expect((recalc["errors"] as? [Any])?.isEmpty == true, "\(scenario.lastPathComponent): \(recalc["errors"] ?? "")")
            let mismatches = WorkbookCheck.compare(calc: calc, workbook: WorkbookCheck.checkNames(WorkbookCheck.workbookNumbers(recalc)))
            #expect(mismatches == [], "\(scenario.lastPathComponent):\n\(mismatches.joined(separator: "\n"))")
        }
    }

    /// One input cell changed through LibreOffice gives the NPV (and every other figure) of the
    /// scenario with that input changed (``WorkbookCheck/changedInput(of:calc:in:)``), for the
    /// first ten generated scenarios.
    @Test func changingAnInputCellMovesNPVLikeTheScenario() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        for scenario in try WorkbookCheck.generateScenarios(count: 10, seed: 1, into: work) {
            let calc = try WorkbookCheck.calc(scenario)
            guard let change = try WorkbookCheck.changedInput(of: scenario, calc: calc, in: work) else { continue }
            let workbook = scenario.deletingPathExtension().appendingPathExtension("xlsx")
            let written = try Tools.playbook(["calc", scenario.path, "--format", "xlsx", "--out", workbook.path], in: Tools.repository)
            try #require(written.status == 0, "\(scenario.lastPathComponent): \(written.stderr)")
            let recalc = try WorkbookCheck.recalc(workbook, set: [(change.name, String(change.value))])
            let numbers = WorkbookCheck.checkNames(WorkbookCheck.workbookNumbers(recalc))
            let summary = change.calc["summary"] as? [String: Any]
            let npv = try #require(WorkbookCheck.number(summary?["npv"]))
            let seen = try #require(numbers["result.npv"], "\(scenario.lastPathComponent): no result.npv")
            #expect(abs(seen - npv) <= WorkbookCheck.moneyTolerance, "\(scenario.lastPathComponent): \(change.name) = \(change.value)")
            #expect(WorkbookCheck.compare(calc: change.calc, workbook: numbers) == [], "\(scenario.lastPathComponent)")
        }
    }

    /// The set-up of the test above, which runs today: in most generated scenarios an input is
    /// found whose change moves NPV, and the rewritten scenario holds the new value.
    @Test func anInputThatMovesNPVIsFoundAndRewritten() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var found = 0
        for scenario in try WorkbookCheck.generateScenarios(count: 10, seed: 1, into: work) {
            let calc = try WorkbookCheck.calc(scenario)
            guard let change = try WorkbookCheck.changedInput(of: scenario, calc: calc, in: work) else { continue }
            found += 1
            let inputs = (change.calc["inputs"] as? [[String: Any]]) ?? []
            let value = WorkbookCheck.number(inputs.first { $0["name"] as? String == change.name }?["value"])
            #expect(value.map { abs($0 - change.value) <= 1e-9 * abs(change.value) } == true, "\(scenario.lastPathComponent): \(change.name)")
        }
        #expect(found >= 8, "only \(found) of 10 scenarios have an input that moves NPV")
    }
}

