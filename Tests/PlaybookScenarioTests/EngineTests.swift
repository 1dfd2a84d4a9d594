import PlaybookCore
import PlaybookFinance
import PlaybookScenario
import Testing

@Suite struct FormulaParserTests {
    func dump(_ text: String) -> String {
        switch FormulaParser.parse(text, currency: "USD") {
        case .success(let expression): return Self.describe(expression)
        case .failure(let error): return "error at \(error.span.offset): \(error.message)"
        }
    }

    static func describe(_ expression: Expression) -> String {
        switch expression {
        case .literal(let quantity, _): return "\(quantity.value)[\(quantity.unit)]"
        case .name(let name, _): return name
        case .negate(let inner, _): return "(−\(describe(inner)))"
        case .group(let inner): return describe(inner)
        case .binary(let op, let left, let right, _): return "(\(describe(left)) \(op.rawValue) \(describe(right)))"
        case .call(let name, let arguments, _): return "\(name)(\(arguments.map(describe).joined(separator: ", ")))"
        }
    }

    @Test func precedenceAssociativityAndUnits() {
        #expect(dump("a + b * c") == "(a + (b × c))")
        #expect(dump("a - b - c") == "((a − b) − c)")
        #expect(dump("a / b / c") == "((a ÷ b) ÷ c)")
        #expect(dump("2 ^ 3 ^ 2") == "(2.0[a plain number] ^ (3.0[a plain number] ^ 2.0[a plain number]))")
        #expect(dump("-a * b") == "((−a) × b)")
        #expect(dump("$6.50 × 8% ÷ 2") == "((6.5[money] × 0.08[a percentage]) ÷ 2.0[a plain number])")
        #expect(dump("12 min + 1_200_000") == "(720.0[time] + 1200000.0[a plain number])")
        #expect(dump("max(a, min(b, 2), 3 USD)") == "max(a, min(b, 2.0[a plain number]), 3.0[money])")
        #expect(dump("12 minutes_saved") == "error at 3: expected an operator between the number and 'minutes_saved'")
        #expect(dump("(a + b") == "error at 0: this '(' is never closed")
        #expect(dump("a + ") == "error at 3: the formula ends where a value was expected")
        #expect(dump("€5") == "error at 0: '€' is not the scenario's currency (USD)")
    }

    @Test func literalsInInputs() {
        func unit(_ text: String) -> String {
            switch QuantityLiteral.parse(text, currency: "EUR") {
            case .success(let quantity): return "\(quantity.value) \(quantity.unit)"
            case .failure(let error): return "error: \(error.message)"
            }
        }
        #expect(unit("120_000 contacts") == "120000.0 count")
        #expect(unit("€6.50 per call") == "6.5 money per call")
        #expect(unit("6.50 EUR/call") == "6.5 money per call")
        #expect(unit("39 EUR/h") == "0.010833333333333334 money per hour")
        #expect(unit("2.5 min/call") == "150.0 time per call")
        #expect(unit("-3%") == "-0.03 a percentage")
        #expect(unit("1e6") == "1000000.0 a plain number")
        #expect(unit("$5") == "error: '$' is not the scenario's currency (EUR)")
        #expect(unit("5 USD") == "error: 'USD' is not the scenario's currency (EUR)")
        #expect(unit("") == "error: there is no value here")
    }
}

@Suite struct FormattingTests {
    @Test func localesWriteNumbersTheirWay() {
        let us = ValueFormatter(currency: "USD", locale: "en-US")
        let de = ValueFormatter(currency: "EUR", locale: "de-DE")
        let fr = ValueFormatter(currency: "EUR", locale: "fr-FR")
        let uk = ValueFormatter(currency: "GBP", locale: "en-GB")
        let jp = ValueFormatter(currency: "JPY", locale: "ja-JP")
        #expect(us.format(136_500, .money) == "$136,500")
        #expect(us.format(-1_250.5, .money) == "−$1,250.50")
        #expect(us.format(0.08, .percent) == "8.0%")
        #expect(us.format(2_520, .duration(.minute)) == "42 min")
        #expect(de.format(136_500, .money) == "136.500\u{00A0}€")
        #expect(de.format(6.5, .money) == "6,50\u{00A0}€")
        #expect(de.format(0.405, .percent) == "40,5\u{00A0}%")
        #expect(fr.format(1_234_567.891, .number) == "1\u{202F}234\u{202F}567,89")
        #expect(uk.format(9.03, Unit(money: 1, count: -1, noun: "calls")) == "£9.03/call")
        #expect(jp.format(1_500, .money) == "¥1,500")
        #expect(us.format(0.875, .number) == "0.875")
        #expect(us.format(19_293.12, .count("orders")) == "19,293 orders")
        #expect(us.months(15.6234) == "15.6 months")
        #expect(us.months(nil) == "not within the horizon")
    }
}

