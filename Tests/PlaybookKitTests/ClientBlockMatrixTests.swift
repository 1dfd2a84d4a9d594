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
        Case(name: "one benefit", yaml: yaml("Single Co", inputs: fixedInputs, costs: riskyCosts, benefits: """
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
