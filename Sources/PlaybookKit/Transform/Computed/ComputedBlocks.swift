import PlaybookCore
import PlaybookScenario
import PlaybookYAML

/// Turns ```` ```playbook <kind> ```` fences into computed blocks. The fence's body is a
/// YAML mapping of arguments, so that the block still reads sensibly in any Markdown viewer:
///
/// ````markdown
/// ```playbook metrics
/// metrics: [cost_per_call, contact_shift_savings]
/// caption: The contact centre before the programme
/// ```
/// ````
struct ComputedBlocks {
    /// What a block can show, and the arguments each kind takes besides `scenario` and `caption`.
    static let kinds: [String: [String]] = [
        "metrics": ["metrics", "case"],
        "explain": ["metric", "case"],
        "cash-flow": ["case", "risk-adjusted", "lines"],
        "cases": [],
        "sensitivity": [],
        "objectives": [],
        "attribution": [],
        "simulation": ["draws", "seed"],
        "chart": ["of", "draws", "seed"],
        "headline": ["case"],
        "lines": ["of", "case"],
        "assumptions": [],
        "formulas": ["case"],
    ]

    /// What a `chart` block can draw.
    static let charts = ["cash-flow", "breakdown", "sensitivity", "simulation"]
    /// What a `lines` block can list.
    static let lineKinds = BlockTables.LineKind.allCases.map(\.rawValue)

    let context: ScenarioContext
    let chapterScenario: String?
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// How many charts the chapter has so far (their SVG ids must be unique in the page).
    private var chartCount = 0
    /// The start of the chapter's chart ids: its file name, so that the ids stay unique when
    /// chapters share a page (a report's printable page).
    private var chartPrefix: String {
        let name = file.path.split(separator: "/").last.map(String.init) ?? ""
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let safe = stem.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return safe.isEmpty ? "" : safe + "-"
    }

    init(context: ScenarioContext, chapterScenario: String?, file: SourceFile) {
        self.context = context
        self.chapterScenario = chapterScenario
        self.file = file
    }

    /// The document with every `playbook` fence replaced by its computed block.
    mutating func replace(in document: Document) -> Document {
        var result = document
        result.blocks = document.blocks.map { block($0) }
        return result
    }

    private mutating func block(_ block: Block) -> Block {
        if case .codeBlock(let code) = block, code.language == "playbook" {
            return computed(code).map(Block.computed) ?? block
        }
        return block.mappingContents(inlines: { $0 }, blocks: { self.block($0) })
    }

