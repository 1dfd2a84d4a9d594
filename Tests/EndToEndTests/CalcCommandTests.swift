import Foundation
import Testing

/// `playbook calc` as users run it: the scenario found by name, its mistakes, `--explain`,
/// and a simulation that repeats exactly for a seed.
@Suite struct CalcCommandTests {
    @Test func aMistypedScenarioNameSuggestsTheNearest() throws {
        let result = try Tools.playbook(["calc", "kestrel-mobil"], in: Tools.repository)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        error: there is no scenario 'kestrel-mobil' [no-scenario]
          hint: did you mean 'kestrel-mobile'?
        1 error

        """)
    }

    @Test func explainPrintsTheDerivation() throws {
        let result = try Tools.playbook(["calc", "kestrel-mobile", "--explain", "cost_per_call"], in: Tools.repository)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
        cost_per_call = handle_time × cost_per_handled_minute
                      = 6.5 min/call × $1.00/min
                      = $6.50/call
        where
          cost_per_handled_minute = loaded_cost_per_hour ÷ occupancy
                                  = $39.00/h ÷ 65.0%
                                  = $1.00/min
        inputs
          handle_time          = 6.5 min/call  (Telephony platform, average handle time)
          loaded_cost_per_hour = $39.00/h  (Finance: salary, benefits, management, facilities, systems)
          occupancy            = 65.0%  (Workforce management)

        """)
        let unknown = try Tools.playbook(["calc", "kestrel-mobile", "--explain", "handle_time_saving"], in: Tools.repository)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == """
        error: there is no metric or input 'handle_time_saving' in content/scenarios/kestrel-mobile.yaml [unknown-name]
          hint: did you mean 'handle_time_savings'?
        1 error

        """)
    }

    @Test func aBrokenScenarioFileIsReportedWhole() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("broken.yaml")
        try """
        client: Broken
        horizon: 3 years
        discount_rate: 10%
        inputs:
          calls: 1_000 calls
          cost: $5/call
        metrics:
          total: calls * cost + 5%
          again: totl * 2
        costs:
          yearly:
            team: $1_000
        benefits:
          yearly:
            savings: total

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Tools.playbook(["calc", file.path], in: work)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        broken.yaml:8:23: error: cannot add a percentage to money [unit-mismatch]
          8 |   total: calls * cost + 5%
            |                       ^
          hint: to change an amount by a percentage, multiply: amount * (1 + rate)
        broken.yaml:9:10: error: there is no input or metric called 'totl' [unknown-name]
          9 |   again: totl * 2
            |          ^~~~
          hint: did you mean 'total'?
        2 errors

        """)
    }

    @Test func aSeededSimulationRepeatsExactly() throws {
        let arguments = ["calc", "brightwell-outdoor", "--format", "json", "--simulate", "20000"]
        let first = try Tools.playbook(arguments + ["--seed", "7"], in: Tools.repository)
        let again = try Tools.playbook(arguments + ["--seed", "7"], in: Tools.repository)
        let other = try Tools.playbook(arguments + ["--seed", "8"], in: Tools.repository)
        #expect(first.status == 0)
        #expect(first.stdout.contains("\"simulation\""))
        #expect(first.stdout == again.stdout)
        #expect(first.stdout != other.stdout)
        let outOfRange = try Tools.playbook(["calc", "kestrel-mobile", "--simulate", "0"], in: Tools.repository)
        #expect(outOfRange.status == 64)
        #expect(outOfRange.stderr.hasPrefix("Error: --simulate takes a number of draws from 1 to 10,000,000\n"))
    }
}
