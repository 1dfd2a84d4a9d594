import Foundation
import PlaybookFinance

// `metrics.json`: the figures written as JSON, and read back. One field list per type, in the
// order the file has always had; the reader takes what it finds, so a file written before a
// field existed (the payback statuses) reads with that field `nil`.

extension ScenarioFigures {
    /// The figures as pretty-printed JSON (`metrics.json`, `playbook calc --format json`).
    public var json: String {
        var fields: [(String, JSONValue)] = [("scenario", .string(scenario)), ("client", .string(client))]
        if let title { fields.append(("title", .string(title))) }
        fields += [
            ("case", scenarioCase.map { .string($0.rawValue) } ?? .null),
            ("currency", .string(currency)),
            ("locale", .string(locale)),
            ("horizon_years", horizonYears.map(JSONValue.integer) ?? .null),
            ("discount_rate", discountRate.map(JSONValue.number) ?? .null),
            ("inputs", .array(inputs.map { input in
                var item: [(String, JSONValue)] = [("name", .string(input.name)), ("value", .finite(input.value)),
                                                   ("unit", .optional(input.unit)), ("formatted", .optional(input.formatted))]
                if input.low != nil || input.expected != nil || input.high != nil {
                    item += [("low", .finite(input.low)), ("expected", .finite(input.expected)), ("high", .finite(input.high))]
                }
                if let source = input.source { item.append(("source", .string(source))) }
                return .object(item)
            })),
            ("metrics", .array(metrics.map { metric in
                .object([("name", .string(metric.name)), ("value", .finite(metric.value)), ("unit", .optional(metric.unit)),
                         ("formatted", .optional(metric.formatted)), ("formula", .optional(metric.formula))])
            })),
            ("summary", summary.map(\.jsonValue) ?? .null),
            ("summary_full_precision", summaryFullPrecision.map(\.jsonValue) ?? .null),
            ("cases", .object(ScenarioCase.allCases.compactMap { item in
                cases[item].map { result in
                    (item.rawValue, .object([
                        ("pv_benefits", .finite(result.pvBenefits)), ("pv_costs", .finite(result.pvCosts)),
                        ("npv", .finite(result.npv)), ("roi", .finite(result.roi)), ("payback_months", .finite(result.paybackMonths)),
                    ]))
                }
            })),
            ("sensitivity", .array(sensitivity.map { row in
                .object([("input", .string(row.input)), ("npv_at_low", .finite(row.npvAtLow)), ("npv_at_high", .finite(row.npvAtHigh)),
                         ("swing", .finite(row.swing)), ("roi_at_low", .finite(row.roiAtLow)), ("roi_at_high", .finite(row.roiAtHigh))])
            })),
            ("objectives", .array(objectives.map { objective in
                .object([("kpi", .string(objective.kpi)), ("label", .optional(objective.label)), ("unit", .optional(objective.unit)),
                         ("baseline", .finite(objective.baseline)), ("target", .finite(objective.target)),
                         ("actual", .finite(objective.actual)), ("progress", .finite(objective.progress)),
                         ("weight", objective.weight.map(JSONValue.number) ?? .null)])
            })),
            ("return_on_objectives", .finite(returnOnObjectives)),
        ]
        if let attribution {
            fields.append(("attribution", .array(attribution.map { channel in
                .object([("channel", .string(channel.channel))] + Attribution.Model.allCases.map { ($0.rawValue, .finite(channel.credit[$0])) })
            })))
        }
        if let simulation {
            func percentiles(_ value: Percentiles?) -> JSONValue {
                value.map { .object([("p10", .finite($0.p10)), ("p50", .finite($0.p50)), ("p90", .finite($0.p90))]) } ?? .null
            }
            fields.append(("simulation", .object([
                ("iterations", simulation.iterations.map(JSONValue.integer) ?? .null), ("seed", .optional(simulation.seed)),
                ("failed", simulation.failed.map(JSONValue.integer) ?? .null),
                ("npv", percentiles(simulation.npv)), ("roi", percentiles(simulation.roi)),
                ("probability_roi_positive", .finite(simulation.probabilityROIPositive)),
                ("mean_npv", .finite(simulation.meanNPV)),
            ])))
        }
        return JSONValue.object(fields).text
    }

