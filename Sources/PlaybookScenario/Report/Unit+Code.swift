import PlaybookFinance

extension Unit {
    /// A machine-readable unit: `USD`, `percent`, `number`, `count`, `min`, `USD/count`,
    /// `USD/h`, `count/month`… Values in JSON and CSV are in these units: time in the unit
    /// the scenario wrote (``shownTimeUnit``, see ``shown(_:)``), percentages as fractions.
    func code(currency: String) -> String {
        if isDimensionless { return isPercent ? "percent" : "number" }
        var numerator: [String] = []
        var denominator: [String] = []
        func add(_ name: String, _ power: Int) {
            let part = abs(power) == 1 ? name : "\(name)^\(abs(power))"
            if power > 0 { numerator.append(part) } else if power < 0 { denominator.append(part) }
        }
        add(currency, money)
        add("count", count)
        add(shownTimeUnit.perSymbol, time)
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: "*")
        return denominator.isEmpty ? top : top + "/" + denominator.joined(separator: "*")
    }
}
