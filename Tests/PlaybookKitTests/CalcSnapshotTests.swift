import Foundation
import PlaybookCore
import PlaybookKit
import PlaybookScenario
import Testing
@testable import PlaybookEvaluate
@testable import PlaybookLoad

/// `playbook calc` of the shipped scenarios, as table, JSON and CSV, compared with the files
/// in Fixtures/calc (re-recorded with PLAYBOOK_RECORD=1).
@Suite struct CalcSnapshotTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = ScenarioFiles.all(projectRoot: repository)

    @Test("calc output", arguments: scenarios)
    func calcOutput(_ path: String) async throws {
        let (scenario, diagnostics) = ScenarioFiles.load(path, projectRoot: Self.repository, currentDirectory: Self.repository)
        #expect(diagnostics.isEmpty, "\(DiagnosticPrinter().format(diagnostics))")
        guard let scenario else { return }
        let name = scenario.spec.slug
        let folder = Snapshot.fixtures.appendingPathComponent("calc")
        let simulation = await scenario.simulate(iterations: 20_000, seed: 2026)
        let report = CalcReport(scenario: scenario, simulation: simulation)
        try Snapshot.assertText(report.table, matches: folder.appendingPathComponent("\(name).txt"))
        let figures = ScenarioFigures(scenario: scenario, simulation: simulation)
        try Snapshot.assertText(figures.json, matches: folder.appendingPathComponent("\(name).json"))
        try Snapshot.assertText(figures.csv, matches: folder.appendingPathComponent("\(name).csv"))
        try Snapshot.assertText(CalcReport(scenario: scenario, scenarioCase: .low).table, matches: folder.appendingPathComponent("\(name)-low.txt"))
        let explained = scenario.spec.metrics.map { scenario.explain($0.name)?.text ?? "" }.joined(separator: "\n")
        try Snapshot.assertText(explained, matches: folder.appendingPathComponent("\(name)-explain.txt"))
    }

    @Test func theJSONIsValidAndItsFiguresAreTheTablesFigures() throws {
        let (scenario, _) = ScenarioFiles.load("kestrel-mobile", projectRoot: Self.repository, currentDirectory: Self.repository)
        guard let scenario else { Issue.record("the scenario loads"); return }
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioFigures(scenario: scenario).json.utf8)) as? [String: Any]
        let summary = json?["summary"] as? [String: Any]
        #expect(summary?["npv"] as? Double == 482_200)
        #expect((summary?["roi"] as? Double).map { ($0 * 1000).rounded() } == 405)
        let metrics = json?["metrics"] as? [[String: Any]] ?? []
        #expect(metrics.first { $0["name"] as? String == "cost_per_call" }?["value"] as? Double == 6.5)
        #expect(metrics.first { $0["name"] as? String == "cost_per_call" }?["unit"] as? String == "USD/count")
        let inputs = json?["inputs"] as? [[String: Any]] ?? []
        // Values in the unit the scenario wrote, with the unit named (not seconds).
        #expect(inputs.first { $0["name"] as? String == "handle_time" }?["value"] as? Double == 6.5)
        #expect(inputs.first { $0["name"] as? String == "handle_time" }?["unit"] as? String == "min/count")
        #expect(inputs.first { $0["name"] as? String == "loaded_cost_per_hour" }?["value"] as? Double == 39)
        #expect(inputs.first { $0["name"] as? String == "loaded_cost_per_hour" }?["unit"] as? String == "USD/h")
        let objectives = json?["objectives"] as? [[String: Any]] ?? []
        #expect(objectives.first?["unit"] as? String == "min")
        #expect(objectives.first?["target"] as? Double == 30)
    }
}
