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

/// Replaces value tags in a chapter's text with figures from a scenario, and decides its
/// inline conditions and checks:
///
/// - `{{ contact_shift_savings }}`: the chapter's scenario's figure, formatted (`$354,816`);
/// - `{{ contact_shift_savings.raw }}`: the same as a plain number (`354816`);
/// - `{{ brightwell-outdoor.lifetime_value }}`: a figure of another scenario;
/// - `{{ npv | money: 0 }}`: a figure in a format (``ValueFormat``);
/// - `{{ if C }}…{{ else if C }}…{{ else }}…{{ end }}`: the text of the first branch whose
///   condition holds; a condition opens and closes in one run of text (a paragraph, or the same
///   emphasis or link), and its branches may hold markup;
/// - `{{ check C }}`: nothing, and an error at the tag when C does not hold.
///
/// Tags are found in text only (code spans and code blocks keep them as written). The value
/// becomes text, so the renderers escape it like any other text: a client called
/// `<b>Acme</b>` shows those characters in both outputs. Tags in a branch not chosen are not
/// evaluated.
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
    /// The file lines whose tags are not met (branches of block conditions left out).
    private let skippedLines: [ClosedRange<Int>]
    /// Decides the conditions of the chapter's scenario, made when the first one is met.
    private var evaluator: ConditionEvaluator?

    /// Tags are located in `file` in the order they are met, so the front matter's title and
    /// summary go first, then the body; the tags on `skippedLines` are never met.
    package init(context: ScenarioContext, chapterScenario: String?, file: SourceFile, skippedLines: [ClosedRange<Int>] = []) {
        self.context = context
        self.chapterScenario = chapterScenario
        self.file = file
        self.skippedLines = skippedLines
    }

    /// Front matter text (a title, a summary) with its tags replaced. Conditions and checks
    /// belong in the body: here they are errors.
    package mutating func replace(in text: String) -> String {
        guard UTF8Bytes.contains(text, "{{") else { return text }
        var out = ""
        for piece in pieces(of: text) {
            switch piece {
            case .text(let text): out += text
            case .tag(let tag, let inner):
                let at = locate(tag)
                if Control(inner) != nil {
                    diagnostics.append(.error(.conditionSyntax, "a title or setting cannot hold '\(tag)'", at: at,
                                              hint: "write conditions and checks in the chapter's text; titles, summaries and report settings take value tags only"))
                    out += tag
                } else {
                    out += value(of: inner, tag: tag, at: at) ?? tag
                }
            }
        }
        return out
    }

    /// The document with every tag replaced, and its diagnostics gathered.
    mutating func replace(in document: Document) -> Document {
        let result = rewrite(document)
        diagnostics += evaluator?.diagnostics ?? []
        evaluator = nil
        return Document(blocks: Self.withoutEmptyParagraphs(result.blocks))
    }

    /// The blocks without the paragraphs that inline conditions left with nothing to show (a
    /// paragraph written wholly inside `{{ if }}…{{ end }}`), which would print as `<p></p>`.
    private static func withoutEmptyParagraphs(_ blocks: [Block]) -> [Block] {
        blocks.compactMap { block in
            switch block {
            case .paragraph(let inlines):
                let blank = inlines.allSatisfy { inline in
                    switch inline {
                    case .text(let text): return text.allSatisfy { $0 == " " || $0 == "\t" }
                    case .softBreak, .lineBreak: return true
                    default: return false
                    }
                }
                return blank ? nil : block
            case .blockQuote(let children):
                return .blockQuote(withoutEmptyParagraphs(children))
            case .callout(var callout):
                callout.blocks = withoutEmptyParagraphs(callout.blocks)
                return .callout(callout)
            case .footnote(var footnote):
                footnote.blocks = withoutEmptyParagraphs(footnote.blocks)
                return .footnote(footnote)
            case .list(var list):
                list.items = list.items.map(withoutEmptyParagraphs)
                return .list(list)
            default:
                return block
            }
        }
    }

    /// A run of inlines with the tags of its text replaced and its inline conditions decided.
    /// cmark may split text at characters it first took for markup; tags are found in the
    /// joined text.
    package mutating func rewrite(_ inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(inline)
            }
        }
        var out: [Inline] = []
        func emit(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + text) } else { out.append(.text(text)) }
        }
        /// The open `{{ if }}`s of this run, innermost last.
        var frames: [Frame] = []
        var active: Bool { frames.last?.active ?? true }
        for inline in merged {
            guard case .text(let text) = inline else {
                if active { out.append(rewrite(inline)) } else { skip(inline) }
                continue
            }
            guard UTF8Bytes.contains(text, "{{") else {
                if active { emit(text) }
                continue
            }
            for piece in pieces(of: text) {
                switch piece {
                case .text(let text):
                    if active { emit(text) }
                case .tag(let tag, let inner):
                    let at = locate(tag)
                    guard let control = Control(inner) else {
                        if active { emit(value(of: inner, tag: tag, at: at) ?? tag) }
                        continue
                    }
                    handle(control, tag: tag, at: at, frames: &frames)
                }
            }
        }
        for frame in frames.reversed() {
            diagnostics.append(.error(.conditionSyntax, "this '{{ if }}' has no '{{ end }}' in the same paragraph", at: frame.at,
                                      hint: "close it with {{ end }}; an inline condition opens and closes in one paragraph, and inside emphasis or a link it closes there too"))
        }
        return out
    }

    package mutating func rewrite(_ inline: Inline) -> Inline {
        guard case .text(let text) = inline else { return rewriteChildren(of: inline) }
        return rewrite([.text(text)]).first ?? .text("")
    }

    // MARK: - Conditions

    /// An open inline condition.
    private struct Frame {
        /// Whether the text around the condition is shown.
        var outer: Bool
        /// Whether a branch has been chosen already.
        var taken: Bool
        /// Whether the current branch is shown.
        var active: Bool
        var sawElse = false
        var at: SourceLocation?
    }

    /// The control tags: `if`, `else if`, `else`, `end`, `check`.
    private enum Control {
        case ifCondition(String), elseIf(String), elseBranch, end, check(String)

        init?(_ inner: String) {
            func condition(after keyword: String) -> String? {
                guard inner == keyword || inner.hasPrefix(keyword + " ") else { return nil }
                return String(inner.dropFirst(keyword.count)).trimmedBlanks
            }
            if inner == "else" { self = .elseBranch } else if inner == "end" { self = .end
            } else if let text = condition(after: "if") { self = .ifCondition(text)
            } else if inner.hasPrefix("else "), let text = String(inner.dropFirst(5)).trimmedBlanks.dropFirstWord("if") { self = .elseIf(text)
            } else if let text = condition(after: "check") { self = .check(text)
            } else { return nil }
        }
    }

    private mutating func handle(_ control: Control, tag: String, at: SourceLocation?, frames: inout [Frame]) {
        let active = frames.last?.active ?? true
        switch control {
        case .ifCondition(let text):
            let holds = active ? decide(text, tag: tag, at: at) : false
            frames.append(Frame(outer: active, taken: holds, active: holds, at: at))
        case .elseIf(let text):
            guard var frame = frames.popLast() else {
                diagnostics.append(.error(.conditionSyntax, "this '{{ else if }}' has no '{{ if }}' before it in the paragraph", at: at,
                                          hint: "start the condition with {{ if CONDITION }}"))
                return
            }
            if frame.sawElse {
                diagnostics.append(.error(.conditionSyntax, "'{{ else if }}' cannot follow '{{ else }}'", at: at,
                                          hint: "'{{ else }}' is the last branch; close the condition with {{ end }} first"))
            } else if frame.outer {
                let holds = decide(text, tag: tag, at: at)
                frame.active = !frame.taken && holds
                frame.taken = frame.taken || holds
            }
            frames.append(frame)
        case .elseBranch:
            guard var frame = frames.popLast() else {
                diagnostics.append(.error(.conditionSyntax, "this '{{ else }}' has no '{{ if }}' before it in the paragraph", at: at,
                                          hint: "start the condition with {{ if CONDITION }}"))
                return
            }
            if frame.sawElse {
                diagnostics.append(.error(.conditionSyntax, "this condition already has an '{{ else }}'", at: at,
                                          hint: "'{{ else }}' is the last branch; close the condition with {{ end }} first"))
            } else {
                frame.active = frame.outer && !frame.taken
                frame.taken = true
                frame.sawElse = true
            }
            frames.append(frame)
        case .end:
            guard frames.popLast() != nil else {
                diagnostics.append(.error(.conditionSyntax, "this '{{ end }}' closes no '{{ if }}' in the paragraph", at: at,
                                          hint: "remove it, or open the condition with {{ if CONDITION }} in the same paragraph"))
                return
            }
        case .check(let text):
            guard active, let place = conditionPlace(text, tag: tag, at: at), var evaluator = conditionEvaluator(text, at: at) else { return }
            evaluator.check(text, at: place)
            self.evaluator = evaluator
        }
    }

    /// Whether an inline condition holds; false after reporting why it cannot be decided.
    private mutating func decide(_ text: String, tag: String, at: SourceLocation?) -> Bool {
        guard let place = conditionPlace(text, tag: tag, at: at), var evaluator = conditionEvaluator(text, at: at) else { return false }
        let holds = evaluator.decide(text, at: place)
        self.evaluator = evaluator
        return holds ?? false
    }

    /// The chapter's evaluator; `nil` after reporting that there is no scenario (or when the
    /// scenario has errors, which it reported).
    private mutating func conditionEvaluator(_ text: String, at: SourceLocation?) -> ConditionEvaluator? {
        if let evaluator { return evaluator }
        guard let chapterScenario else {
            diagnostics.append(.error(.noScenario, "a condition needs a scenario, and this chapter names none", at: at,
                                      hint: "add 'scenario: <name>' to the front matter"))
            return nil
        }
        guard let values = context.values(chapterScenario) else { return nil }
        evaluator = ConditionEvaluator(values: values, scenarioName: chapterScenario)
        return evaluator
    }

    /// Where the condition `text` of `tag` starts: inside the tag when the tag is written as
    /// it was met, else the whole tag.
    private func conditionPlace(_ text: String, tag: String, at: SourceLocation?) -> ConditionPlace? {
        guard let at else { return ConditionPlace(file: file, whole: nil) }
        guard at.length == tag.utf8.count, !text.isEmpty, let range = tag.range(of: text) else {
            return ConditionPlace(file: file, whole: at)
        }
        let offset = tag.utf8.distance(from: tag.startIndex, to: range.lowerBound)
        return ConditionPlace(file: file, position: SourcePosition(line: at.line, column: at.column + offset), whole: at)
    }

    // MARK: - Tags

    /// A piece of text: plain text, or a `{{ … }}` tag with its trimmed inside.
    private enum Piece {
        case text(String)
        case tag(String, String)
    }

    private func pieces(of text: String) -> [Piece] {
        var result: [Piece] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            if open.lowerBound > rest.startIndex { result.append(.text(String(rest[..<open.lowerBound]))) }
            result.append(.tag(String(rest[open.lowerBound..<close.upperBound]), String(rest[open.upperBound..<close.lowerBound]).trimmedBlanks))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }

    /// Counts the tags of content that is left out, so that later tags are located right.
    private mutating func skip(_ inline: Inline) {
        switch inline {
        case .text(let text):
            for case .tag(let tag, _) in pieces(of: text) { _ = locate(tag) }
        case .emphasis(let children), .strong(let children): children.forEach { skip($0) }
        case .link(let link): link.content.forEach { skip($0) }
        case .image(let image): image.alt.forEach { skip($0) }
        case .softBreak, .lineBreak, .code, .html, .footnoteReference, .crossReference: break
        }
    }

    /// The location of the next occurrence of `tag`.
    private mutating func locate(_ tag: String) -> SourceLocation? {
        let occurrence = seen[tag, default: 0]
        seen[tag] = occurrence + 1
        if places == nil { places = ValueTagLocations(file, skipping: skippedLines) }
        return places?.location(of: tag, occurrence: occurrence)
    }

    private mutating func value(of inner: String, tag: String, at: SourceLocation?) -> String? {
        let bar = inner.firstIndex(of: "|")
        let name = bar.map { String(inner[..<$0]).trimmedBlanks } ?? inner
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let wantsRaw = parts.count > 1 && parts.last == "raw"
        if wantsRaw { parts.removeLast() }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isNameCharacter) }) else {
            diagnostics.append(.error(.valueTag, "'\(tag)' is not a value tag", at: at,
                                      hint: "write {{ metric }}, {{ metric.raw }}, {{ metric | format }} or {{ scenario.metric }}; to show braces as they are, put them in `code`"))
            return nil
        }
        var format: ValueFormat?
        if let bar {
            guard !wantsRaw else {
                diagnostics.append(.error(.valueFormat, "'.raw' takes no format", at: at,
                                      hint: "write {{ \(parts.joined(separator: ".")).raw }} for the plain number, or a format without '.raw'"))
                return nil
            }
            switch ValueFormat.parse(String(inner[inner.index(after: bar)...])) {
            case .success(let parsed): format = parsed
            case .failure(let problem):
                diagnostics.append(.error(.valueFormat, problem.message, at: at, hint: problem.hint))
                return nil
            }
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
        let computed = ScenarioValues.computedNames.contains(figure)
        let usual = wantsRaw ? values.raw(figure) ?? values.computedRaw(figure)
            : values.text(figure) ?? (computed ? values.shown(figure) : nil)
        guard let usual else {
            if ScenarioValues.ClientText(rawValue: figure) != nil {
                let problem = values.problem(with: figure, scenarioName: scenarioName)
                diagnostics.append(.error(.unknownValue, problem.message, at: at, hint: problem.hint))
                return nil
            }
            diagnostics.append(.error(.unknownValue, "the scenario '\(scenarioName)' has no input, metric or figure '\(figure)'", at: at,
                                      hint: ScenarioFact(rawValue: figure) != nil
                                        ? "'\(figure)' is a fact: use it in a condition, {{ if \(figure) }}…{{ end }}"
                                        : NearestName.hint(for: figure, among: values.names + ScenarioValues.computedNames)))
            return nil
        }
        guard let format else { return usual }
        guard let value = values.figure(figure) else { return usual }
        switch format.apply(to: value, name: figure, usual: usual, formatter: values.scenario.formatter,
                            english: values.scenario.spec.locale.lowercased().hasPrefix("en")) {
        case .success(let text): return text
        case .failure(let problem):
            diagnostics.append(.error(.valueFormat, problem.message, at: at, hint: problem.hint))
            return nil
        }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}

private extension String {
    /// The rest after `word` and the blanks after it, when the text starts with that word.
    func dropFirstWord(_ word: String) -> String? {
        guard self == word || hasPrefix(word + " ") else { return nil }
        return String(dropFirst(word.count)).trimmedBlanks
    }
}
