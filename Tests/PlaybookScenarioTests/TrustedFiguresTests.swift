import PlaybookCore
import PlaybookFinance
import PlaybookScenario
import Testing

/// Loads a scenario written inline and returns it (nil when it has errors).
private func load(_ text: String) -> Scenario? {
    Scenario.load(SourceFile(path: "content/scenarios/test.yaml", text: text)) { _ in
        .failure(.error(.missingFile, "there is no such file", at: nil))
    }.0
}

/// Issue 14's figures: amounts rounded right at every size, payback from time 0, every value
/// finite or a located error, digits of round() checked, and long chains and deep nesting
/// handled without the thread's stack.
@Suite struct TrustedFiguresTests {
    // MARK: - Rounding

    @Test func largeAmountsRoundToTheirOwnDigits() throws {
        let scenario = try #require(load("""
        client: Big
        horizon: 1 year
        discount_rate: 10%
        costs:
          initial:
            platform: $123_456_789.45
        benefits:
          yearly:
            revenue: $1_000_000_000

        """))
        let summary = scenario.expected.roundedSummary
        #expect(summary.costs.periods[0] == 123_456_789)
        #expect(summary.benefits.periods[1] == 1_000_000_000)
        #expect(summary.benefits.presentValue == 909_090_909)
        #expect(scenario.formatter.money(summary.costs.total, decimals: 0) == "$123,456,789")
        #expect(scenario.formatter.money(summary.benefits.presentValue, decimals: 0) == "$909,090,909")
    }

    @Test func roundInFormulasIsTheSameRule() throws {
        let scenario = try #require(load(scenario(inputs: "  calls: 1_000 calls\n  cost: $5/call\n  price: $1.005\n  a: 1_234.5\n  b: 3\n",
                                                  metrics: "  total: calls * cost\n  cents: round(price, 2)\n  tens: round(a, -1)\n  hundreds: round(a, b - 5)\n")))
        #expect(scenario.formatted("cents") == "$1.01")  // Excel's ROUND(1.005, 2)
        #expect(scenario.value("tens") == 1_230)
        #expect(scenario.value("hundreds") == 1_200)
    }

    @Test func digitsOfRoundMustBeWholeAndInRange() {
        for digits in ["1e300", "1e18", "0.5", "16", "-16"] {
            let printed = diagnose(scenario(metrics: "  total: round(calls * cost, \(digits))\n"))
            #expect(printed == """
            content/scenarios/test.yaml:8:10: error: round(…) has no value in every case [no-value]
              8 |   total: round(calls * cost, \(digits))
                |          ^~~~~
              hint: the digits of round must be a whole number from -15 to 15
            1 error

            """)
        }
        let inputs = "  calls: 1_000 calls\n  cost: $5/call\n  digits: { low: 0, expected: 2, high: 20 }\n"
        #expect(diagnose(scenario(inputs: inputs, metrics: "  total: round(calls * cost, digits)\n")) == """
        content/scenarios/test.yaml:9:10: error: round(…) has no value in the high case [no-value]
          9 |   total: round(calls * cost, digits)
            |          ^~~~~
          hint: the digits of round must be a whole number from -15 to 15
        1 error

        """)
    }

    // MARK: - Payback

    @Test func paybackCountsFromTimeZeroWhenYearOneIsALoss() throws {
        let scenario = try #require(load("""
        client: Ramp
        horizon: 2 years
        discount_rate: 10%
        costs:
          yearly:
            team: $100_000
        benefits:
          yearly:
            savings: [$50_000, $250_000]

        """))
        let summary = scenario.expected.roundedSummary
        #expect(summary.payback == .months(16))
        #expect(scenario.formatter.payback(summary.payback) == "16.0 months")
        #expect(scenario.formatter.payback(summary.discountedPayback) == "16.4 months")
    }

    @Test func aScenarioWithoutCostsHasNothingToPayBack() throws {
        let scenario = try #require(load("""
        client: Free
        horizon: 2 years
        discount_rate: 10%
        costs:
          yearly:
        benefits:
          yearly:
            savings: $1_000

        """))
        let summary = scenario.expected.roundedSummary
        #expect(summary.payback == .immediate)
        #expect(summary.paybackMonths == nil)
        #expect(scenario.formatter.payback(summary.payback) == "immediate (nothing to pay back)")
    }

    // MARK: - Values that are not finite, and impossible inputs

    @Test func aNumberTooLargeIsRefusedWhereItIsWritten() {
        #expect(diagnose(scenario(inputs: "  calls: 1e999 calls\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:10: error: '1e999 calls' is too large a number [invalid-value]
          5 |   calls: 1e999 calls
            |          ^~~~~~~~~~~
          hint: numbers must stay below 1.8e308
        1 error

        """)
        #expect(diagnose(scenario(inputs: "  calls: 1_000 calls\n  cost: $5/call\n  wait: 1e306 years\n")) == """
        content/scenarios/test.yaml:7:9: error: '1e306 years' is too large a number [invalid-value]
          7 |   wait: 1e306 years
            |         ^~~~~~~~~~~
          hint: numbers must stay below 1.8e308
        1 error