    /// The figures of a `metrics.json`, or `nil` when `bytes` are not a JSON object. Fields
    /// the file lacks, or holds as another kind of value, are `nil` (or empty); list items
    /// without a name are left out.
    public init?(json bytes: [UInt8]) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        let file = JSONAny(object)
        scenario = file["scenario"]?.string ?? ""
        client = file["client"]?.string ?? ""
        title = file["title"]?.string
        scenarioCase = file["case"]?.string.flatMap(ScenarioCase.init(rawValue:))
        currency = file["currency"]?.string ?? ""
        locale = file["locale"]?.string ?? ""
        horizonYears = file["horizon_years"]?.integer
        discountRate = file["discount_rate"]?.number
        inputs = file["inputs"]?.items.compactMap { item in
            item["name"]?.string.map { name in
                Input(name: name, value: item["value"]?.number, unit: item["unit"]?.string, formatted: item["formatted"]?.string,
                      low: item["low"]?.number, expected: item["expected"]?.number, high: item["high"]?.number,
                      source: item["source"]?.string)
            }
        } ?? []
        metrics = file["metrics"]?.items.compactMap { item in
            item["name"]?.string.map { name in
                Metric(name: name, value: item["value"]?.number, unit: item["unit"]?.string, formatted: item["formatted"]?.string,
                       formula: item["formula"]?.string)
            }
        } ?? []
        summary = file["summary"].flatMap(Summary.init(reading:))
        summaryFullPrecision = file["summary_full_precision"].flatMap(Summary.init(reading:))
        cases = [:]
        for item in ScenarioCase.allCases {
            guard let result = file["cases"]?[item.rawValue], case .object = result else { continue }
            cases[item] = CaseResult(pvBenefits: result["pv_benefits"]?.number, pvCosts: result["pv_costs"]?.number,
                                     npv: result["npv"]?.number, roi: result["roi"]?.number, paybackMonths: result["payback_months"]?.number)
        }
        sensitivity = file["sensitivity"]?.items.compactMap { row in
            row["input"]?.string.map { input in
                Sensitivity(input: input, npvAtLow: row["npv_at_low"]?.number, npvAtHigh: row["npv_at_high"]?.number,
                            swing: row["swing"]?.number, roiAtLow: row["roi_at_low"]?.number, roiAtHigh: row["roi_at_high"]?.number)
            }
        } ?? []
        objectives = file["objectives"]?.items.compactMap { item in
            item["kpi"]?.string.map { kpi in
                Objective(kpi: kpi, label: item["label"]?.string, unit: item["unit"]?.string, baseline: item["baseline"]?.number,
                          target: item["target"]?.number, actual: item["actual"]?.number, progress: item["progress"]?.number,
                          weight: item["weight"]?.number)
            }
        } ?? []
        returnOnObjectives = file["return_on_objectives"]?.number
        attribution = file["attribution"]?.items.compactMap { item in
            item["channel"]?.string.map { channel in
                Channel(channel: channel, credit: Dictionary(uniqueKeysWithValues: Attribution.Model.allCases.compactMap { model in
                    item[model.rawValue]?.number.map { (model, $0) }
                }))
            }
        }
        simulation = file["simulation"].flatMap { run in
            guard case .object = run else { return nil }
            func percentiles(_ value: JSONAny?) -> Percentiles? {
                guard let value, case .object = value else { return nil }
                return Percentiles(p10: value["p10"]?.number, p50: value["p50"]?.number, p90: value["p90"]?.number)
            }
            return Simulation(iterations: run["iterations"]?.integer, seed: run["seed"]?.string, failed: run["failed"]?.integer,
                              npv: percentiles(run["npv"]), roi: percentiles(run["roi"]),
                              probabilityROIPositive: run["probability_roi_positive"]?.number, meanNPV: run["mean_npv"]?.number)
        }
    }
}

