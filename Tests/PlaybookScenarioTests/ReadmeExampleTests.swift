import Foundation
import PlaybookCore
import PlaybookScenario
import Testing

/// The README's scenario example is a real scenario: it loads, its figures are these, and the
/// diagnostics the README shows are what its two deliberate mistakes print.
@Suite struct ReadmeExampleTests {
    /// The fenced blocks of the README's "Scenario files" section, in order, with their
    /// languages.
    func blocks() throws -> [(language: String, text: String)] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "### Scenario files"), let end = readme.range(of: "### Commands", range: start.upperBound..<readme.endIndex) else {
            Issue.record("README.md has a 'Scenario files' section before 'Commands'")
            return []
        }
        let lines = readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        var result: [(language: String, text: String)] = []
        var current: [Substring]?
        var language = ""
        for line in lines {
            if line.hasPrefix("```") {
                if let block = current {
                    result.append((language, block.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = []
                    language = String(line.dropFirst(3))
                }
            } else {
                current?.append(line)
            }
        }
        return result
    }

    @Test func theExampleScenarioLoadsAndComputes() throws {
        let example = try #require(try blocks().first { $0.language == "yaml" }?.text)
        let (scenario, diagnostics) = Scenario.load(SourceFile(path: "content/scenarios/example.yaml", text: example)) { _ in
            .failure(.error(.missingFile, "no such file", at: nil))
        }
        #expect(DiagnosticPrinter().format(diagnostics) == "")
        let summary = try #require(scenario?.expected.roundedSummary)
        #expect(summary.npv == 760_032)
        #expect(scenario?.formatted("customers_retained") == "672 customers")
        #expect(scenario?.formatted("cost_per_handled_minute") == "$1.00/min")
    }

    @Test func theDiagnosticsShownAreTheOnesPrinted() throws {
        let blocks = try blocks()
        let example = try #require(blocks.first { $0.language == "yaml" }?.text)
        let shown = try #require(blocks.first { $0.text.hasPrefix("content/scenarios/example.yaml:") }?.text)
        let broken = example
            .replacingOccurrences(of: "calls_shifted * (cost_per_call - social_cost_per_contact)\n",
                                  with: "calls_shifted * (cost_per_call - social_cost_per_contact) + phone_share\n")
            .replacingOccurrences(of: "customers_retained * margin_per_customer", with: "customers_retained * margin_per_custmer")
        #expect(broken != example)
        let (_, diagnostics) = Scenario.load(SourceFile(path: "content/scenarios/example.yaml", text: broken)) { _ in
            .failure(.error(.missingFile, "no such file", at: nil))
        }
        #expect(DiagnosticPrinter().format(diagnostics) == shown)
    }
}
