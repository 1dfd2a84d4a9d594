import PlaybookCore
import PlaybookScenario

/// What a computed block shows, as the evaluation of its request made it: tables of typed
/// cells, charts, worked examples. The render stage makes its figures text and writes it
/// through the block's template (`Render/Computed/BlockContentValue.swift`).
struct BlockContent: ComputedContent, Equatable {
    /// The content of each shape of block.
    enum Body: Equatable {
        /// A table: `metrics`, `cash-flow`, `cases`, `sensitivity`, `objectives`,
        /// `attribution`, `simulation`, `assumptions`, `formulas`.
        case table(BlockTable)
        /// A `chart`.
        case chart(BlockChart)
        /// An `explain` block.
        case explain(WorkedExample)
        /// A `headline` block.
        case headline(Headline)
        /// A `lines` block.
        case lines(LineSections)
    }

    /// What the block shows.
    var body: Body
    /// The currency of the scenario's money figures.
    var currency: String
    /// The locale the scenario's figures are written for.
    var locale: String
}

/// The worked example of a metric, step by step, as the scenario explains it.
struct WorkedExample: Equatable {
    var caption: String
    var explanation: Explanation
}

/// The case at a glance: a panel of labelled figures and a note.
struct Headline: Equatable {
    /// One figure of the panel, with its label.
    struct Entry: Equatable {
        var label: String
        var value: TableCell
    }

    var caption: String
    var figures: [Entry]
    var note: FigureText
}

/// Each benefit (or cost) on its own: its amounts by year, and the worked examples of the
/// metrics they use.
struct LineSections: Equatable {
    /// One line's section.
    struct Section: Equatable {
        /// The section's anchor, such as `pb-benefit-agent_time`.
        var id: String
        var label: String
        var table: BlockTable
        var explanations: [WorkedExample]
    }

    /// Which lines: `benefits` or `costs`.
    var of: BlockTables.LineKind
    var sections: [Section]
}
