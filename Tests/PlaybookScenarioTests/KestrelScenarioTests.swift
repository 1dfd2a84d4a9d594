import Foundation
import PlaybookCore
import PlaybookScenario
import Testing

/// The repository root.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads a project file for a scenario (the attribution CSV).
func readProjectFile(_ path: String) -> Result<SourceFile, Diagnostic> {
    guard let text = try? String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8) else {
        return .failure(.error(.missingFile, "no such file", at: nil))
    }
    return .success(SourceFile(path: path, text: text))
}

/// Reads a binary file of the repository (a report's logo) by project-relative path.
func readProjectBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
    guard let data = try? Data(contentsOf: repository.appendingPathComponent(path)) else {
        return .failure(.error(.missingFile, "no such file", at: nil))
    }
    return .success(Array(data))
}

func loadScenario(_ path: String) throws -> (Scenario?, [Diagnostic]) {
    let text = try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    return Scenario.load(SourceFile(path: path, text: text), readBytes: readProjectBytes, readFile: readProjectFile)
}

@Suite struct KestrelScenarioTests {
    @Test func reproducesTheBooksWorkedExample() throws {
        let (scenario, diagnostics) = try loadScenario("content/scenarios/kestrel-mobile.yaml")
        #expect(diagnostics.map { DiagnosticPrinter().format($0) } == [])
        guard let scenario else { return }
        let shown = ["cost_per_handled_minute", "cost_per_call", "social_cost_per_contact", "calls_per_year", "phone_cost_per_year",
                     "other_cost_per_year", "blended_cost_per_contact", "cost_per_resolution", "calls_shifted", "contact_shift_savings",
                     "direct_deflection_savings", "indirect_deflection_savings", "remaining_calls", "handle_time_savings",
                     "customers_on_social", "customers_retained", "retention_savings", "lifetime_value_simple", "lifetime_value",
                     "lifetime_value_margin_first"].map { "\($0) = \(scenario.formatted($0) ?? "?")" }
        #expect(shown == [
            "cost_per_handled_minute = $1.00/min", "cost_per_call = $6.50/call", "social_cost_per_contact = $2.10/contact",
            "calls_per_year = 1,008,000 calls", "phone_cost_per_year = $6,552,000", "other_cost_per_year = $1,728,000",
            "blended_cost_per_contact = $5.75/contact", "cost_per_resolution = $9.03/call", "calls_shifted = 80,640 contacts",
            "contact_shift_savings = $354,816", "direct_deflection_savings = $103,500", "indirect_deflection_savings = $155,250",
            "remaining_calls = 895,860 calls", "handle_time_savings = $89,586", "customers_on_social = 67,200 customers",
            "customers_retained = 672 customers", "retention_savings = $217,728", "lifetime_value_simple = $1,800.00/customer",
            "lifetime_value = $948.86/customer", "lifetime_value_margin_first = $1,272.86/customer",
        ])
        let summary = scenario.expected.roundedSummary
        #expect(summary.benefits.periods == [0, 565_430, 715_420, 756_820])
        #expect(summary.costs.periods == [330_000, 346_500, 346_500, 346_500])
        // Each line's present value is rounded, and the totals are sums of the rounded lines.
        #expect(summary.benefitLines.map(\.presentValue) == [794_136, 147_062, 220_593, 106_010, 406_093])
        #expect(summary.benefits.presentValue == 1_673_894)
        #expect(summary.costs.presentValue == 1_191_694)
        #expect(summary.npv == 482_200)
        #expect(scenario.formatter.format(summary.roi ?? 0, .percent) == "40.5%")
        #expect(scenario.formatter.months(summary.paybackMonths) == "15.6 months")
        #expect((scenario.expected.summary.npv * 100).rounded() / 100 == 482_199.53)
    }
}
