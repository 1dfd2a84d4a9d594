import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// The `lines` block: each benefit, and each cost with a calculation, as a table in the
/// layout of a Total Economic Impact study, with the plain fixed-amount costs together in one
/// table. See ``BlockTables/lines(_:in:)`` for the rows and how deep the calculation goes.
package struct LineSections: Equatable {
    /// Which lines: `benefits`, `costs` or `all`.
    package var of: BlockTables.LineKind
    /// One table per benefit or calculated cost, then the fixed costs' table.
    package var tables: [LineTable]
}

/// One line's table (or the fixed costs' table): reference, metric, source or calculation,
/// and a value per period.
package struct LineTable: Equatable {
    /// What a row is.
    package enum RowKind: String, Equatable {
        /// An input or metric the amount is built from (`A1`, `A2` …).
        case calculation
        /// The ramp: the share of the full amount in each year.
        case ramp
        /// The line's amount before the risk adjustment (`At`).
        case amount
        /// The risk adjustment, as an amount per period.
        case risk
        /// The risk-adjusted amount (`Atr`).
        case adjusted
    }

    /// One row.
    package struct Row: Equatable {
        /// The reference (`A1`, `At`, `Atr`), or empty (the risk adjustment).
        package var ref: String
        /// The metric's label.
        package var label: FigureText
        /// Where the figure comes from, or how it is calculated (`A1 × A2`).
        package var source: FigureText
        /// One value per period; empty where the period does not use the figure.
        package var values: [TableCell]
        package var kind: RowKind
    }

    /// The table's anchor, such as `pb-benefit-contact_shift`.
    package var id: String
    /// The table's letter (`A`).
    package var letter: String
    /// The caption, such as `Benefit A: Contact shift`.
    package var caption: String
    /// The heads of the period columns (`Initial`, `Year 1` …).
    package var periods: [String]
    package var rows: [Row]
    /// The total and present value of the final row (and how the risk adjustment reads).
    package var note: FigureText?
}

extension BlockTables {
    /// Which lines a `lines` block shows.
    package enum LineKind: String, CaseIterable {
        case benefits, costs, all
    }

    /// How many levels of the calculation below a line's amount its table shows: the names the
    /// amount's formula uses (a formula that is one metric's name counts as that metric's
    /// formula), and the names those metrics use. Deeper metrics are shown with their value and
    /// their formula in words, so that every row reads without the appendix.
    static let calculationDepth = 2

    /// `lines`: one table per benefit, and per cost whose amount is calculated, in the order of
    /// the scenario; then one table of the costs that are plain amounts (a table of its own
    /// when there is only one). The tables' letters
    /// run over the whole case (benefits, then calculated costs, then the fixed costs), so a
    /// line has the same letter whichever block shows it.
    func lines(_ kind: LineKind, in scenarioCase: ScenarioCase) -> LineSections? {
        guard let adjusted = summary(in: scenarioCase, riskAdjusted: true),
              let unadjusted = summary(in: scenarioCase, riskAdjusted: false) else { return nil }
        let benefits = spec.lines.filter { $0.kind == .benefit }
        let costs = spec.lines.filter { $0.kind == .cost }
        // Plain amounts share a table when there are two or more of them.
        let shared = costs.filter(Self.isFixed).count > 1
        let calculated = costs.filter { !shared || !Self.isFixed($0) }, fixed = shared ? costs.filter(Self.isFixed) : []
        var letters = LetterSequence()
        var benefitTables: [LineTable] = [], costTables: [LineTable] = []
        func rows(_ line: LineSpec) -> (SummaryRow, SummaryRow)? {
            let rows = line.kind == .benefit ? (unadjusted.benefitLines, adjusted.benefitLines) : (unadjusted.costLines, adjusted.costLines)
            guard let before = rows.0.first(where: { $0.name == line.name }),
                  let after = rows.1.first(where: { $0.name == line.name }) else { return nil }
            return (before, after)
        }
        for line in benefits + calculated {
            let letter = letters.next()
            guard let (before, after) = rows(line) else { continue }
            let table = lineTable(line, letter: letter, before: before, after: after, in: scenarioCase)
            if line.kind == .benefit { benefitTables.append(table) } else { costTables.append(table) }
        }
        if !fixed.isEmpty {
            let letter = letters.next()
            let pairs = fixed.compactMap { line in rows(line).map { (line, $0.0, $0.1) } }
            costTables.append(fixedCostTable(pairs, letter: letter))
        }
        switch kind {
        case .benefits: return LineSections(of: kind, tables: benefitTables)
        case .costs: return LineSections(of: kind, tables: costTables)
        case .all: return LineSections(of: kind, tables: benefitTables + costTables)
        }
    }