extension ScenarioFigures.Summary {
    var jsonValue: JSONValue {
        func row(_ row: ScenarioFigures.Row) -> JSONValue {
            .object([("name", .string(row.name)), ("kind", .optional(row.kind)), ("periods", .array(row.periods.map(JSONValue.finite))),
                     ("total", .finite(row.total)), ("present_value", .finite(row.presentValue))])
        }
        return .object([
            ("rounding", .optional(rounding)),
            ("lines", .array(lines.map(row))),
            ("costs", costs.map(row) ?? .null), ("benefits", benefits.map(row) ?? .null), ("net", net.map(row) ?? .null),
            ("npv", .finite(npv)), ("roi", .finite(roi)),
            ("payback", .optional(payback.map(Self.kind))), ("payback_months", .finite(payback?.months)),
            ("discounted_payback", .optional(discountedPayback.map(Self.kind))),
            ("discounted_payback_months", .finite(discountedPayback?.months)), ("irr", .finite(irr)),
        ])
    }

    /// What a payback period is, for programs: `months` (the figure is in `payback_months`),
    /// `immediate` (the cumulative cash flow is never below zero) or `not-within-horizon`.
    static func kind(_ period: PaybackPeriod) -> String {
        switch period {
        case .months: return "months"
        case .immediate: return "immediate"
        case .notWithinHorizon: return "not-within-horizon"
        }
    }

    /// A payback period from its status and months; a file written before statuses existed
    /// has months or nothing.
    static func payback(kind: String?, months: Double?) -> PaybackPeriod? {
        switch kind {
        case "immediate": return .immediate
        case "not-within-horizon": return .notWithinHorizon
        default: return months.map(PaybackPeriod.months)
        }
    }

    init?(reading value: JSONAny) {
        guard case .object = value else { return nil }
        func row(_ value: JSONAny?) -> ScenarioFigures.Row? {
            guard let value, let name = value["name"]?.string else { return nil }
            return ScenarioFigures.Row(name: name, kind: value["kind"]?.string, periods: value["periods"]?.items.map(\.number) ?? [],
                                       total: value["total"]?.number, presentValue: value["present_value"]?.number)
        }
        self.init(rounding: value["rounding"]?.string, lines: value["lines"]?.items.compactMap(row) ?? [],
                  costs: row(value["costs"]), benefits: row(value["benefits"]), net: row(value["net"]),
                  npv: value["npv"]?.number, roi: value["roi"]?.number,
                  payback: Self.payback(kind: value["payback"]?.string, months: value["payback_months"]?.number),
                  discountedPayback: Self.payback(kind: value["discounted_payback"]?.string, months: value["discounted_payback_months"]?.number),
                  irr: value["irr"]?.number)
    }
}

/// A JSON value as `JSONSerialization` reads it: what the reader of `metrics.json` walks.
enum JSONAny {
    case number(Double)
    case string(String)
    case array([JSONAny])
    case object([String: JSONAny])
    /// `null`, or a value of no other kind (`true` and `false` read as the numbers 1 and 0).
    case null

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(JSONAny.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONAny.init))
        default: self = .null
        }
    }

    var number: Double? { if case .number(let value) = self { return value } else { return nil } }
    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    /// The items of an array; nothing for another value.
    var items: [JSONAny] { if case .array(let value) = self { return value } else { return [] } }
    /// A whole number that fits an `Int`.
    var integer: Int? { number.flatMap { Int(exactly: $0) } }
    subscript(key: String) -> JSONAny? { if case .object(let value) = self { return value[key] } else { return nil } }
}
