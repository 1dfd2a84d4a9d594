/// What readers see instead of a name: an input's, metric's or line's `label`, or the name
/// in words. Books and reports show labels everywhere outside code; only `playbook calc` and
/// code show names.
extension Scenario {
    /// The label of an input or metric: its `label` when the scenario gives one, else
    /// the name in words (``ScenarioSpec/humanised(_:)``: `calls_shifted` → "Calls shifted",
    /// `roi_year_1` → "ROI year 1").
    public func displayLabel(of name: String) -> String {
        spec.displayLabel(of: name)
    }
}

extension ScenarioSpec {
    /// The label of an input or metric (see ``Scenario/displayLabel(of:)``); a name that is
    /// neither, such as a line's, is made words.
    public func displayLabel(of name: String) -> String {
        if let label = inputs.first(where: { $0.name == name })?.label { return label }
        if let label = metrics.first(where: { $0.name == name })?.label { return label }
        return Self.humanised(name)
    }

    /// The label of a cost or benefit line: its `label`, or its name in words. (A line may
    /// share its name with an input, as Kestrel's `retention` does.)
    public func lineLabel(of name: String) -> String {
        lines.first { $0.name == name }?.label ?? Self.humanised(name)
    }

    /// Words written in capitals when a name is made words: finance's and marketing's
    /// abbreviations, read letter by letter.
    public static let acronyms: Set<String> = [
        "roi", "npv", "irr", "kpi", "kpis", "clv", "ltv", "cac", "aov", "pv", "fte", "ftes", "crm", "cpc", "cpm", "ctr",
        "nps", "csat", "sla", "seo", "sem", "pr", "faq", "faqs", "b2b", "b2c", "api", "ugc", "roo", "hr", "tv",
        "uk", "eu", "usd", "eur", "gbp", "vat", "ebit", "ebitda", "capex", "opex",
    ]

    /// A name in words: underscores become spaces, the first letter is a capital, and the
    /// abbreviations of ``acronyms`` are written in capitals (`roi_year_1` → "ROI year 1",
    /// `cost_per_fte` → "Cost per FTE"); other words stay as written.
    public static func humanised(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return name }
        let shown = words.enumerated().map { index, word -> String in
            if acronyms.contains(word) { return word.uppercased() }
            guard index == 0, let first = word.first else { return word }
            return first.uppercased() + word.dropFirst()
        }
        return shown.joined(separator: " ")
    }
}

extension InputSpec {
    /// Where the number comes from, as readers see it: the input's `source`; for the values
    /// a scenario sets itself (the discount rate, the horizon), "Set for this business case";
    /// otherwise "Not recorded".
    public var shownSource: String {
        source ?? (isBuiltIn ? "Set for this business case" : "Not recorded")
    }
}
