import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate

extension ComputedBlock {
    /// What the evaluate stage made for this block. `BlockContent` is the one kind of computed
    /// content there is (PlaybookCore knows the protocol only, so that the document model does
    /// not depend on the evaluate stage).
    var evaluated: BlockContent? { content as? BlockContent }

    /// The values the block's template shows.
    var templateValue: TemplateValue { evaluated?.templateValue() ?? [:] }

    /// The block's caption, if it has one (the search index lists it).
    var caption: String? { evaluated?.caption }
}

/// The values block templates receive, made from a block's content: the one place a computed
/// block's figures become text, with the formatter of the scenario's currency and locale.
extension BlockContent {
    /// The formatter of the scenario's currency and locale.
    private var formatter: ValueFormatter { ValueFormatter(currency: currency, locale: locale) }

    var caption: String? {
        switch body {
        case .table(let table): table.caption
        case .chart(let chart): chart.caption.text(formatter)
        case .explain(let example): example.caption
        case .headline(let headline): headline.caption
        case .lines: nil
        case .statements(let statements): statements.caption
        }
    }

    func templateValue() -> TemplateValue {
        let formatter = formatter
        switch body {
        case .table(let table): return table.value(formatter)
        case .chart(let chart): return chart.value(formatter)
        case .explain(let example): return example.value
        case .headline(let headline): return headline.value(formatter)
        case .lines(let lines): return lines.value(formatter)
        case .statements(let statements): return statements.value(formatter)
        }
    }
}

extension BlockChart {
    /// `type`, `caption`, `svg` (markup) and `data` (a table, as `blocks/table` takes it).
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        ["type": .text(kind.rawValue), "caption": .text(caption.text(formatter)), "svg": .markup(ChartDrawing(formatter: formatter).svg(self)),
         "data": data.value(formatter)]
    }
}

extension WorkedExample {
    /// `caption`, `result`, `steps` (`label`, `words`, `arithmetic` when it differs from the
    /// result, `result`, `first`; `name`, `formula` for templates that show code),
    /// `has_inputs` and `inputs` (`label`, `value`, `source`; `name`).
    var value: TemplateValue {
        let steps: [TemplateValue] = explanation.steps.enumerated().map { index, step in
            var fields: [String: TemplateValue] = ["name": .text(step.name), "formula": .text(step.formula), "result": .text(step.result),
                                                   "label": .text(step.label), "words": .text(step.words), "first": .flag(index == 0)]
            if step.arithmetic != step.result { fields["arithmetic"] = .text(step.arithmetic) }
            return .object(fields)
        }
        let inputs: [TemplateValue] = explanation.inputs.map { input in
            ["name": .text(input.name), "label": .text(input.label), "value": .text(input.value), "source": .text(input.shownSource)]
        }
        return .object([
            "caption": .text(caption),
            "result": .text(explanation.steps.first?.result ?? ""),
            "steps": .list(steps), "has_inputs": .flag(!inputs.isEmpty), "inputs": .list(inputs),
        ])
    }
}

extension Headline {
    /// `caption`, `figures` (`label`, `value`) and `note`. A figure's value is one unbreakable
    /// run ("15.6 months" with a no-break space), so that a panel never splits a number from
    /// its unit.
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        .object([
            "caption": .text(caption),
            "figures": .list(figures.map { figure in
                let value = String(figure.value.text(formatter).map { $0 == " " ? "\u{00A0}" : $0 })
                return ["label": .text(figure.label), "value": .text(value)]
            }),
            "note": .text(note.text(formatter)),
        ])
    }
}

extension Statements {
    /// `caption` (when given) and `items`: `lead` (when there is one), `text`, `has_items`,
    /// `items` (`text`).
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        var fields: [String: TemplateValue] = ["items": .list(items.map { item in
            var fields: [String: TemplateValue] = ["text": .text(item.text.text(formatter)), "has_items": .flag(!item.items.isEmpty),
                                                   "items": .list(item.items.map { ["text": .text($0.text(formatter))] })]
            if let lead = item.lead { fields["lead"] = .text(lead) }
            return .object(fields)
        })]
        if let caption { fields["caption"] = .text(caption) }
        return .object(fields)
    }
}

extension LineSections {
    /// `of`, and `tables`: `id`, `caption`, `periods` (`text`), `rows` (`ref`, `label`,
    /// `source`, `kind` — calculation, ramp, amount, risk or adjusted —, `total` — the amount
    /// and risk-adjusted rows —, `cells`: `text`, `label`, the period's head), `note`.
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        .object(["of": .text(of.rawValue), "tables": .list(tables.map { table in
            .object([
                "id": .text(table.id),
                "caption": .text(table.caption),
                "periods": .list(table.periods.map { ["text": .text($0)] }),
                "rows": .list(table.rows.map { row in
                    .object([
                        "ref": .text(row.ref),
                        "label": .text(row.label.text(formatter)),
                        "source": .text(row.source.text(formatter)),
                        "kind": .text(row.kind.rawValue),
                        "total": .flag(row.kind == .amount || row.kind == .adjusted),
                        "cells": .list(row.values.enumerated().map { column, cell in
                            ["text": .text(cell.text(formatter)), "label": .text(column < table.periods.count ? table.periods[column] : "")]
                        }),
                    ])
                }),
                "note": table.note.map { .text($0.text(formatter)) } ?? .text(""),
            ])
        })])
    }
}
