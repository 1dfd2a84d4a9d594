extension Scenario {
    /// What a reader sees for an input, metric or cost or benefit line named `name`: its
    /// `label:` when the scenario gives one, else the name in words, its first letter
    /// upper-cased (`calls_shifted` → `Calls shifted`). An input or metric comes before a
    /// line of the same name (Kestrel's input `handle_time` and its line `handle_time`).
    public func displayLabel(of name: String) -> String {
        if let metric = spec.metrics.first(where: { $0.name == name }) { return metric.label ?? Self.humanised(name) }
        if spec.inputs.contains(where: { $0.name == name }) { return Self.humanised(name) }
        if let label = spec.lines.first(where: { $0.name == name })?.label { return label }
        return Self.humanised(name)
    }

    /// `name` in words: underscores become spaces and the first letter is upper-cased
    /// (`calls_shifted` → `Calls shifted`).
    static func humanised(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: false).joined(separator: " ")
        guard let first = words.first else { return words }
        return first.uppercased() + words.dropFirst()
    }
}