    /// Whether every amount of a line is written as a plain amount (no input or metric).
    static func isFixed(_ line: LineSpec) -> Bool {
        ([line.initial].compactMap { $0 } + line.yearly).allSatisfy { $0.expression.names.isEmpty }
    }

    /// The heads of the periods a line has amounts in, and their indexes in a summary row's periods.
    private func periods(initial: Bool, yearly: Bool) -> [(head: String, index: Int)] {
        (initial ? [("Initial", 0)] : []) + (yearly ? (1...max(spec.years, 1)).map { ("Year \($0)", $0) } : [])
    }

    /// One benefit's or calculated cost's table.
    private func lineTable(_ line: LineSpec, letter: String, before: SummaryRow, after: SummaryRow,
                           in scenarioCase: ScenarioCase) -> LineTable {
        let columns = periods(initial: line.initial != nil, yearly: !line.yearly.isEmpty)
        let label = lineLabel(line.name)
        let isBenefit = line.kind == .benefit
        let metrics = Dictionary(spec.metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The formula of each period (nil: the period has no amount) and the expression behind
        // it: a formula that is one metric's name stands for that metric's formula.
        func root(_ formula: Formula) -> Formula {
            if case .name(let name, _) = formula.expression, let metric = metrics[name] { return metric.formula }
            return formula
        }
        let formulas: [Formula?] = columns.map { column in
            if column.index == 0 { return line.initial.map(root) }
            guard !line.yearly.isEmpty else { return nil }
            return root(line.yearly.count == 1 ? line.yearly[0] : line.yearly[min(column.index - 1, line.yearly.count - 1)])
        }
        // The rows: each name of the formulas (level 1), after the names it uses (level 2).
        var order: [String] = []
        var reach: [String: Set<String>] = [:]   // each level-1 name and the level-2 names under it
        for formula in formulas.compactMap({ $0 }) {
            for (name, _) in formula.expression.names where reach[name] == nil {
                let below = metrics[name].map { $0.formula.expression.names.map(\.0) } ?? []
                reach[name] = Set(below)
                for inner in below where !order.contains(inner) && reach[inner] == nil && Self.calculationDepth >= 2 { order.append(inner) }
                if !order.contains(name) { order.append(name) }
            }
        }
        var refs: [String: String] = [:]
        for (index, name) in order.enumerated() { refs[name] = "\(letter)\(index + 1)" }
        // A row's calculation names the rows above it by reference, and anything else by label.
        func shown(_ formula: Formula, above limit: Int = .max) -> String {
            formula.shown(naming: { name in
                guard let index = order.firstIndex(of: name), index < limit, let ref = refs[name] else { return self.label(name) }
                return ref
            })
        }
        var rows: [LineTable.Row] = order.enumerated().map { index, name in
            let values = formulas.map { formula -> TableCell in
                guard let formula else { return .empty }
                let names = formula.expression.names.map(\.0)
                let used = names.contains(name) || names.contains { reach[$0]?.contains(name) ?? false }
                return used ? scenarioValue(name, in: scenarioCase) : .empty
            }
            return LineTable.Row(ref: refs[name] ?? "", label: FigureText(self.label(name)), source: FigureText(source(of: name, shown: { shown($0, above: index) })), values: values,
                                 kind: .calculation)
        }
        // The amount's calculation, by period when the periods differ.
        var calculations: [(head: String, text: String)] = zip(columns, formulas).compactMap { column, formula in
            formula.map { (column.head, shown($0)) }
        }
        if let ramp = line.ramp, !line.yearly.isEmpty {
            let ref = "\(letter)\(rows.count + 1)"
            let values = columns.map { column -> TableCell in
                column.index == 0 || column.index > ramp.count ? .empty : .figure(.percent(ramp[column.index - 1], decimals: 0))
            }
            rows.append(LineTable.Row(ref: ref, label: "Ramp-up", source: "Share of the full amount reached in each year", values: values,
                                      kind: .ramp))
            calculations = calculations.map { column in
                guard column.head != "Initial" else { return column }
                let sum = column.text.contains(" + ") || column.text.contains(" − ")
                return (column.head, (sum ? "(\(column.text))" : column.text) + " × \(ref)")
            }
        }
        var distinct: [String] = []
        for item in calculations where !distinct.contains(item.text) { distinct.append(item.text) }
        // Periods in a row with the same calculation are named together (`Years 2 to 3`).
        var runs: [(first: String, last: String, text: String)] = []
        for item in calculations {
            if let last = runs.last, last.text == item.text, item.head != "Initial", last.first != "Initial" {
                runs[runs.count - 1].last = item.head
            } else {
                runs.append((item.head, item.head, item.text))
            }
        }
        let plain = formulas.allSatisfy { $0?.expression.names.isEmpty ?? true } && line.ramp == nil
        let calculation = plain && distinct.count <= 1 ? (line.yearly.isEmpty ? "One-off amount" : line.initial == nil ? "Amount each year" : "One-off and yearly amounts")
            : distinct.count <= 1 ? (distinct.first ?? "") : runs.map { run in
            run.first == run.last ? "\(run.first): \(run.text)"
                : "Years \(run.first.dropFirst(5)) to \(run.last.dropFirst(5)): \(run.text)"
        }.joined(separator: "; ")
        rows.append(LineTable.Row(ref: "\(letter)t", label: FigureText(label), source: FigureText(calculation),
                                  values: columns.map { money(before.periods[$0.index]) }, kind: .amount))
        let final = riskRows(letter: letter, label: label, risk: line.risk, isBenefit: isBenefit, columns: columns,
                             before: Amounts(before), after: Amounts(after), into: &rows)
        return LineTable(id: "pb-\(isBenefit ? "benefit" : "cost")-\(line.name)", letter: letter,
                         caption: "\(isBenefit ? "Benefit" : "Cost") \(letter): \(label)", periods: columns.map(\.head), rows: rows,
                         note: totalNote(final, adjusted: line.risk > 0))
    }

    /// Where an input comes from, or how a metric is calculated (with the references of the
    /// rows above it, and the labels of figures deeper down).
    private func source(of name: String, shown: (Formula) -> String) -> String {
        if let metric = spec.metrics.first(where: { $0.name == name }) { return shown(metric.formula) }
        guard let input = spec.inputs.first(where: { $0.name == name }) else { return "" }
        if input.isBuiltIn, let attribution = spec.attribution, name == "attributed_share" {
            return "\(attribution.model.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst) attribution of the conversion paths"
        }
        if input.isBuiltIn { return "Set for the whole case" }
        return input.source ?? "Assumption of the case"
    }

    /// The risk adjustment and risk-adjusted rows (none without a risk adjustment); the row
    /// the totals are of.
    private func riskRows(letter: String, label: String, risk: Double, isBenefit: Bool, columns: [(head: String, index: Int)],
                          before: Amounts, after: Amounts, into rows: inout [LineTable.Row]) -> Amounts {
        guard risk > 0 else { return before }
        let arrow = isBenefit ? "↓" : "↑"
        rows.append(LineTable.Row(ref: "", label: "Risk adjustment \(arrow)\(Self.wholePercent(risk))", source: "",
                                  values: columns.map { money(after.periods[$0.index] - before.periods[$0.index]) }, kind: .risk))
        rows.append(LineTable.Row(ref: "\(letter)tr", label: "\(label) (risk-adjusted)", source: "\(letter)t \(isBenefit ? "−" : "+") risk adjustment",
                                  values: columns.map { money(after.periods[$0.index]) }, kind: .adjusted))
        return after
    }

    /// The costs that are plain amounts, together: one row each, their total, the risk
    /// adjustment and the risk-adjusted total.
    private func fixedCostTable(_ lines: [(LineSpec, SummaryRow, SummaryRow)], letter: String) -> LineTable {
        let columns = periods(initial: lines.contains { $0.0.initial != nil }, yearly: lines.contains { !$0.0.yearly.isEmpty })
        var rows: [LineTable.Row] = []
        for (index, (line, before, _)) in lines.enumerated() {
            let has: (Int) -> Bool = { $0 == 0 ? line.initial != nil : !line.yearly.isEmpty }
            rows.append(LineTable.Row(ref: "\(letter)\(index + 1)", label: FigureText(lineLabel(line.name)),
                                      source: line.initial != nil && line.yearly.isEmpty ? "One-off amount"
                                          : line.initial == nil ? "Amount each year" : "One-off and yearly amounts",
                                      values: columns.map { has($0.index) ? money(before.periods[$0.index]) : .empty }, kind: .calculation))
        }
        func sum(_ pick: (SummaryRow, SummaryRow) -> SummaryRow) -> Amounts {
            let picked = lines.map { pick($0.1, $0.2) }
            let periods = (0...max(spec.years, 1)).map { index in picked.reduce(0) { $0 + (index < $1.periods.count ? $1.periods[index] : 0) } }
            return Amounts(periods: periods, total: picked.reduce(0) { $0 + $1.total }, presentValue: picked.reduce(0) { $0 + $1.presentValue })
        }
        let before = sum { first, _ in first }, after = sum { _, second in second }
        let refs = lines.indices.map { "\(letter)\($0 + 1)" }
        let label = lines.count == 1 ? lineLabel(lines[0].0.name) : "Fixed costs"
        let sum = refs.count == 1 ? refs[0] : refs.count == 2 ? "\(refs[0]) + \(refs[1])" : "Sum of \(refs[0]) to \(refs[refs.count - 1])"
        rows.append(LineTable.Row(ref: "\(letter)t", label: FigureText(label), source: FigureText(sum),
                                  values: columns.map { money(before.periods[$0.index]) }, kind: .amount))
        // The risk adjustment of each run of lines with the same risk, in words.
        var runs: [(risk: Double, from: String, to: String)] = []
        for (index, (line, _, _)) in lines.enumerated() {
            if let last = runs.last, last.risk == line.risk { runs[runs.count - 1].to = refs[index] } else { runs.append((line.risk, refs[index], refs[index])) }
        }
        let risky = runs.filter { $0.risk > 0 }
        var final = before
        if !risky.isEmpty {
            let distinct = Set(risky.map(\.risk))
            let uniform = distinct.count == 1 && risky.count == runs.count
            let source: FigureText = uniform ? "" : FigureText(joining: risky.map { run -> FigureText in
                "↑\(Self.wholePercent(run.risk)) on \(run.from == run.to ? run.from : "\(run.from) to \(run.to)")"
            }, separator: ", ")
            let riskLabel: FigureText = uniform ? "Risk adjustment ↑\(Self.wholePercent(risky[0].risk))" : "Risk adjustment"
            rows.append(LineTable.Row(ref: "", label: riskLabel, source: source,
                                      values: columns.map { money(after.periods[$0.index] - before.periods[$0.index]) }, kind: .risk))
            rows.append(LineTable.Row(ref: "\(letter)tr", label: "\(label) (risk-adjusted)", source: "\(letter)t + risk adjustment",
                                      values: columns.map { money(after.periods[$0.index]) }, kind: .adjusted))
            final = after
        }
        return LineTable(id: "pb-cost-fixed", letter: letter, caption: "Cost \(letter): \(label)",
                         periods: columns.map(\.head), rows: rows, note: totalNote(final, adjusted: !risky.isEmpty))
    }

    /// `Three-year total (risk-adjusted): $x. Present value: $y.`
    private func totalNote(_ row: Amounts, adjusted: Bool) -> FigureText {
        "\(Self.horizonWords(spec.years).capitalizedFirst) total\(adjusted ? " (risk-adjusted)" : ""): \(money(row.total)). Present value: \(money(row.presentValue))."
    }

    /// A risk adjustment as a whole percentage, or with the decimals it needs (`10%`, `12.5%`).
    static func wholePercent(_ value: Double) -> FigureText {
        let whole = DecimalRounding.round(value, places: 2) == DecimalRounding.round(value, places: 8)
        return "\(.percent(value, decimals: whole ? 0 : nil))"
    }

    /// `three-year`, `one-year`, `12-year`.
    static func horizonWords(_ years: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return (years >= 0 && years < words.count ? words[years] : String(years)) + "-year"
    }
}

/// A line's amounts: each period (initial first), the total and the present value.
struct Amounts {
    var periods: [Double]
    var total: Double
    var presentValue: Double

    init(periods: [Double], total: Double, presentValue: Double) {
        self.periods = periods
        self.total = total
        self.presentValue = presentValue
    }

    init(_ row: SummaryRow) {
        self.init(periods: row.periods, total: row.total, presentValue: row.presentValue)
    }
}

/// The letters of a case's tables: A … Z, then AA, AB …
struct LetterSequence {
    private var count = 0

    /// The next letter.
    mutating func next() -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var index = count, text = ""
        count += 1
        repeat {
            text = String(letters[index % 26]) + text
            index = index / 26 - 1
        } while index >= 0
        return text
    }
}
