import PlaybookCore
import PlaybookScenario
import Testing

/// Loads a scenario written inline (with an attribution file when given) and returns the
/// printed diagnostics.
func diagnose(_ text: String, csv: String? = nil) -> String {
    let file = SourceFile(path: "content/scenarios/test.yaml", text: text)
    let (_, diagnostics) = Scenario.load(file) { path in
        guard let csv, path == "content/scenarios/touchpoints.csv" else {
            return .failure(.error(.missingFile, "there is no such file", at: nil))
        }
        return .success(SourceFile(path: path, text: csv))
    }
    return DiagnosticPrinter().format(diagnostics)
}

/// A minimal valid scenario around the given inputs, metrics and benefit formula.
func scenario(inputs: String = "  calls: 1_000 calls\n  cost: $5/call\n", metrics: String = "", benefit: String = "calls * cost") -> String {
    """
    client: Test
    horizon: 3 years
    discount_rate: 10%
    inputs:
    \(inputs)metrics:
    \(metrics.isEmpty ? "  total: calls * cost\n" : metrics)costs:
      yearly:
        team: $1_000
    benefits:
      yearly:
        savings: \(benefit)

    """
}

@Suite struct ScenarioDiagnosticsTests {
    @Test func aFormulaNestedTooDeeplyIsRefused() {
        let deep = String(repeating: "(", count: 300) + "calls" + String(repeating: ")", count: 300)
        #expect(diagnose(scenario(metrics: "  total: \(deep) * cost\n")) == """
        content/scenarios/test.yaml:8:266: error: this formula is nested more than 256 levels deep [formula-syntax]
          8 | …(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((calls))))))))))))))))))…
            |                                   ^
          hint: split it into metrics that name its parts
        1 error

        """)
        let long = "calls" + String(repeating: " + calls", count: 300)
        #expect(diagnose(scenario(metrics: "  total: (\(long)) * cost\n")) == """
        content/scenarios/test.yaml:8:2057: error: this formula is nested more than 256 levels deep [formula-syntax]
          8 | … + calls + calls + calls + calls + calls + calls + calls + calls + calls + calls + calls + calls + c…
            |                                   ^
          hint: split it into metrics that name its parts
        1 error

        """)
    }

    @Test func anUnknownNameSuggestsTheNearest() {
        #expect(diagnose(scenario(metrics: "  total: calls * cots\n")) == """
        content/scenarios/test.yaml:8:18: error: there is no input or metric called 'cots' [unknown-name]
          8 |   total: calls * cots
            |                  ^~~~
          hint: did you mean 'cost'?
        1 error

        """)
    }

    @Test func anUnknownNameDoesNotHideOtherMistakes() {
        let metrics = "  total: calls * cots\n  doubled: total * 2\n  wrong: calls * cost + 5%\n  call: max(calls * cost, cots, 5% + cost)\n"
        #expect(diagnose(scenario(metrics: metrics)) == """
        content/scenarios/test.yaml:8:18: error: there is no input or metric called 'cots' [unknown-name]
          8 |   total: calls * cots
            |                  ^~~~
          hint: did you mean 'cost'?
        content/scenarios/test.yaml:10:23: error: cannot add a percentage to money [unit-mismatch]
          10 |   wrong: calls * cost + 5%
             |                       ^
          hint: to change an amount by a percentage, multiply: amount * (1 + rate)
        content/scenarios/test.yaml:11:27: error: there is no input or metric called 'cots' [unknown-name]
          11 |   call: max(calls * cost, cots, 5% + cost)
             |                           ^~~~
          hint: did you mean 'cost'?
        content/scenarios/test.yaml:11:36: error: cannot add money per call to a percentage [unit-mismatch]
          11 |   call: max(calls * cost, cots, 5% + cost)
             |                                    ^
          hint: to change an amount by a percentage, multiply: amount * (1 + rate)
        4 errors

        """)
    }

    @Test func aCycleIsNamedWhole() {
        #expect(diagnose(scenario(metrics: "  a: b * 2\n  b: c + calls\n  c: a / 2\n")) == """
        content/scenarios/test.yaml:8:6: error: these metrics depend on each other in a loop: a → b → c → a [cycle]
          8 |   a: b * 2
            |      ^
          hint: one of the formulas must not use the others
          note: content/scenarios/test.yaml:9:6: b uses c
          note: content/scenarios/test.yaml:10:6: c uses a
        1 error

        """)
    }

    @Test func moneyPlusAPercentageIsAnErrorAtThePlus() {
        #expect(diagnose(scenario(inputs: "  calls: 1_000 calls\n  cost: $5/call\n  rise: 3%\n", metrics: "  total: calls * cost + rise\n")) == """
        content/scenarios/test.yaml:9:23: error: cannot add a percentage to money [unit-mismatch]
          9 |   total: calls * cost + rise
            |                       ^
          hint: to change an amount by a percentage, multiply: amount * (1 + rate)
        1 error

        """)
    }

    @Test func aLineMustComeToMoney() {
        #expect(diagnose(scenario(benefit: "calls * 2")) == """
        content/scenarios/test.yaml:14:14: error: the benefit line 'savings' is a count of calls, not money [unit-mismatch]
          14 |     savings: calls * 2
             |              ^~~~~~~~~
          hint: a line of the business case must come to an amount of money
        1 error

        """)
    }

    @Test func divisionByZeroNamesTheCase() {
        let text = scenario(inputs: "  calls: 1_000 calls\n  cost: $5/call\n  share: { low: 0%, expected: 10%, high: 20% }\n",
                            metrics: "  per_share: cost / share\n  total: calls * per_share\n")
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:9:19: error: this divides by zero in the low case: 'share' is 0 [division-by-zero]
          9 |   per_share: cost / share
            |                   ^
          hint: check the inputs the divisor depends on, and their low and high values
        1 error

        """)
    }

    @Test func malformedLiteralsAndFormulas() {
        let text = scenario(inputs: "  calls: 1,000 calls\n  cost: $5.0.0/call\n  rate: 5 %%\n", metrics: "  total: (calls * cost\n  other: 12 calls\n")
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:5:11: error: commas are not allowed in numbers [invalid-value]
          5 |   calls: 1,000 calls
            |           ^
          hint: group digits with underscores: 1_200_000
        content/scenarios/test.yaml:6:13: error: unexpected '.0/call' after the value [invalid-value]
          6 |   cost: $5.0.0/call
            |             ^~~~~~~
          hint: write one quantity, such as 120_000 contacts, 70%, $6.50/call or 12 min
        content/scenarios/test.yaml:7:12: error: unexpected '%' after the value [invalid-value]
          7 |   rate: 5 %%
            |            ^
          hint: write one quantity, such as 120_000 contacts, 70%, $6.50/call or 12 min
        content/scenarios/test.yaml:9:10: error: this '(' is never closed [formula-syntax]
          9 |   total: (calls * cost
            |          ^
          hint: add ')'
        content/scenarios/test.yaml:10:13: error: expected an operator between the number and 'calls' [formula-syntax]
          10 |   other: 12 calls
             |             ^~~~~
          hint: write '* calls' to multiply; only time units (min, h, days …) and USD may follow a number
        5 errors

        """)
    }

    @Test func duplicateNamesAndMissingSections() {
        let text = """
        client: Test
        horizon: 3 years
        discount_rate: 10%
        inputs:
          calls: 1_000 calls
        metrics:
          calls: 2 * 3
        benefits:
          yearly:
            savings: $10

        """
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:1:1: error: the scenario has no 'costs' [missing-key]
          1 | client: Test
            | ^~~~~~~~~~~~
          hint: add a line 'costs: …'
        content/scenarios/test.yaml:7:3: error: the name 'calls' is used twice [duplicate-name]
          7 |   calls: 2 * 3
            |   ^~~~~
          hint: inputs and metrics share one set of names
          note: content/scenarios/test.yaml:5:3: first used here
        2 errors

        """)
    }

    @Test func functionsAreChecked() {
        let text = scenario(metrics: "  a: mx(calls, 2)\n  b: round(cost, 1, 2)\n  total: min(calls, cost)\n")
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:8:6: error: there is no function 'mx' [unknown-function]
          8 |   a: mx(calls, 2)
            |      ^~
          hint: did you mean 'max'?
        content/scenarios/test.yaml:9:6: error: round takes 1 or 2 arguments, not 3 [wrong-arguments]
          9 |   b: round(cost, 1, 2)
            |      ^~~~~
          hint: write round(x) or round(x, digits)
        content/scenarios/test.yaml:10:10: error: the arguments of min must all be the same kind of value [unit-mismatch]
          10 |   total: min(calls, cost)
             |          ^~~
          hint: write min(a, b, …)
        3 errors

        """)
    }

    @Test func rangesMustBeInOrderAndOfOneUnit() {
        let text = scenario(inputs: "  calls: 1_000 calls\n  cost: { low: $6/call, expected: $5/call, high: $7/call }\n  share: { low: 5%, high: $3 }\n")
        #expect(diagnose(text) == """
        content/scenarios/test.yaml:6:3: error: the range of 'cost' is out of order: low ≤ expected ≤ high is needed [invalid-range]
          6 |   cost: { low: $6/call, expected: $5/call, high: $7/call }
            |   ^~~~
          hint: low is the pessimistic value and high the optimistic one
        content/scenarios/test.yaml:7:27: error: this is money but the other values of the input are a percentage [unit-mismatch]
          7 |   share: { low: 5%, high: $3 }
            |                           ^~
        2 errors

        """)
    }

    @Test func badAttributionCellsArePointedAt() {
        let text = scenario() + "attribution:\n  data: touchpoints.csv\n  channel: social\n"
        let csv = """
        conversion,channel,days_before_conversion,value
        c1,social,14,$600
        c1,search,two weeks,
        c2,email,0,lots
        c3,social,3

        """
        #expect(diagnose(text, csv: csv) == """
        content/scenarios/touchpoints.csv:3:11: error: 'two weeks' is not a number of days [csv-cell]
          3 | c1,search,two weeks,
            |           ^~~~~~~~~
          hint: write how many days before the conversion the touch happened, such as 14 or 0.5
        content/scenarios/touchpoints.csv:4:12: error: 'lots' is not an amount of money [csv-cell]
          4 | c2,email,0,lots
            |            ^~~~
          hint: write the conversion's value, such as 600 or $600
        content/scenarios/touchpoints.csv:5:1: error: this row has 3 cells but the header has 4 [csv-row]
          5 | c3,social,3
            | ^~
        3 errors

        """)
    }
}
