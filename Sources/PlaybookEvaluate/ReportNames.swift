import PlaybookCore
import PlaybookScenario

/// The inputs and metrics a client report uses, which its appendix (`assumptions`,
/// `formulas`) lists — and nothing else, so that figures a scenario keeps only for the books
/// (Kestrel's `discount_factor_year_1`) stay out of the client's report:
///
/// - every name the cost and benefit lines' formulas use, with the discount rate and horizon;
/// - every name a value tag or a condition in the report's chapters uses
///   (`{{ shift_to_social }}`, `{{ if churn_reduction > 1% }}`, `::: if …` lines);
/// - every name a computed block of the chapters shows: a `metrics` list, an `explain`
///   metric, the uncertain inputs of `sensitivity`, `cases`, `simulation` and their charts,
///   what the `objectives` scorecard computes with (a KPI's own value when the objective
///   gives no actual, and the names its target, actual and baseline use);
///
/// and, through every metric among them, the names its formula uses, down to the inputs.
/// Tags are found in the chapters' text as written (a tag in a code span counts too: listing
/// one figure more is safer than leaving one out).
package enum ReportNames {
    /// The names `chapters`, bound to the scenario `name`, use (see the type's description).
    package static func used(by chapters: [Chapter], scenario: Scenario, named name: String) -> Set<String> {
        let spec = scenario.spec
        let known = Set(spec.inputs.map(\.name) + spec.metrics.map(\.name))
        var roots: [String] = ["discount_rate", "horizon_years"]
        for line in spec.lines {
            for formula in [line.initial].compactMap({ $0 }) + line.yearly { roots += formula.expression.names.map(\.0) }
        }
        for chapter in chapters {
            roots += tagNames(in: chapter.source.text, scenario: name, known: known)
            var fences = FenceNames(file: chapter.source, scenario: scenario, named: name)
            fences.visit(chapter.document)
            roots += fences.names
        }
        // Every metric's formula brings in the names it uses.
        let formulas = Dictionary(spec.metrics.map { ($0.name, $0.formula.expression) }, uniquingKeysWith: { first, _ in first })
        var used: Set<String> = []
        var queue = roots.filter(known.contains)
        while let next = queue.popLast() {
            guard used.insert(next).inserted else { continue }
            queue += (formulas[next]?.names.map(\.0) ?? []).filter { known.contains($0) && !used.contains($0) }
        }
        return used
    }

    /// The names written inside `{{ … }}` tags and on `::: if` and `::: else if` lines: every
    /// word that could be a name (`shift_to_social`, `shift_to_social.raw`,
    /// `kestrel-mobile.npv` when the scenario is `name`); another scenario's figures
    /// (`brightwell-outdoor.lifetime_value`) are left out.
    static func tagNames(in text: String, scenario name: String, known: Set<String>) -> [String] {
        var spans: [Substring] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            spans.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix(":::") {
            spans.append(line.dropFirst(3))
        }
        var names: [String] = []
        for span in spans {
            let words = span.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
            for word in words {
                let parts = word.split(separator: ".").map(String.init)
                if parts.count >= 2, parts[0] != name, !known.contains(parts[0]) { continue }
                names += parts
            }
        }
        return names
    }

    /// The names the computed blocks of a chapter show, for the blocks of the scenario `name`.
    private struct FenceNames: DocumentVisitor {
        typealias Stage = Parsed
        let file: SourceFile
        let scenario: Scenario
        let named: String
        var names: [String] = []

        init(file: SourceFile, scenario: Scenario, named: String) {
            self.file = file
            self.scenario = scenario
            self.named = named
        }

        mutating func visit(_ block: Block) {
            guard case .codeBlock(let code) = block, code.language == "playbook" else { return visitChildren(of: block) }
            // A fence with mistakes is reported by the chapter's own pass.
            guard let fence = BlockFence.read(code, in: file).0, fence.scenario.map({ $0.name == named }) ?? true else { return }
            names += fence.names.map(\.name)
            let spec = scenario.spec
            let uncertain = spec.inputs.filter(\.value.isUncertain).map(\.name)
            switch fence.kind {
            case .sensitivity, .cases, .simulation: names += uncertain
            case .chart where fence.values.word("of") == ChartKind.sensitivity.rawValue || fence.values.word("of") == ChartKind.simulation.rawValue:
                names += uncertain
            case .objectives:
                for objective in spec.objectives {
                    // The KPI's own value is the actual only when the objective gives none.
                    if objective.actual == nil { names.append(objective.kpi) }
                    for formula in [objective.target, objective.actual, objective.baseline].compactMap({ $0 }) {
                        names += formula.expression.names.map(\.0)
                    }
                }
            default: break
            }
        }
    }
}
