import Foundation
import PlaybookCore
import PlaybookFinance
import PlaybookScenario
import Testing

/// Thousands of random formulas (seeded, so a failure repeats): random names, numbers huge,
/// tiny and negative, units, operators, function calls with wrong arities and odd arguments,
/// nesting and stray characters, in metrics, cost and benefit lines and uncertain inputs.
/// Every outcome must be figures that are all finite, or diagnostics that all have a
/// location in the file: never a trap, a hang, a number that is not finite or an unlocated error.
@Suite struct FormulaFuzzTests {
    /// A formula writer driven by a seeded generator.
    struct FormulaWriter {
        var random: SplitMix64

        mutating func below(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        static let names = ["a", "b", "c", "d", "m0", "m1", "m2", "m3", "m4", "m5", "discount_rate", "horizon_years",
                            "nope", "A", "round", "x_1", "é", "pv"]
        static let functions = ["min", "max", "abs", "round", "floor", "ceil", "clamp", "pow", "sqrt", "clv", "clv_start", "pv",
                                "sum", "ROUND", "log"]
        static let numbers = ["0", "1", "2", "-1", "−5", "0.5", "1.005", "1e308", "1e999", "1e-320", "1e-999", "9e15", "123_456_789.45",
                              "1e18", "1e300", "-1e308", "3", "15", "16", "-15", "-16", "2.5", "1_000_000_000", "0.000001"]
        static let units = ["", "", "", "", "$", "%", " min", " h", " calls", " USD", " days", " years", "/call", " EUR", " per call"]
        static let operators = [" + ", " - ", " * ", " / ", " ^ ", "×", "÷", " − ", "-", "*"]
        static let junk = ["(", ")", ",", ",,", "$", "%", "#", "'", "\"", "1,000", "..", "e", "@", ")(", "()"]

        mutating func number() -> String {
            let number = pick(Self.numbers)
            let unit = pick(Self.units)
            if unit == "$" { return number.hasPrefix("-") || number.hasPrefix("−") ? String(number.first!) + "$" + number.dropFirst() : "$" + number }
            return number + unit
        }

        mutating func formula(depth: Int) -> String {
            if depth <= 0 || chance(25) {
                switch below(10) {
                case 0...3: return number()
                case 4...8: return pick(Self.names)
                default: return pick(Self.junk)
                }
            }
            switch below(10) {
            case 0...3: return formula(depth: depth - 1) + pick(Self.operators) + formula(depth: depth - 1)
            case 4: return "(" + formula(depth: depth - 1) + (chance(90) ? ")" : "")
            case 5: return (chance(50) ? "-" : "−") + formula(depth: depth - 1)
            case 6...8:
                let count = below(5)
                let arguments = (0..<count).map { _ in formula(depth: depth - 1) }
                return pick(Self.functions) + "(" + arguments.joined(separator: pick([", ", ","])) + (chance(95) ? ")" : "")
            default:
                return String(repeating: "(", count: 1 + below(300)) + formula(depth: 0)
                    + String(repeating: ")", count: below(300))
            }
        }

        /// A YAML single-quoted scalar.
        static func quoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }

        mutating func input() -> String {
            switch below(6) {
            case 0: return "{ low: \(number()), expected: \(number()), high: \(number()) }"
            case 1: return "{ mean: \(number()), sd: \(number()) }"
            case 2: return "{ low: \(number()), high: \(number()), distribution: uniform }"
            default: return Self.quoted(number())
            }
        }

        static let arities = ["min": 2, "max": 3, "abs": 1, "round": 2, "floor": 1, "ceil": 1, "clamp": 3, "pow": 2, "sqrt": 1,
                              "clv": 3, "clv_start": 3, "pv": 3]
        static let tameNumbers = ["0", "1", "2", "-1", "0.5", "1.005", "3", "15", "-16", "2.5", "1e308", "1e-320", "7", "100", "−5"]

        /// A formula that passes the parser and the unit check (plain numbers only), so that
        /// evaluation sees odd values: zero divisors, huge products, digits out of range.
        mutating func tameFormula(depth: Int, names: [String]) -> String {
            if depth <= 0 || chance(30) { return chance(50) ? pick(names) : pick(Self.tameNumbers) }
            switch below(8) {
            case 0...3: return tameFormula(depth: depth - 1, names: names) + pick([" + ", " - ", " * ", " / ", " ^ "])
                + tameFormula(depth: depth - 1, names: names)
            case 4: return "(" + tameFormula(depth: depth - 1, names: names) + ")"
            default:
                let function = pick(Array(Self.arities.keys).sorted())
                let count = Self.arities[function] ?? 1
                return function + "(" + (0..<count).map { _ in tameFormula(depth: depth - 1, names: names) }.joined(separator: ", ") + ")"
            }
        }

