import Foundation
import PlaybookCore
@testable import PlaybookKit
import PlaybookScenario
import Testing
@testable import PlaybookEvaluate
@testable import PlaybookLoad

/// One figures schema (``ScenarioFigures``): `metrics.json` and `metrics.csv` are encoded from
/// it, `--compare` reads an earlier `metrics.json` back into it, and value tags name its figures.
@Suite struct ScenarioFiguresTests {
    static let repository = CalcSnapshotTests.repository

    /// Every figures file the fixtures hold reads back into the same figures: writing what was
    /// read gives the file byte for byte, so the reader misses no field the writer writes.
    @Test(arguments: [
        "calc/attribution-example.json", "calc/brightwell-outdoor.json", "calc/brightwell-pr-launch.json",
        "calc/kestrel-mobile.json", "calc/larkspur-home.json",
        "projects/report/expected/reports/acme/metrics.json", "projects/report/expected/reports/outdoor/metrics.json",
    ])
    func aFiguresFileReadsBackToTheSameText(_ path: String) throws {
        let text = try String(contentsOf: Snapshot.fixtures.appendingPathComponent(path), encoding: .utf8)
        let figures = try #require(ScenarioFigures(json: Array(text.utf8)))
        #expect(figures.json == text)
    }

    /// Figures compared with themselves as a file holds them have nothing to list, the
    /// simulation included: what `--compare` says after an unchanged report.
    @Test func figuresReadBackHaveNothingChanged() async throws {
        let (scenario, _) = ScenarioFiles.load("kestrel-mobile", projectRoot: Self.repository, currentDirectory: Self.repository)
        let loaded = try #require(scenario)
        let built = ScenarioFigures(scenario: loaded, simulation: await loaded.simulate(iterations: 2_000, seed: 7))
        let read = try #require(ScenarioFigures(json: Array(built.json.utf8)))
        #expect(read.simulation?.seed == "7" && read.simulation?.iterations == 2_000)
        let changes = ReportChanges(earlier: .figures(read), current: built.json, scenario: loaded)
        #expect(changes.isEmpty && changes.problem == nil)
        #expect(changes.text(name: "kestrel-mobile", since: "old") == "kestrel-mobile: no figure changed since old\n")
    }

    /// A `metrics.json` written before payback statuses existed (no `payback`, no
    /// `discounted_payback`; `null` months for both kinds of payback without months) still reads:
    /// a payback with months is months, one without is unknown.
    @Test func aFiguresFileWithoutPaybackStatusesReads() throws {
        let text = """
        {
          "scenario": "ramp",
          "summary": {
            "npv": 1200,
            "payback_months": 16,
            "discounted_payback_months": null
          }
        }
        """
        let figures = try #require(ScenarioFigures(json: Array(text.utf8)))
        #expect(figures.summary?.npv == 1200)
        #expect(figures.summary?.payback == .months(16))
        #expect(figures.summary?.discountedPayback == nil)
        #expect(figures.inputs.isEmpty && figures.simulation == nil && figures.cases.isEmpty)
        #expect(ScenarioFigures(json: Array("[1, 2]".utf8)) == nil)
        #expect(ScenarioFigures(json: Array("not json".utf8)) == nil)
    }

    /// `--compare` against a file of the earlier format lists the figures it can compare, and a
    /// payback that had months and now has a status.
    @Test func compareReadsAFiguresFileOfTheEarlierFormat() throws {
        let (scenario, _) = ScenarioFiles.load("kestrel-mobile", projectRoot: Self.repository, currentDirectory: Self.repository)
        let loaded = try #require(scenario)
        let earlier = try #require(ScenarioFigures(json: Array("""
        {
          "inputs": [{ "name": "handle_time", "value": 6, "formatted": "6 min/call" }],
          "summary": { "npv": 400000, "roi": 0.3, "payback_months": 18 }
        }
        """.utf8)))
        var current = ScenarioFigures(scenario: loaded)
        current.summary?.payback = .immediate
        let changes = ReportChanges(earlier: .figures(earlier), current: current.json, scenario: loaded)
        // Names are padded to the longest; one run of spaces is enough to read them.
        let lines = changes.text(name: "kestrel-mobile", since: "old").components(separatedBy: "\n").map { line in
            line.replacingOccurrences(of: " {2,}", with: "  ", options: .regularExpression)
        }
        #expect(lines.filter { line in
            ["  handle_time  ", "  NPV  ", "  ROI  ", "  Payback  ", "  Discounted payback  "].contains { line.hasPrefix($0) }
        } == [
            "  handle_time  6 min/call → 6.5 min/call",
            "  NPV  $400,000 → $482,200  (+$82,200)",
            "  ROI  30.0% → 40.5%  (+10.5 points)",
            "  Payback  18.0 months → immediate (nothing to pay back)",
            "  Discounted payback  — → 17.2 months",
        ])
    }

    /// Every name a value tag may use beside inputs and metrics has a value in figures built
    /// with a simulation, and only the simulation's names need one.
    @Test func everyNamedFigureHasAValue() async throws {
        let (scenario, _) = ScenarioFiles.load("kestrel-mobile", projectRoot: Self.repository, currentDirectory: Self.repository)
        let loaded = try #require(scenario)
        let withRun = ScenarioFigures(scenario: loaded, simulation: await loaded.simulate(iterations: 500, seed: 1))
        let withoutRun = ScenarioFigures(scenario: loaded)
        for name in ScenarioFigures.Named.allCases {
            #expect(withRun.value(name) != nil, "\(name.rawValue)")
            #expect((withoutRun.value(name) == nil) == name.isSimulation, "\(name.rawValue)")
        }
        #expect(withRun.value(.npv) == .money(482_200))
        #expect(withRun.value(.title) == .text(loaded.spec.title ?? loaded.spec.client))
    }
}
