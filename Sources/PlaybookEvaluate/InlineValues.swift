import PlaybookCore
import PlaybookScenario
import PlaybookYAML

/// The scenarios a chapter's computed content can use.
package struct ScenarioContext: Sendable {
    /// The scenarios that loaded without errors, by name.
    var scenarios: [String: Scenario]
    /// Every scenario file's name, loaded or not (a broken one has its own diagnostics).
    package var allNames: Set<String>

    /// The scenarios that loaded, and the name of every scenario file.
    package init(scenarios: [String: Scenario], allNames: Set<String>) {
        self.scenarios = scenarios
        self.allNames = allNames
    }

    /// Monte Carlo runs shared by the chapters.
    package var simulations = SimulationCache()

    /// For a report, the inputs and metrics it uses (``ReportNames``), by scenario: its
    /// `assumptions` and `formulas` blocks list only these. A book's chapters have none, so
    /// their appendix blocks list every input and metric of the scenario.
    package var appendixNames: [String: Set<String>] = [:]

    /// The figures of a scenario that loaded.
    func values(_ name: String) -> ScenarioValues? {
        scenarios[name].map { scenario in
            ScenarioValues(scenario: scenario) { [simulations] in simulations.result(scenario, name: name) }
        }
    }
}

/// Replaces value tags in a chapter's text with figures from a scenario:
///
/// - `{{ contact_shift_savings }}`: the chapter's scenario's figure, formatted (`$354,816`);
/// - `{{ contact_shift_savings.raw }}`: the same as a plain number (`354816`);
/// - `{{ brightwell-outdoor.lifetime_value }}`: a figure of another scenario.
///
/// Tags are found in text only (code spans and code blocks keep them as written). The value
/// becomes text, so the renderers escape it like any other text: a client called
/// `<b>Acme</b>` shows those characters in both outputs.
package struct InlineValues: DocumentRewriter {
    package typealias Stage = Parsed
    let context: ScenarioContext
    /// The chapter's own scenario (front matter `scenario:`), if it names one.
    let chapterScenario: String?
    let file: SourceFile
    package private(set) var diagnostics: [Diagnostic] = []
    /// How many times each tag, as written, has been met (to point at the right occurrence).
    private var seen: [String: Int] = [:]
    /// Where the file's tags are written, listed when the first tag needs a location.
    private var places: ValueTagLocations?

    /// Tags are located in `file` in the order they are met, so the front matter's title and
    /// summary go first, then the body.
    package init(context: ScenarioContext, chapterScenario: String?, file: SourceFile) {
        self.context = context
        self.chapterScenario = chapterScenario
        self.file = file
    }

    /// Front matter text (a title, a summary) with its tags replaced.
    package mutating func replace(in text: String) -> String {
        replaceTags(in: text)
    }

    /// The document with every tag replaced.
    mutating func replace(in document: Document) -> Document {
        rewrite(document)
    }

    /// A run of inlines with the tags of its text replaced. cmark may split text at characters
    /// it first took for markup; tags are found in the joined text.
    package mutating func rewrite(_ inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(inline)
            }
        }
        for index in merged.indices { merged[index] = rewrite(merged[index]) }
        return merged
    }

    package mutating func rewrite(_ inline: Inline) -> Inline {
        guard case .text(let text) = inline else { return rewriteChildren(of: inline) }
        return .text(replaceTags(in: text))
    }

    /// `text` with each `{{ … }}` replaced by its value (or left as written after a diagnostic).
    private mutating func replaceTags(in text: String) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            out += rest[..<open.lowerBound]
            let tag = String(rest[open.lowerBound..<close.upperBound])
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
            out += value(of: name, tag: tag) ?? tag
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    private mutating func value(of name: String, tag: String) -> String? {
        let occurrence = seen[tag, default: 0]
        seen[tag] = occurrence + 1
        if places == nil { places = ValueTagLocations(file) }
        let at = places?.location(of: tag, occurrence: occurrence)
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let wantsRaw = parts.count > 1 && parts.last == "raw"
        if wantsRaw { parts.removeLast() }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isNameCharacter) }) else {
            diagnostics.append(.error(.valueTag, "'\(tag)' is not a value tag", at: at,
                                      hint: "write {{ metric }}, {{ metric.raw }} or {{ scenario.metric }}; to show braces as they are, put them in `code`"))
            return nil
        }
        let scenarioName: String
        if parts.count == 2 {
            scenarioName = parts[0]
            guard context.allNames.contains(scenarioName) else {
                diagnostics.append(.noScenario(named: scenarioName, among: context.allNames, at: at))
                return nil
            }
        } else {
            guard let chapterScenario else {
                diagnostics.append(.error(.noScenario, "'\(parts[0])' needs a scenario, and this chapter names none", at: at,
                                          hint: "add 'scenario: <name>' to the front matter, or write {{ <scenario>.\(parts[0]) }}"))
                return nil
            }
            scenarioName = chapterScenario
        }
        // A scenario with errors has reported them; its tags stay as written.
        guard let values = context.values(scenarioName) else { return nil }
        let figure = parts[parts.count - 1]
        guard let text = wantsRaw ? values.raw(figure) : values.text(figure) else {
            let problem = values.problem(with: figure, scenarioName: scenarioName)
            diagnostics.append(.error(.unknownValue, problem.message, at: at, hint: problem.hint))
            return nil
        }
        return text
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}