@Suite struct UncertaintyTests {
    @Test func aSeededSimulationRepeatsExactly() async throws {
        let (scenario, _) = try loadScenario("content/scenarios/kestrel-mobile.yaml")
        guard let scenario else { Issue.record("the scenario loads"); return }
        let first = await scenario.simulate(iterations: 10_000, seed: 42)
        let second = await scenario.simulate(iterations: 10_000, seed: 42)
        let other = await scenario.simulate(iterations: 10_000, seed: 43)
        #expect(first == second)
        #expect(first != other)
        // On one thread, the same draws and the same result.
        #expect(scenario.simulateSerially(iterations: 10_000, seed: 42) == first)
        #expect(first.failed == 0)
        #expect(first.npv.p10 < first.npv.p50 && first.npv.p50 < first.npv.p90)
        // The draws lie between the all-low and all-high cases.
        let low = scenario.cases[.low]?.summary.npv ?? 0, high = scenario.cases[.high]?.summary.npv ?? 0
        #expect(first.npv.p10 > low && first.npv.p90 < high)
        #expect(first.histogram.counts.reduce(0, +) == 10_000)
        #expect(first.probabilityPositiveROI > 0.9 && first.probabilityPositiveROI <= 1)
    }

    @Test func sensitivityRanksDriversBySwing() throws {
        let (scenario, _) = try loadScenario("content/scenarios/kestrel-mobile.yaml")
        guard let scenario else { Issue.record("the scenario loads"); return }
        let rows = scenario.sensitivity()
        #expect(rows.map(\.input) == ["shift_to_social", "churn_reduction", "view_deflection_rate", "solution_views_per_month",
                                      "handle_time_saved", "community_answers_per_month"])
        #expect(rows.map(\.swing) == rows.map(\.swing).sorted(by: >))
        // The book's table: with line items rounded like the summary, a shift of 5% gives an NPV
        // of $35,693 (ROI 3.0%) and 12% gives $1,077,546 (ROI 90.4%): whole dollars, exactly.
        #expect(rows[0].npvAtLow == 35_693)
        #expect(rows[0].npvAtHigh == 1_077_546)
        #expect((rows[0].roiAtLow * 1000).rounded() == 30)
        #expect((rows[0].roiAtHigh * 1000).rounded() == 904)
    }

    @Test func normalInputsUseTheirTenthAndNinetiethPercentiles() {
        let value = InputValue.normal(mean: Quantity(100, .number), sd: Quantity(10, .number))
        #expect(abs(value.value(in: .low) - 87.184_484_344_55) < 1e-9)
        #expect(value.value(in: .expected) == 100)
        #expect(abs(value.value(in: .high) - 112.815_515_655_45) < 1e-9)
    }
}

@Suite struct BrightwellScenarioTests {
    @Test func attributionFeedsTheBusinessCase() throws {
        let (scenario, diagnostics) = try loadScenario("content/scenarios/brightwell-outdoor.yaml")
        #expect(diagnostics.isEmpty)
        guard let scenario, let attribution = scenario.attribution() else { Issue.record("the scenario loads"); return }
        #expect(scenario.spec.attribution?.paths.count == 60)
        let total = scenario.spec.attribution?.paths.reduce(0) { $0 + $1.value } ?? 0
        for model in Attribution.Model.allCases {
            let credited = attribution.reduce(0) { $0 + ($1.credit[model] ?? 0) }
            #expect(abs(credited - total) < 1e-6, "\(model)")
        }
        let social = attribution.first { $0.channel == "social" }?.credit[.positionBased] ?? 0
        #expect(abs((scenario.value("attributed_share") ?? 0) - social / total) < 1e-12)
        #expect(scenario.formatted("attributed_share") == "31.8%")
        // (13.2 − 9) / (15 − 9), (68.5 − 61) / (70 − 61), 2.4 / 2.6, (95 − 300) / (60 − 300), averaged.
        #expect(scenario.expected.returnOnObjectives.map { ($0 * 1000).rounded() } == 828)
    }
}