    /// The computed block of a fence; `nil` after reporting why there is none.
    private mutating func computed(_ code: CodeBlock) -> ComputedBlock? {
        let fence = file.location(line: code.position.line, firstOccurrenceOf: "playbook")
        let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let kinds = Self.kinds.keys.sorted()
        guard words.count >= 2 else {
            diagnostics.append(.error("unknown-block", "a playbook block names what it shows", at: fence,
                                      hint: "write ```playbook <kind>, where the kind is one of: " + kinds.joined(separator: ", ")))
            return nil
        }
        let kind = words[1]
        let kindAt = file.location(line: code.position.line, firstOccurrenceOf: kind)
        guard let extra = Self.kinds[kind] else {
            diagnostics.append(.error("unknown-block", "there is no '\(kind)' block", at: kindAt,
                                      hint: NearestName.hint(for: kind, among: kinds) ?? "the blocks are: " + kinds.joined(separator: ", ")))
            return nil
        }
        if words.count > 2 {
            diagnostics.append(.error("unknown-block", "write the arguments of a block inside it, one 'name: value' per line",
                                      at: file.location(line: code.position.line, firstOccurrenceOf: words[2])))
            return nil
        }
        var node: YAMLNode?
        if !code.code.allSatisfy(\.isWhitespace) {
            switch YAMLParser.parse(code.code, in: file, firstLine: code.position.line + 1) {
            case .success(let parsed): node = parsed
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        var reader = YAMLMappingReader(node, file: file, what: "the \(kind) block", missingAt: kindAt)
        let scenarioPair = reader.pair("scenario")
        let caption = reader.string("caption")
        var arguments = Arguments()
        if extra.contains("metrics") { arguments.names = reader.strings("metrics", required: true) }
        if extra.contains("metric") {
            arguments.names = reader.pair("metric", required: true).map { pair in
                [(pair.value.scalar?.text.trimmingSpaces() ?? "", pair.value.location(in: file))]
            }
        }
        if extra.contains("case") { arguments.casePair = reader.pair("case") }
        var riskAdjusted = true
        var selection = BlockTables.LineSelection.all
        if extra.contains("risk-adjusted") { riskAdjusted = reader.bool("risk-adjusted") ?? true }
        if extra.contains("lines"), let text = reader.string("lines") {
            if let chosen = BlockTables.LineSelection(rawValue: text) {
                selection = chosen
            } else {
                reader.invalid("lines", "'lines' must be all, costs or benefits, not '\(text)'")
            }
        }
        var draws = 10_000
        var seed: UInt64 = 1
        if extra.contains("draws"), let value = reader.int("draws") {
            if (100...1_000_000).contains(value) { draws = value } else { reader.invalid("draws", "'draws' must be from 100 to 1,000,000") }
        }
        if extra.contains("seed"), let value = reader.int("seed") {
            if value >= 0 { seed = UInt64(value) } else { reader.invalid("seed", "'seed' must be a whole number from 0") }
        }
        var ofChoice: String?
        if extra.contains("of"), let pair = reader.pair("of", required: true) {
            let text = pair.value.scalar?.text.trimmingSpaces() ?? ""
            let choices = kind == "lines" ? Self.lineKinds : Self.charts
            if choices.contains(text) {
                ofChoice = text
            } else {
                reader.invalid("of", kind == "lines" ? "a lines block lists benefits or costs, not '\(text)'" : "there is no '\(text)' chart",
                               hint: NearestName.hint(for: text, among: choices)
                                ?? (kind == "lines" ? "write 'of: benefits' or 'of: costs'" : "the charts are: " + choices.joined(separator: ", ")))
            }
        }
        reader.finish()
        diagnostics += reader.diagnostics
        // A mistake in the arguments does not stop the names from being checked too.
        let argumentsFailed = reader.diagnostics.hasErrors

        // The scenario: the block's own, or the chapter's.
        let name: String
        if let scenarioPair {
            name = scenarioPair.value.scalar?.text.trimmingSpaces() ?? ""
            guard context.allNames.contains(name) else {
                diagnostics.append(.error("no-scenario", "there is no scenario '\(name)' in \(ScenarioFiles.folder)/",
                                          at: scenarioPair.value.location(in: file), hint: NearestName.hint(for: name, among: context.allNames)))
                return nil
            }
        } else if let chapterScenario {
            name = chapterScenario
        } else {
            diagnostics.append(.error("no-scenario", "the \(kind) block needs a scenario, and this chapter names none", at: kindAt,
                                      hint: "add 'scenario: <name>' to the front matter, or to the block"))
            return nil
        }
        // A scenario with errors has reported them already.
        guard let scenario = context.scenarios[name] else { return nil }
        var scenarioCase = ScenarioCase.expected
        if let casePair = arguments.casePair {
            let text = casePair.value.scalar?.text.trimmingSpaces() ?? ""
            guard let chosen = ScenarioCase(rawValue: text) else {
                diagnostics.append(.error("invalid-value", "'case' must be low, expected or high, not '\(text)'", at: casePair.value.location(in: file)))
                return nil
            }
            scenarioCase = chosen
        }
        let tables = BlockTables(scenario: scenario)
        guard let values = context.values(name) else { return nil }
        let known = scenario.spec.inputs.map(\.name) + scenario.spec.metrics.map(\.name)
        for (metric, at) in arguments.names ?? [] where !known.contains(metric) {
            diagnostics.append(.error("unknown-value", "the scenario '\(name)' has no input or metric '\(metric)'", at: at,
                                      hint: NearestName.hint(for: metric, among: values.names)))
        }
        if argumentsFailed || arguments.names?.contains(where: { !known.contains($0.0) }) == true { return nil }

        let value: TemplateValue
        switch kind {
        case "metrics": value = tables.metrics((arguments.names ?? []).map(\.0), caption: caption, in: scenarioCase).value
        case "explain":
            guard let metric = arguments.names?.first?.0, let explained = tables.explain(metric, caption: caption, in: scenarioCase) else { return nil }
            value = explained
        case "cash-flow":
            guard let table = tables.cashFlow(caption: caption, in: scenarioCase, riskAdjusted: riskAdjusted, lines: selection) else { return nil }
            value = table.value
        case "cases": value = tables.cases(caption: caption).value
        case "sensitivity": value = tables.sensitivity(caption: caption).value
        case "objectives":
            guard !scenario.spec.objectives.isEmpty else {
                diagnostics.append(.error("no-data", "the scenario '\(name)' has no objectives", at: kindAt,
                                          hint: "add an 'objectives' list to \(ScenarioFiles.folder)/\(name).yaml"))
                return nil
            }
            value = tables.objectives(caption: caption).value
        case "attribution":
            guard let table = tables.attribution(caption: caption) else {
                diagnostics.append(.error("no-data", "the scenario '\(name)' has no attribution data", at: kindAt,
                                          hint: "add 'attribution: { data: <file>.csv }' to \(ScenarioFiles.folder)/\(name).yaml"))
                return nil
            }
            value = table.value
        case "simulation", "chart":
            let needsDraws = kind == "simulation" || ofChoice == "simulation" || ofChoice == "sensitivity"
            guard !needsDraws || scenario.spec.hasRanges else {
                diagnostics.append(.error("no-data", "the scenario '\(name)' has no input with a range", at: kindAt,
                                          hint: "give an input a range, such as { low: 5%, expected: 8%, high: 12% }"))
                return nil
            }
            let simulations = context.simulations
            let simulation = { simulations.result(scenario, name: name, draws: draws, seed: seed) }
            if kind == "simulation" {
                value = tables.simulation(simulation(), caption: caption).value
                break
            }
            chartCount += 1
            let id = "pb-\(chartPrefix)chart-\(chartCount)"
            let charts = BlockCharts(tables: tables)
            switch ofChoice {
            case "cash-flow": value = charts.cashFlow(id: id, caption: caption).value
            case "breakdown": value = charts.breakdown(id: id, caption: caption).value
            case "sensitivity": value = charts.tornado(id: id, caption: caption).value
            case "simulation": value = charts.histogram(simulation(), id: id, caption: caption).value
            default: return nil
            }
        case "headline":
            guard let headline = tables.headline(caption: caption, in: scenarioCase) else { return nil }
            value = headline
        case "lines":
            guard let text = ofChoice, let lineKind = BlockTables.LineKind(rawValue: text),
                  let lines = tables.lines(lineKind, in: scenarioCase) else { return nil }
            value = lines
        case "assumptions": value = tables.assumptions(caption: caption).value
        case "formulas": value = tables.formulas(caption: caption, in: scenarioCase).value
        default:
            return nil
        }
        return ComputedBlock(template: "blocks/\(kind)", value: value, position: code.position)
    }

    private struct Arguments {
        var names: [(String, SourceLocation)]?
        var casePair: YAMLPair?
    }
}