        """)
    }

    @Test func anOverflowIsLocatedAtTheOperation() {
        #expect(diagnose(scenario(metrics: "  total: 1e308*1e308 * cost\n")) == """
        content/scenarios/test.yaml:8:15: error: '1e308*1e308' is too large a number to compute in every case [too-large]
          8 |   total: 1e308*1e308 * cost
            |               ^
          hint: figures must stay below 1.8e308; check the inputs it uses and their low and high values
        1 error

        """)
        #expect(diagnose(scenario(inputs: "  calls: 1e308 calls\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:8:16: error: 'calls * cost' is too large a number to compute in every case [too-large]
          8 |   total: calls * cost
            |                ^
          hint: figures must stay below 1.8e308; check the inputs it uses and their low and high values
        1 error

        """)
        // A tiny divisor is not zero, but the quotient overflows.
        #expect(diagnose(scenario(metrics: "  total: calls * cost / 1e-320\n")) == """
        content/scenarios/test.yaml:8:23: error: 'calls * cost / 1e-320' is too large a number to compute in every case [too-large]
          8 |   total: calls * cost / 1e-320
            |                       ^
          hint: figures must stay below 1.8e308; check the inputs it uses and their low and high values
        1 error

        """)
    }

    @Test func aFunctionOutsideItsDomainIsLocated() {
        #expect(diagnose(scenario(metrics: "  total: pv(-100%, 3, cost)\n")) == """
        content/scenarios/test.yaml:8:10: error: pv(…) has no value in every case [no-value]
          8 |   total: pv(-100%, 3, cost)
            |          ^~
          hint: pv needs a rate above −100% and a number of periods of 0 or more; its result must stay below 1.8e308
        1 error

        """)
    }

    @Test func anObjectiveThatCannotBeComputedIsAnErrorNotAMissingRow() {
        let text = scenario() + "objectives:\n  - kpi: total\n    target: cost * calls * 1e308\n"
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:17:26: error: 'cost * calls * 1e308' is too large a number to compute in every case [too-large]
          17 |     target: cost * calls * 1e308
             |                          ^
          hint: figures must stay below 1.8e308; check the inputs it uses and their low and high values
        1 error

        """)
    }

    @Test func aSensitivityEndThatCannotBeComputedIsLocated() {
        // Every case computes, but 'calls' at its high value with 'base' expected divides by zero.
        let inputs = "  calls: { low: 500 calls, expected: 1_000 calls, high: 2_000 calls }\n  cost: $5/call\n"
            + "  base: { low: 1_000 calls, expected: 2_000 calls, high: 3_000 calls }\n"
        #expect(diagnose(scenario(inputs: inputs, metrics: "  total: cost * base / (calls - base)\n", benefit: "total * base")) == """
        content/scenarios/test.yaml:9:22: error: this divides by zero with 'calls' at its high value and the other inputs expected: 'calls - base' is 0 [division-by-zero]
          9 |   total: cost * base / (calls - base)
            |                      ^
          hint: check the inputs the divisor depends on, and their low and high values
        1 error

        """)
    }

    @Test func totalsTooLargeAreLocatedAtTheLargestLine() {
        let inputs = "  calls: 1_000 calls\n  cost: $5/call\n  big: $1e308\n"
        #expect(diagnose(scenario(inputs: inputs, benefit: "big")) == """
        content/scenarios/test.yaml:15:5: error: the business case's totals are too large to compute in every case: 'savings' is its largest line [too-large]
          15 |     savings: big
             |     ^~~~~~~
          hint: figures must stay below 1.8e308; check the amounts of the lines
        1 error

        """)
    }

    @Test func rangesAndSpreadsMustMakeSense() {
        #expect(diagnose(scenario(inputs: "  calls: { mean: 1_000 calls, sd: -10 calls }\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:35: error: the standard deviation of 'calls' cannot be below zero [invalid-range]
          5 |   calls: { mean: 1_000 calls, sd: -10 calls }
            |                                   ^~~~~~~~~
          hint: write how far values spread, such as sd: 0.3%
        1 error

        """)
        #expect(diagnose(scenario(inputs: "  calls: { low: 2_000 calls, expected: 1_500 calls, high: 1_000 calls }\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:3: error: the range of 'calls' is out of order: low ≤ expected ≤ high is needed [invalid-range]
          5 |   calls: { low: 2_000 calls, expected: 1_500 calls, high: 1_000 calls }
            |   ^~~~~
          hint: low is the pessimistic value and high the optimistic one
        1 error

        """)
        #expect(diagnose(scenario(inputs: "  calls: { mean: 1e308 calls, sd: 1e308 calls }\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:35: error: the low and high cases of 'calls' (the mean ∓ 1.28 standard deviations) are too large a number [too-large]
          5 |   calls: { mean: 1e308 calls, sd: 1e308 calls }
            |                                   ^~~~~~~~~~~
          hint: numbers must stay below 1.8e308
        1 error

        """)
    }

    @Test func aSimulationOfHugeSpreadsCountsFailedDrawsInsteadOfTrapping() throws {
        let inputs = "  calls: { mean: 1e307 calls, sd: 1e307 calls }\n  cost: $1/call\n"
        let scenario = try #require(load(scenario(inputs: inputs)))
        let result = scenario.simulateSerially(iterations: 5_000, seed: 1)
        #expect(result.iterations == 5_000)
        #expect(result.npv.p10.isFinite && result.npv.p90.isFinite && result.meanNPV.isFinite)
        #expect(result.histogram.counts.reduce(0, +) == 5_000 - result.failed)
    }

    // MARK: - Depth

    @Test func aDependencyChainOf14000MetricsIsOrderedWithoutRecursion() throws {
        var metrics = ""
        for index in 0..<13_999 { metrics += "  c\(index): c\(index + 1) + a\n" }
        metrics += "  c13999: a\n"
        let scenario = try #require(load(scenario(inputs: "  a: 1\n", metrics: metrics, benefit: "$1 * c0")))
        #expect(scenario.value("c0") == 14_000)
        #expect(scenario.model.metricOrder.first == 13_999)
    }

    @Test func aCycleInALongChainIsStillReportedWhole() {
        var metrics = ""
        for index in 0..<3 { metrics += "  c\(index): c\(index + 1) + a\n" }
        metrics += "  c3: c1\n"
        #expect(diagnose(scenario(inputs: "  a: 1\n", metrics: metrics, benefit: "$1 * c0")) == """
        content/scenarios/test.yaml:8:7: error: these metrics depend on each other in a loop: c1 → c2 → c3 → c1 [cycle]
          8 |   c1: c2 + a
            |       ^~
          hint: one of the formulas must not use the others
          note: content/scenarios/test.yaml:9:7: c2 uses c3
          note: content/scenarios/test.yaml:10:7: c3 uses c1
        1 error

        """)
    }

    @Test func a100000DeepFormulaIsALocatedError() {
        let deep = String(repeating: "(", count: 100_000) + "calls" + String(repeating: ")", count: 100_000)
        let printed = diagnose(scenario(metrics: "  total: \(deep) * cost\n"))
        #expect(printed.hasPrefix("content/scenarios/test.yaml:8:266: error: this formula is nested more than 256 levels deep [formula-syntax]\n"))
        #expect(printed.hasSuffix("  hint: split it into metrics that name its parts\n1 error\n"))
    }

    // MARK: - Display

    @Test func displayGlitches() throws {
        let inputs = "  calls: 1_000 calls\n  cost: $5/call\n  one: 1 conversions\n  two: 2 conversions\n  rate: $11_375/month\n  refund: −$5\n"
        let scenario = try #require(load(scenario(inputs: inputs)))
        #expect(scenario.formatted("one") == "1 conversion")
        #expect(scenario.formatted("two") == "2 conversions")
        #expect(scenario.formatted("rate") == "$11,375.00/month")
        // The minus sign Playbook prints reads back.
        #expect(scenario.formatted("refund") == "−$5.00")
        #expect(scenario.value("refund") == -5)
        #expect(scenario.formatter.money(-.infinity, decimals: 0) == "−$∞")
    }
}
