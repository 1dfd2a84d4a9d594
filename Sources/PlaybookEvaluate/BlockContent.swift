import PlaybookCore
import PlaybookScenario

/// What a computed block shows, as the evaluation of its request made it: tables of typed
/// cells, charts, worked examples. The render stage makes its figures text and writes it
/// through the block's template (`Render/Computed/BlockContentValue.swift`).
package struct BlockContent: ComputedContent, Equatable {
    /// The content of each shape of block.
    package enum Body: Equatable {
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
        /// A `key-findings` or `risks` block.
        case statements(Statements)
    }

    /// What the block shows.
    package var body: Body
    /// The currency of the scenario's money figures.
    package var currency: String
    /// The locale the scenario's figures are written for.
    package var locale: String
}

/// The worked example of a metric, step by step, as the scenario explains it.
package struct WorkedExample: Equatable {
    package var caption: String
    package var explanation: Explanation
}

/// The case at a glance: a panel of labelled figures and a note.
package struct Headline: Equatable {
    /// One figure of the panel, with its label.
    package struct Entry: Equatable {
        package var label: String
        package var value: TableCell
    }

    package var caption: String
    package var figures: [Entry]
    package var note: FigureText
}
