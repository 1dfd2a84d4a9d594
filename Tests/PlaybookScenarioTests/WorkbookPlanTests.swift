import PlaybookCore
import PlaybookScenario
import Testing

/// The workbook of a scenario, cell by cell, before libxlsxwriter writes it.
@Suite struct WorkbookPlanTests {
    static func kestrel() throws -> (Scenario, WorkbookPlan) {
        let (loaded, diagnostics) = try loadScenario("content/scenarios/kestrel-mobile.yaml")
        let scenario = try #require(loaded, "\(diagnostics)")
        return (scenario, WorkbookPlan(scenario: scenario))
    }

    static func cell(_ plan: WorkbookPlan, _ sheet: String, row: Int, column: Int) -> WorkbookPlan.Cell? {
        plan.sheets.first { $0.name == sheet }?.cells.first { $0.row == row && $0.column == column }
    }

    static func row(of name: String, in plan: WorkbookPlan) -> (sheet: String, row: Int)? {
        plan.names.first { $0.name == name }.map { ($0.sheet, $0.row) }
    }

    @Test func everyInputIsANamedCellInTheUnitTheScenarioWrote() throws {
        let (scenario, plan) = try Self.kestrel()
        #expect(plan.sheets.map(\.name) == ["Summary", "Inputs", "Model", "Cash flows"])
        for input in scenario.spec.inputs {
            let place = try #require(Self.row(of: input.name, in: plan))
            #expect(place.sheet == "Inputs")
        }
        let handle = try #require(Self.row(of: "handle_time", in: plan))
        #expect(Self.cell(plan, "Inputs", row: handle.row, column: 1)?.content == .number(6.5))
        #expect(Self.cell(plan, "Inputs", row: handle.row, column: 2)?.content == .text("min/count"))
        let wage = try #require(Self.row(of: "loaded_cost_per_hour", in: plan))
        #expect(Self.cell(plan, "Inputs", row: wage.row, column: 1)?.content == .number(39))
        #expect(Self.cell(plan, "Inputs", row: wage.row, column: 1)?.style == .number("\"$\"#,##0.00"))
        let occupancy = try #require(Self.row(of: "occupancy", in: plan))
        #expect(Self.cell(plan, "Inputs", row: occupancy.row, column: 1)?.style == .number("0.0%"))
        // An uncertain input: its range beside it and as the cell's validation.
        let saved = try #require(Self.row(of: "handle_time_saved", in: plan))
        #expect(Self.cell(plan, "Inputs", row: saved.row, column: 3)?.content == .number(0.05))
        #expect(Self.cell(plan, "Inputs", row: saved.row, column: 4)?.content == .number(0.15))
        #expect(Self.cell(plan, "Inputs", row: saved.row, column: 1)?.validation == 0.05...0.15)
        let rate = try #require(Self.row(of: "discount_rate", in: plan))
        #expect(Self.cell(plan, "Inputs", row: rate.row, column: 5)?.content == .text("scenario setting"))
    }

    @Test func everyMetricIsAFormulaWithPlaybooksValueCached() throws {
        let (scenario, plan) = try Self.kestrel()
        let figures = ScenarioFigures(scenario: scenario)
        for metric in figures.metrics {
            let place = try #require(Self.row(of: metric.name, in: plan))
            #expect(place.sheet == "Model")
            guard case .formula(let formula, let cached)? = Self.cell(plan, "Model", row: place.row, column: 1)?.content else {
                Issue.record("\(metric.name) has no formula")
                continue
            }
            #expect(formula.hasPrefix("="))
            #expect(cached == metric.value, "\(metric.name)")
        }
        let minute = try #require(Self.row(of: "cost_per_handled_minute", in: plan))
        guard case .formula(let perMinute, let cached)? = Self.cell(plan, "Model", row: minute.row, column: 1)?.content else {
            Issue.record("no cost per handled minute")
            return
        }
        #expect(perMinute == "=loaded_cost_per_hour/3600/occupancy*60")
        #expect(abs(cached - 39.0 / 60 / 0.65) < 1e-12)
        let clv = try #require(Self.row(of: "lifetime_value", in: plan))
        guard case .formula(let text, _)? = Self.cell(plan, "Model", row: clv.row, column: 1)?.content else {
            Issue.record("no lifetime value")
            return
        }
        #expect(text == "=IF(1+discount_rate-retention>0,margin_per_customer*retention/(1+discount_rate-retention),NA())")
    }

