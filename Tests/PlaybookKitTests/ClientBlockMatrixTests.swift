import Foundation
import PlaybookCore
import PlaybookScenario
import Testing
@testable import PlaybookEvaluate
@testable import PlaybookRender

/// The `key-findings`, `risks`, `lines` and `cash-flow` blocks over a matrix of small
/// scenarios: profitable, loss-making, zero risk, no ranges, no initial costs, no costs at
/// all, one benefit, huge and tiny amounts. Each block's whole text is pinned, and every text
/// is checked for what a client report must never say.
@Suite struct ClientBlockMatrixTests {
    /// A scenario of the matrix: its YAML, and the text its key findings and risks must read.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var testDescription: String { name }
    }

    /// A scenario with a three-year horizon at 10%, the given inputs, costs and benefits.
    static func yaml(_ client: String, inputs: String, costs: String?, benefits: String) -> String {
        """
        client: \(client)
        horizon: 3 years
        discount_rate: 10%
        inputs:
        \(inputs)
        metrics:
          calls_moved: { formula: calls_per_year * shift_share, unit: calls }
          saving_per_call: { formula: phone_cost - social_cost, unit: $/call }
          shift_savings: calls_moved * saving_per_call
        \(costs.map { "costs:\n\($0)" } ?? "costs: {}")
        benefits:
        \(benefits)

        """
    }

    static let rangedInputs = """
      calls_per_year: { value: 1_000_000 calls, source: "Contact centre reporting" }
      shift_share: { low: 4%, expected: 8%, high: 10%, source: "Pilot" }
      phone_cost: { value: $6/call, source: "Finance" }
      social_cost: { low: $2/call, expected: $2/call, high: $3/call }
    """
    static let fixedInputs = """
      calls_per_year: { value: 1_000_000 calls, source: "Contact centre reporting" }
      shift_share: { value: 8%, source: "Pilot" }
      phone_cost: { value: $6/call, source: "Finance" }
      social_cost: $2/call
      agents: { value: 2, source: "Staffing plan" }
      salary: { value: $10_000, source: "Finance: loaded cost of a part-time agent" }
    """
    static let riskyBenefits = """
      yearly:
        shift: { value: shift_savings, label: Calls moved to social care, ramp: [50%, 100%, 100%], risk: 10% }
        licence_saving: { value: $5_000, label: Licence saving, risk: 20% }
    """
    static let riskyCosts = """
      initial:
        platform: { value: $40_000, label: Platform set-up, risk: 10% }
      yearly:
        team: { value: $20_000, label: Community team, risk: 5% }
    """

    static let cases: [Case] = [
        Case(name: "profitable", yaml: yaml("Profitable Co", inputs: rangedInputs, costs: riskyCosts, benefits: riskyBenefits)),
        Case(name: "loss-making", yaml: yaml("Loss Co", inputs: rangedInputs, costs: """
          initial:
            platform: { value: $400_000, label: Platform set-up, risk: 10% }
          yearly:
            team: { value: $120_000, label: Community team, risk: 5% }
        """, benefits: riskyBenefits)),
        Case(name: "zero risk", yaml: yaml("Zero Risk Co", inputs: rangedInputs, costs: """
          initial:
            platform: { value: $40_000, label: Platform set-up }
          yearly:
            team: { value: $20_000, label: Community team }
        """, benefits: """
          yearly:
            shift: { value: shift_savings, label: Calls moved to social care }
        """)),
        Case(name: "no ranges", yaml: yaml("Fixed Co", inputs: fixedInputs, costs: riskyCosts, benefits: riskyBenefits)),
        Case(name: "no initial costs", yaml: yaml("Yearly Co", inputs: rangedInputs, costs: """
          yearly:
            team: { value: $20_000, label: Community team, risk: 5% }
        """, benefits: riskyBenefits)),
        Case(name: "no costs", yaml: yaml("Free Co", inputs: rangedInputs, costs: nil, benefits: riskyBenefits)),
        Case(name: "one benefit", yaml: yaml("Single Co", inputs: fixedInputs, costs: """
          initial:
            platform: { value: $40_000, label: Platform set-up, risk: 10% }
          yearly:
            team: { value: agents * salary, label: Community team, risk: 5% }
        """, benefits: """
          yearly:
            shift: { value: shift_savings, label: Calls moved to social care, risk: 10% }
        """)),
        Case(name: "huge", yaml: yaml("Huge Co", inputs: """
          calls_per_year: { value: 900_000_000 calls, source: "Group reporting" }
          shift_share: { low: 20%, expected: 40%, high: 50%, source: "Pilot" }
          phone_cost: { value: $6/call, source: "Finance" }
          social_cost: $2/call
        """, costs: """
          initial:
            platform: { value: $1_500_000_000, label: Platform set-up, risk: 10% }
          yearly:
            team: { value: $200_000_000, label: Community team, risk: 5% }
        """, benefits: """
          yearly:
            shift: { value: shift_savings, label: Calls moved to social care, risk: 10% }
        """)),
        Case(name: "tiny", yaml: yaml("Tiny Co", inputs: """
          calls_per_year: { value: 2 calls, source: "Reception log" }
          shift_share: { low: 40%, expected: 50%, high: 60% }
          phone_cost: { value: $6/call, source: "Finance" }
          social_cost: $2/call
        """, costs: """
          initial:
            platform: { value: $3, label: Sign-up fee }
        """, benefits: """
          yearly:
            shift: { value: shift_savings, label: Calls moved to social care }
        """)),
    ]

    /// The scenario of `item`, loaded (a failing test when it has errors).
    static func load(_ item: Case) throws -> Scenario {
        let (scenario, diagnostics) = Scenario.load(SourceFile(path: "content/scenarios/matrix.yaml", text: item.yaml)) { _ in
            .failure(.error(.missingFile, "there is no such file", at: nil))
        }
        #expect(diagnostics.isEmpty, "\(DiagnosticPrinter().format(diagnostics))")
        return try #require(scenario)
    }

    /// The statements of a block as text, one line each, items under a statement indented.
    static func text(_ items: [Statements.Item], _ formatter: ValueFormatter) -> String {
        items.map { item in
            ([(item.lead.map { "\($0): " } ?? "") + item.text.text(formatter)] + item.items.map { "  - " + $0.text(formatter) })
                .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The key findings and the risks of `item`, as the blocks say them.
    static func statements(_ item: Case) async throws -> (findings: String, risks: String, scenario: Scenario) {
        let scenario = try load(item)
        let simulation = scenario.spec.hasRanges ? await scenario.simulate(iterations: 10_000, seed: 1) : nil
        let writer = FindingsWriter(tables: BlockTables(scenario: scenario), simulation: simulation)
        return (text(writer.keyFindings(), scenario.formatter), text(writer.risks(), scenario.formatter), scenario)
    }

    /// What no text of these blocks may say: a dash for a missing figure, a snake_case name,
    /// risk wording without a risk adjustment, a favourable judgement of a loss.
    static func contradictions(in text: String, scenario: Scenario) -> [String] {
        var found: [String] = []
        if text.contains("—") { found.append("a dash") }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
        if let snake = words.first(where: { $0.contains("_") }) { found.append("the name \(snake)") }
        let hasRisk = scenario.spec.lines.contains { $0.risk > 0 }
        if !hasRisk, text.contains("adjusted for risk") || text.contains("risk-adjusted") || text.contains("after risk adjustment") {
            found.append("risk wording without a risk adjustment")
        }
        if scenario.expected.roundedSummary.npv < 0 {
            for claim in ["pays for itself", "benefits exceed the costs", "times the costs", "pays back in"] where text.contains(claim) {
                found.append("'\(claim)' with a negative NPV")
            }
        }
        return found
    }

    /// The text of every table the `lines` block shows, one string per table.
    static func linesText(_ tables: BlockTables, _ formatter: ValueFormatter) -> [String] {
        guard let lines = tables.lines(BlockTables.LineKind.all, in: ScenarioCase.expected) else { return [] }
        return lines.tables.map { table in
            var parts: [String] = [table.caption, table.note?.text(formatter) ?? ""]
            for row in table.rows {
                parts += [row.ref, row.label.text(formatter), row.source.text(formatter)]
                parts += row.values.map { $0.text(formatter) }
            }
            return parts.joined(separator: "\n")
        }
    }

    /// The text of the `cash-flow` block's table.
    static func cashFlowText(_ tables: BlockTables, _ formatter: ValueFormatter) -> String {
        guard let table = tables.cashFlow(caption: nil, in: ScenarioCase.expected) else { return "" }
        var parts: [String] = [table.caption, table.note?.text(formatter) ?? ""] + table.head
        for row in table.rows { parts += row.cells.map { $0.text(formatter) } }
        return parts.joined(separator: "\n")
    }

    @Test("no block says what the figures contradict", arguments: cases)
    func noContradictions(_ item: Case) async throws {
        let (findings, risks, scenario) = try await Self.statements(item)
        let tables = BlockTables(scenario: scenario)
        let texts = [findings, risks, Self.cashFlowText(tables, scenario.formatter)] + Self.linesText(tables, scenario.formatter)
        for text in texts {
            #expect(Self.contradictions(in: text, scenario: scenario) == [], "\(item.name): \(text)")
        }
    }

    /// The whole text of each case's key findings, then its risks, as read and judged true.
    static let expected: [String: (findings: String, risks: String)] = [
        "profitable": (
            """
            Benefits: $595,251 in present value over three years, after risk adjustment, from 2 benefits:
              - Calls moved to social care: $585,304
              - Licence saving: $9,947
            Costs: $96,224 in present value over three years, after risk adjustment, of which $44,000 is spent at the start.
            Net present value: $499,027 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 518.6%: in present value the benefits are 6.2 times the costs.
            Payback: 4.2 months, or 4.6 months on discounted cash flows.
            Low case: with every uncertain input at its low value, the net present value is $206,375.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $411,458, one outcome in ten is below $280,225 (the P10), and the return on investment is positive in 100.0% of them.
            """,
            """
            If shift share is 4.0% instead of 8.0%, the net present value falls to $206,375.
            If social cost is $3.00/call instead of $2.00/call, the net present value falls to $352,701.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 0.0%, and one outcome in ten has a net present value below $280,225 (the P10).
            The figures already allow for risk: benefits are reduced by 10% to 20% and costs are increased by 5% to 10%, line by line.
            """),
        "loss-making": (
            """
            Benefits: $595,251 in present value over three years, after risk adjustment, from 2 benefits:
              - Calls moved to social care: $585,304
              - Licence saving: $9,947
            Costs: $753,343 in present value over three years, after risk adjustment, of which $440,000 is spent at the start.
            Net present value: −$158,092 at a discount rate of 10%: the costs exceed the benefits in present value, so the programme does not recover its costs.
            Return on investment: −21.0%: the benefits recover 79.0% of the costs in present value.
            Payback: the programme does not pay back within the three-year horizon.
            Low case: with every uncertain input at its low value, the net present value is −$450,744.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is −$245,661, one outcome in ten is below −$376,895 (the P10), and the return on investment is positive in 0.0% of them.
            """,
            """
            At the expected values the programme does not recover its costs: the net present value is −$158,092.
            If shift share is 4.0% instead of 8.0%, the net present value falls further, to −$450,744.
            If social cost is $3.00/call instead of $2.00/call, the net present value falls further, to −$304,418.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 100.0%, and one outcome in ten has a net present value below −$376,895 (the P10).
            The figures already allow for risk: benefits are reduced by 10% to 20% and costs are increased by 5% to 10%, line by line.
            """),
        "zero risk": (
            """
            Benefits: $795,793 in present value over three years, all from one benefit: calls moved to social care.
            Costs: $89,737 in present value over three years, of which $40,000 is spent at the start.
            Net present value: $706,056 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 786.8%: in present value the benefits are 8.9 times the costs.
            Payback: 1.6 months, or 1.8 months on discounted cash flows.
            Low case: with every uncertain input at its low value, the net present value is $308,159.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $586,994, one outcome in ten is below $408,566 (the P10), and the return on investment is positive in 100.0% of them.
            """,
            """
            If shift share is 4.0% instead of 8.0%, the net present value falls to $308,159.
            If social cost is $3.00/call instead of $2.00/call, the net present value falls to $507,107.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 0.0%, and one outcome in ten has a net present value below $408,566 (the P10).
            No line carries a risk adjustment: the figures are the estimates as they stand, with no allowance for what could go wrong.
            """),
        "no ranges": (
            """
            Benefits: $595,251 in present value over three years, after risk adjustment, from 2 benefits:
              - Calls moved to social care: $585,304
              - Licence saving: $9,947
            Costs: $96,224 in present value over three years, after risk adjustment, of which $44,000 is spent at the start.
            Net present value: $499,027 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 518.6%: in present value the benefits are 6.2 times the costs.
            Payback: 4.2 months, or 4.6 months on discounted cash flows.
            """,
            """
            The case records no ranges for its inputs: each is a single estimate, so no low case, sensitivity or probability of loss can be given.
            The figures already allow for risk: benefits are reduced by 10% to 20% and costs are increased by 5% to 10%, line by line.
            """),
        "no initial costs": (
            """
            Benefits: $595,251 in present value over three years, after risk adjustment, from 2 benefits:
              - Calls moved to social care: $585,304
              - Licence saving: $9,947
            Costs: $52,224 in present value over three years, after risk adjustment.
            Net present value: $543,027 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 1,039.8%: in present value the benefits are 11.4 times the costs.
            Payback: there is no outlay to pay back: the cumulative cash flow is never below zero.
            Low case: with every uncertain input at its low value, the net present value is $250,375.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $455,458, one outcome in ten is below $324,225 (the P10), and the return on investment is positive in 100.0% of them.
            """,
            """
            If shift share is 4.0% instead of 8.0%, the net present value falls to $250,375.
            If social cost is $3.00/call instead of $2.00/call, the net present value falls to $396,701.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 0.0%, and one outcome in ten has a net present value below $324,225 (the P10).
            The figures already allow for risk: benefits are reduced by 10% to 20% and costs are increased by 5%, line by line.
            """),
        "no costs": (
            """
            Benefits: $595,251 in present value over three years, after risk adjustment, from 2 benefits:
              - Calls moved to social care: $585,304
              - Licence saving: $9,947
            Costs: none; the case records no costs.
            Net present value: $595,251 at a discount rate of 10%, the present value of the benefits, as the case has no costs.
            Return on investment: none can be given, because the case has no costs to set the benefits against.
            Payback: there is no outlay to pay back: the cumulative cash flow is never below zero.
            Low case: with every uncertain input at its low value, the net present value is $302,599.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $507,682 and one outcome in ten is below $376,448 (the P10).
            """,
            """
            If shift share is 4.0% instead of 8.0%, the net present value falls to $302,599.
            If social cost is $3.00/call instead of $2.00/call, the net present value falls to $448,925.
            In 10,000 simulated outcomes, one outcome in ten has a net present value below $376,448 (the P10).
            The figures already allow for risk: benefits are reduced by 10% to 20%, line by line.
            """),
        "one benefit": (
            """
            Benefits: $716,213 in present value over three years, after risk adjustment, all from one benefit: calls moved to social care.
            Costs: $96,224 in present value over three years, after risk adjustment, of which $44,000 is spent at the start.
            Net present value: $619,989 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 644.3%: in present value the benefits are 7.4 times the costs.
            Payback: 2.0 months, or 2.2 months on discounted cash flows.
            """,
            """
            The case records no ranges for its inputs: each is a single estimate, so no low case, sensitivity or probability of loss can be given.
            The figures already allow for risk: benefits are reduced by 10% and costs are increased by 5% to 10%, line by line.
            """),
        "huge": (
            """
            Benefits: $3,222,960,180 in present value over three years, after risk adjustment, all from one benefit: calls moved to social care.
            Costs: $2,172,238,918 in present value over three years, after risk adjustment, of which $1,650,000,000 is spent at the start.
            Net present value: $1,050,721,262 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 48.4%: in present value the benefits come to 148.4% of the costs.
            Payback: 18.2 months, or 20.9 months on discounted cash flows.
            Low case: with every uncertain input at its low value, the net present value is −$560,758,828.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $839,604,070, one outcome in ten is below $54,209,389 (the P10), and the return on investment is positive in 91.7% of them.
            """,
            """
            If shift share is 20.0% instead of 40.0%, the net present value falls to −$560,758,828, and the programme no longer recovers its costs.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 8.3%, and one outcome in ten has a net present value below $54,209,389 (the P10).
            The figures already allow for risk: benefits are reduced by 10% and costs are increased by 5% to 10%, line by line.
            """),
        "tiny": (
            """
            Benefits: $10 in present value over three years, all from one benefit: calls moved to social care.
            Costs: $3 in present value over three years.
            Net present value: $7 at a discount rate of 10%: the benefits exceed the costs in present value.
            Return on investment: 233.3%: in present value the benefits are 3.3 times the costs.
            Payback: 9.0 months, or 9.9 months on discounted cash flows.
            Low case: with every uncertain input at its low value, the net present value is $4.
            Range of outcomes: in 10,000 simulated outcomes, the median net present value is $7, one outcome in ten is below $6 (the P10), and the return on investment is positive in 100.0% of them.
            """,
            """
            If shift share is 40.0% instead of 50.0%, the net present value falls to $4.
            In 10,000 simulated outcomes, the probability of a negative return on investment is 0.0%, and one outcome in ten has a net present value below $6 (the P10).
            No line carries a risk adjustment: the figures are the estimates as they stand, with no allowance for what could go wrong.
            """),
    ]

    @Test("key findings and risks read exactly so", arguments: cases)
    func theTextIsPinned(_ item: Case) async throws {
        let (findings, risks, _) = try await Self.statements(item)
        let expected = try #require(Self.expected[item.name])
        #expect(findings == expected.findings)
        #expect(risks == expected.risks)
    }

    /// A calculated cost has a table of its own, and so does a single plain amount, after the
    /// benefits' in the order of the scenario; the whole text of each table of the one-benefit
    /// case.
    @Test func aCalculatedCostHasItsOwnTable() throws {
        let scenario = try Self.load(try #require(Self.cases.first { $0.name == "one benefit" }))
        let texts = Self.linesText(BlockTables(scenario: scenario), scenario.formatter).map { $0.replacingOccurrences(of: "\n", with: " | ") }
        #expect(texts == [
            "Benefit A: Calls moved to social care | Three-year total (risk-adjusted): $864,000. Present value: $716,213. | A1 | Calls per year | Contact centre reporting | 1,000,000 calls | 1,000,000 calls | 1,000,000 calls | A2 | Shift share | Pilot | 8.0% | 8.0% | 8.0% | A3 | Calls moved | A1 × A2 | 80,000 calls | 80,000 calls | 80,000 calls | A4 | Phone cost | Finance | $6.00/call | $6.00/call | $6.00/call | A5 | Social cost | Assumption of the case | $2.00/call | $2.00/call | $2.00/call | A6 | Saving per call | A4 − A5 | $4.00/call | $4.00/call | $4.00/call | At | Calls moved to social care | A3 × A6 | $320,000 | $320,000 | $320,000 |  | Risk adjustment ↓10% |  | −$32,000 | −$32,000 | −$32,000 | Atr | Calls moved to social care (risk-adjusted) | At − risk adjustment | $288,000 | $288,000 | $288,000",
            "Cost B: Platform set-up | Three-year total (risk-adjusted): $44,000. Present value: $44,000. | Bt | Platform set-up | One-off amount | $40,000 |  | Risk adjustment ↑10% |  | $4,000 | Btr | Platform set-up (risk-adjusted) | Bt + risk adjustment | $44,000",
            "Cost C: Community team | Three-year total (risk-adjusted): $63,000. Present value: $52,224. | C1 | Agents | Staffing plan | 2 | 2 | 2 | C2 | Salary | Finance: loaded cost of a part-time agent | $10,000 | $10,000 | $10,000 | Ct | Community team | C1 × C2 | $20,000 | $20,000 | $20,000 |  | Risk adjustment ↑5% |  | $1,000 | $1,000 | $1,000 | Ctr | Community team (risk-adjusted) | Ct + risk adjustment | $21,000 | $21,000 | $21,000",
        ])
    }

    /// The letters of a case's tables run A … Z, then AA, AB …
    @Test func lettersGoOnPastZ() {
        var letters = LetterSequence()
        let first = (0..<28).map { _ in letters.next() }
        #expect(first.prefix(3) == ["A", "B", "C"])
        #expect(first.suffix(3) == ["Z", "AA", "AB"])
    }

    /// Prints every case's key findings and risks (with PLAYBOOK_PRINT=1), to read them whole.
    @Test func printTheTexts() async throws {
        guard ProcessInfo.processInfo.environment["PLAYBOOK_PRINT"] != nil else { return }
        for item in Self.cases {
            let (findings, risks, scenario) = try await Self.statements(item)
            let tables = BlockTables(scenario: scenario)
            print("=== \(item.name)\n\(findings)\n---\n\(risks)\n---\n" + Self.linesText(tables, scenario.formatter).joined(separator: "\n~~\n")
                  + "\n---\n" + Self.cashFlowText(tables, scenario.formatter))
        }
    }
}