        mutating func tameScenario() -> String {
            var text = "client: Fuzz\nhorizon: 2 years\ndiscount_rate: 10%\ninputs:\n"
            for name in ["a", "b", "c", "d"] {
                text += "  \(name): " + (chance(30) ? "{ low: -1e300, expected: \(pick(Self.tameNumbers)), high: 1e300 }" : Self.quoted(pick(Self.tameNumbers))) + "\n"
            }
            text += "metrics:\n"
            var names = ["a", "b", "c", "d"]
            for index in 0..<6 {
                text += "  m\(index): \(Self.quoted(tameFormula(depth: 3, names: names)))\n"
                names.append("m\(index)")
            }
            text += "costs:\n  yearly:\n    team: \(Self.quoted("$1 * (" + tameFormula(depth: 2, names: names) + ")"))\n"
            text += "benefits:\n  yearly:\n    savings: \(Self.quoted("$1 * (" + tameFormula(depth: 2, names: names) + ")"))\n"
            return text
        }

        mutating func scenario() -> String {
            var text = "client: Fuzz\nhorizon: \(pick(["1 year", "2 years", "3 years"]))\ndiscount_rate: \(pick(["0%", "10%", "99%"]))\ninputs:\n"
            for name in ["a", "b", "c", "d"] { text += "  \(name): \(input())\n" }
            text += "metrics:\n"
            for index in 0..<6 { text += "  m\(index): \(Self.quoted(formula(depth: 4)))\n" }
            text += "costs:\n  initial:\n    setup: \(Self.quoted(chance(50) ? formula(depth: 2) : "$" + pick(Self.numbers)))\n"
            text += "  yearly:\n    team: \(Self.quoted(chance(50) ? formula(depth: 3) : "$1_000"))\n"
            text += "benefits:\n  yearly:\n    savings: \(Self.quoted(chance(70) ? formula(depth: 3) : "m0 * $1"))\n"
            return text
        }
    }

    @Test func everyRandomFormulaGivesFiniteFiguresOrLocatedDiagnostics() {
        var writer = FormulaWriter(random: SplitMix64(seed: 14))
        var loaded = 0, refused = 0
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<600 {
            let text = writer.chance(50) ? writer.tameScenario() : writer.scenario()
            let file = SourceFile(path: "content/scenarios/fuzz.yaml", text: text)
            let (scenario, diagnostics) = Scenario.load(file) { _ in .failure(.error(.missingFile, "no files here", at: nil)) }
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else {
                    Issue.record("an unlocated diagnostic: \(DiagnosticPrinter().format([diagnostic]))\n\(text)")
                    continue
                }
                #expect(location.file == "content/scenarios/fuzz.yaml")
                #expect(location.line >= 1 && location.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count,
                         "\(DiagnosticPrinter().format([diagnostic]))")
            }
            guard let scenario else {
                #expect(diagnostics.hasErrors, "no scenario and no error for\n\(text)")
                refused += 1
                continue
            }
            loaded += 1
            for evaluation in scenario.cases.values {
                #expect(evaluation.values.allSatisfy { $0.isFinite }, "\(text)")
                #expect(evaluation.summary.isFinite && evaluation.roundedSummary.isFinite, "\(text)")
            }
            let table = CalcReport(scenario: scenario).table
            #expect(!table.contains("∞"), "\(table)")
            for metric in scenario.spec.metrics { _ = scenario.explain(metric.name) }
            for row in scenario.sensitivity() { #expect(row.npvAtLow.isFinite && row.npvAtHigh.isFinite, "\(text)") }
            let simulation = scenario.simulateSerially(iterations: 50, seed: 3)
            // Every draw is binned or counted as failed, and what was drawn is finite.
            #expect(simulation.histogram.counts.reduce(0, +) == 50 - simulation.failed, "\(text)")
            if simulation.failed < 50 {
                #expect(simulation.npv.p10.isFinite && simulation.npv.p90.isFinite && simulation.meanNPV.isFinite, "\(text)")
            }
            _ = ScenarioFigures(scenario: scenario, simulation: simulation).json
        }
        let elapsed = clock.now - started
        // Both outcomes occur, and the whole run stays quick (a hang would not finish at all).
        #expect(loaded > 20 && refused > 20, "loaded \(loaded), refused \(refused)")
        #expect(elapsed < .seconds(60))
    }
}
