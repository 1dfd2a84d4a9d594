import PlaybookCore
import PlaybookScenario
import Testing

/// Labels: what readers see instead of names, read from the scenario or made from the name.
@Suite struct LabelTests {
    static func load(_ text: String) -> Scenario? {
        Scenario.load(SourceFile(path: "content/scenarios/test.yaml", text: text)) { _ in
            .failure(.error(.missingFile, "there is no such file", at: nil))
        }.0
    }

    @Test func anInputOrMetricShowsItsLabelOrItsNameInWords() throws {
        let text = scenario(inputs: "  calls: { value: 1_000 calls, label: Calls a year, source: CRM }\n  cost: $5/call\n",
                            metrics: "  total: { formula: calls * cost, label: \"Cost of calls, a year\" }\n  roi_of_npv_per_kpi: total / total\n")
        let loaded = try #require(Self.load(text))
        #expect(loaded.displayLabel(of: "calls") == "Calls a year")
        #expect(loaded.displayLabel(of: "cost") == "Cost")
        #expect(loaded.displayLabel(of: "total") == "Cost of calls, a year")
        #expect(loaded.displayLabel(of: "roi_of_npv_per_kpi") == "ROI of NPV per KPI")
        #expect(loaded.displayLabel(of: "discount_rate") == "Discount rate")
        #expect(loaded.displayLabel(of: "horizon_years") == "Horizon")
        #expect(loaded.spec.lineLabel(of: "savings") == "Savings")
        #expect(loaded.spec.inputs.map(\.shownSource) == ["CRM", "Not recorded", "Set for this business case", "Set for this business case"])
    }

    @Test func namesInWords() {
        #expect(ScenarioSpec.humanised("calls_shifted") == "Calls shifted")
        #expect(ScenarioSpec.humanised("npv_p10") == "NPV p10")
        #expect(ScenarioSpec.humanised("cost_per_fte") == "Cost per FTE")
        #expect(ScenarioSpec.humanised("clv") == "CLV")
        #expect(ScenarioSpec.humanised("x") == "X")
        #expect(ScenarioSpec.humanised("pr_launch_2026") == "PR launch 2026")
    }

    @Test func anEmptyOrNonTextLabelIsALocatedError() {
        #expect(diagnose(scenario(inputs: "  calls: { value: 1_000 calls, label: \"\" }\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:39: error: 'label' is empty [empty-value]
          5 |   calls: { value: 1_000 calls, label: "" }
            |                                       ^~
        1 error

        """)
        #expect(diagnose(scenario(inputs: "  calls: { value: 1_000 calls, label: [Calls] }\n  cost: $5/call\n")) == """
        content/scenarios/test.yaml:5:39: error: 'label' must be text, not a list [wrong-type]
          5 |   calls: { value: 1_000 calls, label: [Calls] }
            |                                       ^
        1 error

        """)
        #expect(diagnose(scenario(metrics: "  total: { formula: calls * cost, label: { a: b } }\n")) == """
        content/scenarios/test.yaml:8:42: error: 'label' must be text, not a mapping [wrong-type]
          8 |   total: { formula: calls * cost, label: { a: b } }
            |                                          ^
        1 error

        """)
    }

    /// Every input and metric of the shipped scenarios and the starter has a label written
    /// for a client, so that no book or report falls back to a name made words.
    @Test(arguments: ["content/scenarios/kestrel-mobile.yaml", "content/scenarios/brightwell-outdoor.yaml",
                      "content/scenarios/brightwell-pr-launch.yaml", "content/scenarios/larkspur-home.yaml",
                      "content/scenarios/attribution-example.yaml", "starter/content/scenarios/harbour-energy.yaml"])
    func everyShippedInputAndMetricHasALabel(path: String) throws {
        let scenario = try #require(try loadScenario(path).0)
        let unlabelled = scenario.spec.inputs.filter { !$0.isBuiltIn && $0.label == nil }.map(\.name)
            + scenario.spec.metrics.filter { $0.label == nil }.map(\.name)
        #expect(unlabelled == [])
        #expect(scenario.spec.inputs.allSatisfy { !$0.shownSource.isEmpty })
    }
}