    @Test func numberFormatsFollowTheUnit() {
        #expect(WorkbookPlan.numberFormat(.money, value: 1, decimals: nil, symbol: "$") == "\"$\"#,##0.00")
        #expect(WorkbookPlan.numberFormat(.money, value: 1, decimals: 0, symbol: "€") == "\"€\"#,##0")
        #expect(WorkbookPlan.numberFormat(.percent, value: 0.5, decimals: nil, symbol: "$") == "0.0%")
        #expect(WorkbookPlan.numberFormat(.count("calls"), value: 120_000, decimals: nil, symbol: "$") == "#,##0")
        #expect(WorkbookPlan.numberFormat(.number, value: 1.25, decimals: nil, symbol: "$") == "#,##0.00")
        #expect(WorkbookPlan.numberFormat(.number, value: 1.25, decimals: 1, symbol: "$") == "#,##0.0")
    }

    @Test func cashFlowsAreLiveWithRiskInACellAndLinesRoundedAsPlaybookRoundsThem() throws {
        let (scenario, plan) = try Self.kestrel()
        let sheet = try #require(plan.sheets.first { $0.name == "Cash flows" })
        let summary = scenario.expected.roundedSummary
        // The NPV, ROI and IRR cells: formulas with Playbook's figures cached.
        for (name, value) in [("tei_npv", summary.npv), ("tei_roi", summary.roi ?? .nan), ("tei_irr", summary.irr ?? .nan),
                              ("tei_payback_months", summary.paybackMonths ?? .nan),
                              ("tei_discounted_payback_months", summary.discountedPaybackMonths ?? .nan)] {
            let place = try #require(plan.names.first { $0.name == name })
            let cell = try #require(sheet.cells.first { $0.row == place.row && $0.column == place.column })
            guard case .formula(_, let cached) = cell.content else { Issue.record("\(name) is not a formula"); continue }
            #expect(abs(cached - value) <= 1e-9 * abs(value), "\(name)")
        }
        // The payback is the first year's crossing, else a word.
        let payback = try #require(plan.names.first { $0.name == "tei_payback_months" })
        guard case .formula(let paybackFormula, _)? = sheet.cells.first(where: { $0.row == payback.row && $0.column == 3 })?.content else {
            Issue.record("no payback formula")
            return
        }
        #expect(paybackFormula.hasPrefix("=IF(ISNUMBER(E"))
        #expect(paybackFormula.hasSuffix("<0,\"not within the horizon\",\"immediate\"))))"))
        // A line with a ramp: its year-1 amount is the formula times the ramp, and its
        // risk-adjusted row rounds the amount times (1 − the risk cell).
        let before = try #require(sheet.cells.first { $0.content == .text("Direct deflection (before risk)") })
        #expect(sheet.cells.first { $0.row == before.row && $0.column == 2 }?.content == .number(0.2))
        guard case .formula(let year1, _)? = sheet.cells.first(where: { $0.row == before.row && $0.column == 4 })?.content,
              case .formula(let adjusted, _)? = sheet.cells.first(where: { $0.row == before.row + 1 && $0.column == 4 })?.content else {
            Issue.record("no formulas for the direct deflection line")
            return
        }
        #expect(year1 == "=(direct_deflection_savings)*0.4")
        #expect(adjusted == "=ROUND(E\(before.row + 1)*(1-$C$\(before.row + 1)),0)")
        // Discount factors over the live discount rate.
        #expect(sheet.cells.first { $0.row == 1 && $0.column == 5 }.map(\.content) == .formula("=1/(1+discount_rate)^2", cached: 1 / (1.1 * 1.1)))
    }

    @Test func theSummaryIsLiveAboveAndValuesBelowAndSaysSo() throws {
        let (scenario, plan) = try Self.kestrel()
        let sheet = try #require(plan.sheets.first)
        #expect(sheet.name == "Summary")
        let npv = try #require(sheet.cells.first { $0.content == .text("Net present value (NPV)") })
        #expect(sheet.cells.first { $0.row == npv.row && $0.column == 1 }?.content
                == .formula("=tei_npv", cached: scenario.expected.roundedSummary.npv))
        #expect(sheet.cells.contains { $0.content == .text("Cases — values computed by Playbook, not formulas") })
        #expect(sheet.cells.contains { $0.content == .text("Sensitivity — values computed by Playbook, not formulas") })
        // Every name a Summary formula uses is defined.
        let defined = Set(plan.names.map(\.name))
        for cell in sheet.cells {
            guard case .formula(let text, _) = cell.content else { continue }
            #expect(defined.contains(String(text.dropFirst())), "\(text)")
        }
    }

    @Test func definedNamesAreDistinctIgnoringCaseAndNeverTakeTheCashFlowsNames() throws {
        let (_, plan) = try Self.kestrel()
        let names = plan.names.map { $0.name.uppercased() }
        #expect(Set(names).count == names.count)
        #expect(plan.names.contains { $0.name == "pv_benefit_retention" })
        #expect(plan.names.contains { $0.name == "retention" && $0.sheet == "Inputs" })
    }
}
