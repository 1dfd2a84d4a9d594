import PlaybookCore
import PlaybookScenario

/// Turns ```` ```playbook <kind> ```` fences into computed blocks. The fence's body is a
/// YAML mapping of arguments, so that the block still reads sensibly in any Markdown viewer:
///
/// ````markdown
/// ```playbook metrics
/// metrics: [cost_per_call, contact_shift_savings]
/// caption: The contact centre before the programme
/// ```
/// ````
///
/// Each fence is read once into a ``BlockFence`` (its kind and the arguments the kind
/// declares); once its scenario and the names in it are checked it becomes a typed
/// ``BlockRequest``, which ``evaluate(_:scenario:named:caption:kindAt:)`` turns into the
/// ``BlockContent`` the block shows: data, made text and markup by the render stage.
struct ComputedBlocks: DocumentRewriter {
    typealias Stage = Parsed
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
        rewrite(document)
    }

    /// A `playbook` fence becomes its computed block; fences are blocks, so inline content is
    /// not walked.
    mutating func rewrite(_ block: Block) -> Block {
        switch block {
        case .codeBlock(let code) where code.language == "playbook":
            return computed(code).map(Block.computed) ?? block
        case .blockQuote, .list, .conditional, .callout, .footnote:
            return rewriteChildren(of: block)
        default:
            return block
        }
    }

    /// The computed block of a fence; `nil` after reporting why there is none.
    private mutating func computed(_ code: CodeBlock) -> ComputedBlock? {
        let (read, fenceDiagnostics) = BlockFence.read(code, in: file)
        diagnostics += fenceDiagnostics
        guard let fence = read else { return nil }

        // The scenario: the block's own, or the chapter's.
        let name: String
        if let written = fence.scenario {
            name = written.name
            guard context.allNames.contains(name) else {
                diagnostics.append(.noScenario(named: name, among: context.allNames, at: written.at))
                return nil
            }
        } else if let chapterScenario {
            name = chapterScenario
        } else {
            diagnostics.append(.error(.noScenario, "the \(fence.kind.rawValue) block needs a scenario, and this chapter names none",
                                      at: fence.kindAt, hint: "add 'scenario: <name>' to the front matter, or to the block"))
            return nil
        }
        // A scenario with errors has reported them already.
        guard let scenario = context.scenarios[name] else { return nil }
        let scenarioCase: ScenarioCase
        switch fence.values.scenarioCase("case") {
        case .success(let chosen): scenarioCase = chosen
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        guard let values = context.values(name) else { return nil }
        let known = scenario.spec.inputs.map(\.name) + scenario.spec.metrics.map(\.name)
        let unknown = fence.names.filter { !known.contains($0.name) }
        for metric in unknown {
            diagnostics.append(.error(.unknownValue, "the scenario '\(name)' has no input or metric '\(metric.name)'", at: metric.at,
                                      hint: NearestName.hint(for: metric.name, among: values.names)))
        }
        guard !fence.failed, unknown.isEmpty, let request = BlockRequest(fence.kind, fence.values, case: scenarioCase),
              let body = evaluate(request, scenario: scenario, named: name, caption: fence.caption, kindAt: fence.kindAt) else { return nil }
        let content = BlockContent(body: body, currency: scenario.spec.currency, locale: scenario.spec.locale)
        return ComputedBlock(kind: fence.kind.rawValue, content: content, position: code.position, label: label(fence, body))
    }

    /// The block's `label:` when it suits what the block shows (`fig-` for a chart, `tbl-`
    /// for a table); otherwise `nil`, after a `label-kind` error.
    private mutating func label(_ fence: BlockFence, _ body: BlockContent.Body) -> String? {
        guard let label = fence.label else { return nil }
        let expected: NumberedKind?
        switch body {
        case .table: expected = .table
        case .chart: expected = .figure
        case .explain, .headline, .lines, .statements: expected = nil
        }
        guard let expected else {
            diagnostics.append(.error(.labelKind, "a \(fence.kind.rawValue) block is not numbered, so it takes no label", at: label.at,
                                      hint: "labels number tables (tbl-…) and charts (fig-…)"))
            return nil
        }
        guard NumberedKind(label: label.name) == expected else {
            diagnostics.append(.error(.labelKind, "the label of a \(fence.kind.rawValue) block starts with '\(expected.prefix)'", at: label.at,
                                      hint: "write 'label: \(expected.prefix)\(Self.withoutPrefix(label.name))'"))
            return nil
        }
        return label.name
    }

    /// A label without a `tbl-` or `fig-` in front.
    private static func withoutPrefix(_ label: String) -> String {
        NumberedKind.allCases.first { label.hasPrefix($0.prefix) }.map { String(label.dropFirst($0.prefix.count)) } ?? label
    }

    /// What a block shows; `nil` after reporting why the scenario cannot give it.
    private mutating func evaluate(_ request: BlockRequest, scenario: Scenario, named name: String, caption: String?,
                                   kindAt: SourceLocation) -> BlockContent.Body? {
        let tables = BlockTables(scenario: scenario)
        func noData(_ message: String, hint: String) -> BlockContent.Body? {
            diagnostics.append(.error(.noData, "the scenario '\(name)' has \(message)", at: kindAt, hint: hint))
            return nil
        }
        let simulations = context.simulations
        func simulation(_ draws: Int, _ seed: UInt64) -> SimulationResult {
            simulations.result(scenario, name: name, draws: draws, seed: seed)
        }
        let noRanges = "no input with a range", rangesHint = "give an input a range, such as { low: 5%, expected: 8%, high: 12% }"
        switch request {
        case .metrics(let names, let scenarioCase): return .table(tables.metrics(names, caption: caption, in: scenarioCase))
        case .explain(let metric, let scenarioCase): return tables.explain(metric, caption: caption, in: scenarioCase).map(BlockContent.Body.explain)
        case .cashFlow(let scenarioCase, let riskAdjusted, let lines):
            return tables.cashFlow(caption: caption, in: scenarioCase, riskAdjusted: riskAdjusted, lines: lines).map(BlockContent.Body.table)
        case .cases: return .table(tables.cases(caption: caption))
        case .sensitivity: return .table(tables.sensitivity(caption: caption))
        case .objectives:
            guard !scenario.spec.objectives.isEmpty else {
                return noData("no objectives", hint: "add an 'objectives' list to \(ProjectLayout.scenarios)/\(name).yaml")
            }
            return .table(tables.objectives(caption: caption))
        case .attribution:
            guard let table = tables.attribution(caption: caption) else {
                return noData("no attribution data", hint: "add 'attribution: { data: <file>.csv }' to \(ProjectLayout.scenarios)/\(name).yaml")
            }
            return .table(table)
        case .simulation(let draws, let seed):
            guard scenario.spec.hasRanges else { return noData(noRanges, hint: rangesHint) }
            return .table(tables.simulation(simulation(draws, seed), caption: caption))
        case .chart(let chart, let draws, let seed):
            guard scenario.spec.hasRanges || chart == .cashFlow || chart == .breakdown else { return noData(noRanges, hint: rangesHint) }
            chartCount += 1
            let id = "pb-\(chartPrefix)chart-\(chartCount)"
            let charts = BlockCharts(tables: tables)
            switch chart {
            case .cashFlow: return .chart(charts.cashFlow(id: id, caption: caption))
            case .breakdown: return .chart(charts.breakdown(id: id, caption: caption))
            case .sensitivity: return .chart(charts.tornado(id: id, caption: caption))
            case .simulation: return .chart(charts.histogram(simulation(draws, seed), id: id, caption: caption))
            }
        case .headline(let scenarioCase): return tables.headline(caption: caption, in: scenarioCase).map(BlockContent.Body.headline)
        case .lines(let kind, let scenarioCase): return tables.lines(kind, in: scenarioCase).map(BlockContent.Body.lines)
        case .assumptions: return .table(tables.assumptions(caption: caption, only: context.appendixNames[name]))
        case .formulas(let scenarioCase): return .table(tables.formulas(caption: caption, in: scenarioCase, only: context.appendixNames[name]))
        case .keyFindings, .risks:
            let writer = FindingsWriter(tables: tables, simulation: scenario.spec.hasRanges ? simulation(SimulationCache.defaultDraws, SimulationCache.defaultSeed) : nil)
            let kind = request == .risks ? BlockKind.risks : .keyFindings
            return .statements(Statements(kind: kind.rawValue, caption: caption,
                                          items: kind == .risks ? writer.risks() : writer.keyFindings()))
        }
    }
}
