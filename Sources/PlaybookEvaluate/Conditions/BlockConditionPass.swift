import PlaybookCore
import PlaybookScenario

/// Decides a chapter's block conditions (`::: if …` … `:::`) for its scenario: each
/// ``Conditional`` is replaced by the blocks of its first branch whose condition holds (the
/// `::: else` branch when none does, or nothing). Every condition of a reached chain is read
/// and checked, even after a branch was chosen, so that a mistake in an `else if` shows in
/// every build; the content of the branches not chosen is not looked at (its tags and blocks
/// are not evaluated), and its lines are listed so that value tags are still located right.
struct BlockConditionPass {
    let context: ScenarioContext
    let chapterScenario: String?
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// The file lines of the branches that were left out.
    private(set) var droppedLines: [ClosedRange<Int>] = []
    private var evaluator: ConditionEvaluator?

    init(context: ScenarioContext, chapterScenario: String?, file: SourceFile) {
        self.context = context
        self.chapterScenario = chapterScenario
        self.file = file
        if let chapterScenario, let values = context.values(chapterScenario) {
            evaluator = ConditionEvaluator(values: values, scenarioName: chapterScenario)
        }
    }

    /// The document with every block condition decided.
    mutating func decide(in document: Document) -> Document {
        let blocks = decide(document.blocks)
        diagnostics += evaluator?.diagnostics ?? []
        return Document(blocks: blocks)
    }

    private mutating func decide(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard case .conditional(let conditional) = block else {
                result.append(block)
                continue
            }
            result += decide(conditional)
        }
        return result
    }

    private mutating func decide(_ conditional: Conditional) -> [Block] {
        let line = conditional.position.line
        let marker = file.location(line: line, column: 1, length: max(file.line(line).utf8.count, 1))
        guard chapterScenario != nil else {
            diagnostics.append(.error(.noScenario, "'::: if' needs a scenario, and this chapter names none", at: marker,
                                      hint: "add 'scenario: <name>' to the front matter"))
            drop(conditional.branches)
            return []
        }
        // A scenario with errors has reported them; its chapter's conditions cannot be decided.
        guard var evaluator else {
            drop(conditional.branches)
            return []
        }
        var chosen: Int?
        for (index, branch) in conditional.branches.enumerated() {
            guard let condition = branch.condition else {
                if chosen == nil { chosen = index }
                continue
            }
            // An empty condition was reported by the parser.
            guard !condition.text.isEmpty else { continue }
            let lineOfCondition = condition.position.line
            let whole = file.location(line: lineOfCondition, column: 1, length: max(file.line(lineOfCondition).utf8.count, 1))
            let holds = evaluator.decide(condition.text, at: ConditionPlace(file: file, position: condition.position, whole: whole))
            if chosen == nil, holds == true { chosen = index }
        }
        self.evaluator = evaluator
        var kept: [Block] = []
        for (index, branch) in conditional.branches.enumerated() {
            if index == chosen { kept = decide(branch.blocks) } else { drop([branch]) }
        }
        return kept
    }

    private mutating func drop(_ branches: [ConditionalBranchOf<Parsed>]) {
        for branch in branches where branch.firstLine <= branch.lastLine {
            droppedLines.append(branch.firstLine...branch.lastLine)
        }
    }
}
