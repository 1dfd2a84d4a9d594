extension Formula {
    /// The formula as ``shown`` writes it, each name replaced by `naming(name)`: a reference
    /// (`A1 × A2`) or a label (`Contacts per month × 12 × Phone share`).
    package func shown(naming: @escaping (String) -> String) -> String {
        Explainer.render(expression, text, naming)
    }
}
