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
        error: there is no scenario 'kestrel-mobil' in content/scenarios/ [no-scenario]
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

    /// Runs `playbook calc` on a scenario written into a fresh folder.
    private func calc(_ scenario: String, _ arguments: [String] = []) throws -> ProcessResult {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try scenario.write(to: work.appendingPathComponent("case.yaml"), atomically: true, encoding: .utf8)
        return try Tools.playbook(["calc", "case.yaml"] + arguments, in: work)
    }

    @Test func largeAmountsAreRoundedToTheirOwnDigits() throws {
        let result = try calc("""
        client: Big
        horizon: 1 year
        discount_rate: 10%
        costs:
          initial:
            platform: $123_456_789.45
        benefits:
          yearly:
            revenue: $1_000_000_000

        """)
        #expect(result.status == 0)
        #expect(result.stdout == """
        Big
        case.yaml · expected case · USD · 10.0% discount rate · 1 year

        Inputs
          name  value  range

        Financial summary (risk-adjusted, each line rounded to whole USD)
                            Initial          Year 1           Total  Present value
            platform   $123,456,789              $0    $123,456,789   $123,456,789
          Costs        $123,456,789              $0    $123,456,789   $123,456,789
            revenue              $0  $1,000,000,000  $1,000,000,000   $909,090,909
          Benefits               $0  $1,000,000,000  $1,000,000,000   $909,090,909
          Net         −$123,456,789  $1,000,000,000    $876,543,211   $785,634,120
          NPV $785,634,120 · ROI 636.4% · payback 1.5 months · discounted payback 1.6 months · IRR 710.0%

        """)
    }

    @Test func paybackCountsFromTimeZeroAndIsNeverAFalseZero() throws {
        let ramp = try calc("""
        client: Ramp
        horizon: 2 years
        discount_rate: 10%
        costs:
          yearly:
            team: $100_000
        benefits:
          yearly:
            savings: [$50_000, $250_000]

        """)
        #expect(ramp.status == 0)
        #expect(ramp.stdout.hasSuffix("""
          Net             $0  −$50,000  $150,000  $100,000        $78,512
          NPV $78,512 · ROI 45.2% · payback 16.0 months · discounted payback 16.4 months · IRR 200.0%

        """))
        let free = try calc("""
        client: Free
        horizon: 2 years
        discount_rate: 10%
        costs:
          yearly:
        benefits:
          yearly:
            savings: $1_000

        """)
        #expect(free.status == 0)
        #expect(free.stdout.hasSuffix("""
          Net             $0  $1,000  $1,000  $2,000         $1,736
          NPV $1,736 · ROI — · payback immediate (nothing to pay back) · discounted payback immediate (nothing to pay back)

        """))
    }

    @Test func anInfiniteFigureIsALocatedErrorNotAnExitZero() throws {
        let result = try calc("""
        client: Edge
        horizon: 3 years
        discount_rate: 10%
        costs:
          yearly:
            team: $1e308 * 10
        benefits:
          yearly:
            savings: round($1_000, 1e300)

        """)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        case.yaml:6:18: error: '$1e308 * 10' is too large a number to compute in every case [too-large]
          6 |     team: $1e308 * 10
            |                  ^
          hint: figures must stay below 1.8e308; check the inputs it uses and their low and high values
        1 error

        """)
    }

    @Test func machineReadableValuesAreInTheUnitsTheScenarioWrote() throws {
        let scenario = """
        client: Rates
        horizon: 1 year
        discount_rate: 10%
        inputs:
          calls: 455 calls/month
          hourly: $39/h
          price: $25/call
          refund: −$5
        metrics:
          monthly_value: calls * price
        costs:
          yearly:
            team: $1_000
        benefits:
          yearly:
            savings: monthly_value * 12 months + refund

        """
        let csv = try calc(scenario, ["--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("""
        section,name,period,value,unit,formatted
        input,calls,,455,count/month,455 calls per month
        input,hourly,,39,USD/h,$39.00/h
        input,price,,25,USD/count,$25.00/call
        input,refund,,-5,USD,−$5.00
        metric,monthly_value,,11375,USD/month,"$11,375.00/month"

        """))
        let json = try calc(scenario, ["--format", "json"])
        #expect(json.stdout.contains("""
            {
              "name": "calls",
              "value": 455,
              "unit": "count/month",
              "formatted": "455 calls per month"
            },
            {
              "name": "hourly",
              "value": 39,
              "unit": "USD/h",
              "formatted": "$39.00/h"
            },
        """))
    }
}
