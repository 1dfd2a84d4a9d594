import PlaybookCore

/// A half-written scenario must not block the series: in `playbook build` and the preview, a
/// scenario with errors that nothing uses — no chapter names it in `scenario:`, no chapter or
/// report template shows one of its figures (`{{ name.figure }}`), `playbook.yaml` lists no
/// report of it — has its errors printed as warnings, with one more warning saying that
/// nothing uses it, and the build goes on without it. `playbook check` (``strict``) keeps
/// them errors, as does `playbook report` of that scenario; a scenario in use fails the
/// build with its errors as before.
enum UnusedScenarios {
    /// The diagnostics of every scenario, by name, as the build reports them: unchanged for a
    /// scenario without errors, one in use, or when `strict`; demoted to warnings (with the
    /// warning that says why) for a scenario with errors that nothing uses.
    /// `texts` are the files whose value tags may name a scenario (chapters, report templates).
    static func diagnostics(_ byName: [String: [Diagnostic]], strict: Bool, project: Project, texts: [SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in byName.keys.sorted() {
            let own = byName[name] ?? []
            guard !strict, !name.isEmpty, own.hasErrors, !isUsed(name, project: project, texts: texts) else {
                diagnostics += own
                continue
            }
            let errors = own.filter { $0.severity == .error }.count
            diagnostics += own.map { diagnostic in
                var demoted = diagnostic
                demoted.severity = .warning
                return demoted
            }
            diagnostics.append(.warning(
                .unusedScenario,
                "the scenario '\(name)' has \(errors) error\(errors == 1 ? "" : "s") (shown as warnings) and nothing uses it: the build goes on without it",
                at: SourceLocation(file: ProjectLayout.scenario(name), line: 1, column: 1),
                hint: "no chapter names it and playbook.yaml lists no report of it; 'playbook check' and 'playbook report \(name)' still fail on it"))
        }
        return diagnostics
    }

    /// Whether a chapter names `name` in `scenario:`, `playbook.yaml` lists its report, or a
    /// value tag in `texts` names one of its figures. The tags are found by their text, so a
    /// tag inside code counts too: in doubt, the scenario is in use and its errors stop the build.
    static func isUsed(_ name: String, project: Project, texts: [SourceFile]) -> Bool {
        if project.settings.reports.contains(where: { $0.slug == name }) { return true }
        if project.books.contains(where: { $0.chapters.contains { $0.frontMatter.scenario?.name == name } }) { return true }
        return texts.contains { names(name, in: $0.text) }
    }

    /// Whether `text` holds a tag `{{ name.… }}` (spaces after `{{` allowed).
    private static func names(_ name: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...].drop { $0 == " " || $0 == "\t" }
            if after.hasPrefix(name + ".") { return true }
            rest = rest[open.upperBound...]
        }
        return false
    }
}
