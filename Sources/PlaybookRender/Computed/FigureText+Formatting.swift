import PlaybookScenario
import PlaybookEvaluate

// The text of a computed block's figures, cells and sentences: the scenario's formatter
// applied, here in the render stage and nowhere else.

extension Figure {
    /// The figure's text.
    func text(_ formatter: ValueFormatter) -> String {
        switch self {
        case .money(let amount): formatter.money(amount, decimals: 0)
        case .value(let value, let unit, let decimals): formatter.format(value, unit, decimals: decimals)
        case .plain(let value): formatter.plain(value)
        case .payback(let period): formatter.payback(period)
        }
    }
}

extension TableCell {
    /// The cell's text.
    func text(_ formatter: ValueFormatter) -> String {
        switch self {
        case .text(let text): text
        case .figure(let figure): figure.text(formatter)
        case .none: "—"
        case .sentence(let text): text.text(formatter)
        }
    }
}

extension FigureText {
    /// The sentence's text.
    func text(_ formatter: ValueFormatter) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .cell(let cell): cell.text(formatter)
            }
        }.joined()
    }
}
