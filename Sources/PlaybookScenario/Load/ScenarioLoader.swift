import PlaybookCore
import PlaybookFinance
import PlaybookYAML

/// What a scenario takes from the project when it does not say itself.
public struct ScenarioDefaults: Sendable {
    /// The project's currency.
    public var currency: String
    /// The project's locale.
    public var locale: String

    /// Creates defaults.
    public init(currency: String = "USD", locale: String = "en-US") {
        self.currency = currency
        self.locale = locale
    }
}

/// Reads a scenario file (YAML) into a ``ScenarioSpec``: every value parsed with its unit,
/// every formula parsed, and every mistake a diagnostic at its line and column. The schema is
/// in the README ("Scenario files").
public struct ScenarioLoader {
    /// Reads a data file (the attribution CSV) by project-relative path.
    public typealias ReadFile = (String) -> Result<SourceFile, Diagnostic>
    /// Reads a binary file (the report's logo) by project-relative path.
    public typealias ReadBytes = (String) -> Result<[UInt8], Diagnostic>
    /// A reader of binary files for callers that give none: every file is missing.
    @Sendable public static func noBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
        .failure(.error(.missingFile, "there is no such file", at: nil))
    }

    private let file: SourceFile
    private let defaults: ScenarioDefaults
    private let readFile: ReadFile
    private let readBytes: ReadBytes
    private var diagnostics: [Diagnostic] = []
    private var currency = "USD"
    /// Names declared whose value could not be read.
    private var broken: Set<String> = []

    /// Loads `file`. `readFile` reads the data files the scenario names (paths relative to the
    /// project root) and the branding file beside it (`<name>.report.yaml`; a `missing-file`
    /// failure means there is none); `readBytes` reads its logo. The spec is `nil` only when
    /// required parts are missing.
    public static func load(_ file: SourceFile, defaults: ScenarioDefaults = ScenarioDefaults(),
                            readBytes: @escaping ReadBytes = noBytes, readFile: @escaping ReadFile) -> (ScenarioSpec?, [Diagnostic]) {
        var loader = ScenarioLoader(file: file, defaults: defaults, readFile: readFile, readBytes: readBytes)
        let spec = loader.run()
        return (spec, loader.diagnostics)
    }

    private init(file: SourceFile, defaults: ScenarioDefaults, readFile: @escaping ReadFile, readBytes: @escaping ReadBytes) {
        self.file = file
        self.defaults = defaults
        self.readFile = readFile
        self.readBytes = readBytes
    }

    // MARK: - The file

    private mutating func run() -> ScenarioSpec? {
        let root: YAMLNode?
        switch YAMLParser.parse(file.text, in: file) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        var reader = YAMLMappingReader(root, file: file, what: "the scenario")
        let client = reader.string("client", required: true)
        let title = reader.string("title")
        let date = reader.timestamp("date")
        let programme = reader.string("programme")
        let recommendation = reader.string("recommendation")
        let reportPair = reader.pair("report")
        let currencyCode = reader.string("currency") ?? defaults.currency
        let locale = reader.string("locale") ?? defaults.locale
        let horizonPair = reader.pair("horizon", required: true)
        let ratePair = reader.pair("discount_rate", required: true)
        let inputsPair = reader.pair("inputs")
        let metricsPair = reader.pair("metrics")
        let costsPair = reader.pair("costs", required: true)
        let benefitsPair = reader.pair("benefits", required: true)
        let riskPair = reader.pair("risk")
        let objectivesPair = reader.pair("objectives")
        let attributionPair = reader.pair("attribution")
        reader.finish()
        diagnostics += reader.diagnostics
        if !Currency.isCode(currencyCode) {
            diagnostics.append(.error(.invalidValue, "'\(currencyCode)' is not an ISO 4217 currency code",
                                      at: file.location(line: 1, firstOccurrenceOf: currencyCode), hint: "use three capital letters such as USD or EUR"))
        }
        currency = currencyCode

        var years = 3
        if let horizonPair, let value = horizon(horizonPair) { years = value }
        var rate = 0.1
        if let ratePair, let value = discountRate(ratePair) { rate = value }
        var attribution: AttributionSpec?
        if let attributionPair { attribution = self.attribution(attributionPair) }
        var names: [String: SourceLocation] = [:]
        var inputs: [InputSpec] = []
        if let inputsPair { inputs = self.inputs(inputsPair, names: &names) }
        // The scenario's own values, usable in formulas like inputs.
        inputs.append(InputSpec(name: "discount_rate", value: .fixed(Quantity(rate, .percent)), source: nil,
                                location: ratePair?.key.location(in: file) ?? file.start, isBuiltIn: true, label: "Discount rate"))
        inputs.append(InputSpec(name: "horizon_years", value: .fixed(Quantity(Double(years), .number)), source: nil,
                                location: horizonPair?.key.location(in: file) ?? file.start, isBuiltIn: true, label: "Horizon"))
        if let attribution, let channel = attribution.channel {
            if let share = attribution.share {
                inputs.append(InputSpec(name: "attributed_share", value: .fixed(Quantity(share, .percent)),
                                        source: "Conversion paths, \(attribution.model.rawValue) attribution",
                                        location: attributionPair?.key.location(in: file) ?? file.start, isBuiltIn: true,
                                        label: "Share of conversion value credited to \(channel)"))
            } else if !attribution.paths.isEmpty {
                diagnostics.append(.error(.unknownName, "no conversion in \(attribution.path) has a touch on '\(channel)'",
                                          at: file.location(line: attributionPair?.value.line ?? 1, firstOccurrenceOf: channel),
                                          hint: NearestName.hint(for: channel, among: Set(attribution.paths.flatMap { $0.touches.map(\.channel) }))))
            }
        }
        var metrics: [MetricSpec] = []
        if let metricsPair { metrics = self.metrics(metricsPair, names: &names) }
        var lines: [LineSpec] = []
        if let costsPair { lines += self.lines(costsPair, kind: .cost, years: years) }
        if let benefitsPair { lines += self.lines(benefitsPair, kind: .benefit, years: years) }
        if let riskPair { applyRisk(riskPair, to: &lines) }
        var objectives: [ObjectiveSpec] = []
        if let objectivesPair { objectives = self.objectives(objectivesPair) }
        let branding = self.branding(reportPair)

        guard let client else { return nil }
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let slug = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : (name.hasSuffix(".yml") ? String(name.dropLast(4)) : name)
        var spec = ScenarioSpec(file: file, slug: slug, client: client, title: title, date: date, currency: currencyCode, locale: locale, years: years,
                                discountRate: rate, inputs: inputs, metrics: metrics, lines: lines, objectives: objectives,
                                attribution: attribution)
        spec.brokenNames = broken
        spec.programme = programme
        spec.recommendation = recommendation
        spec.branding = branding
        return spec
    }

    // MARK: - Branding

    /// The report's branding: the scenario's `report:` mapping and `<name>.report.yaml` beside
    /// the scenario, which may not both set one key.
    private mutating func branding(_ pair: YAMLPair?) -> ReportBranding? {
        var own: ReportBrandingReader.Read?
        if let pair {
            let (read, problems) = ReportBrandingReader.read(pair.value, file: file, what: "'report'", missingAt: pair.key.location(in: file),
                                                             readBytes: readBytes)
            diagnostics += problems
            own = read
        }
        var beside: ReportBrandingReader.Read?
        switch readFile(ReportBrandingReader.sidecarPath(of: file.path)) {
        case .success(let sidecar):
            switch YAMLParser.parse(sidecar.text, in: sidecar) {
            case .success(let node):
                let name = sidecar.path.split(separator: "/").last.map(String.init) ?? sidecar.path
                let (read, problems) = ReportBrandingReader.read(node, file: sidecar, what: name, missingAt: sidecar.start, readBytes: readBytes)
                diagnostics += problems
                beside = read
            case .failure(let problem): diagnostics.append(problem)
            }
        case .failure(let problem):
            // No file beside the scenario is the usual case; one that cannot be read is an error.
            if problem.id != .missingFile { diagnostics.append(problem) }
        }
        let (branding, problems) = ReportBrandingReader.merge(own, beside)
        diagnostics += problems
        return branding
    }

    // MARK: - Horizon and rate

    private mutating func horizon(_ pair: YAMLPair) -> Int? {
        guard let scalar = pair.value.scalar else {
            diagnostics.append(.error(.wrongType, "'horizon' must be a number of years, such as 3 years", at: pair.value.location(in: file)))
            return nil
        }
        let text = scalar.text.trimmingSpaces()
        var years: Double?
        if let plain = Double(text) {
            years = plain
        } else if case .success(let quantity) = QuantityLiteral.parse(text, currency: currency), quantity.unit.time == 1,
                  quantity.unit.isDimensionless == false, quantity.unit.money == 0, quantity.unit.count == 0 {
            years = quantity.value / TimeUnit.year.seconds
        }
        guard let years, years.rounded() == years, years >= 1, years <= 30 else {
            diagnostics.append(.error(.invalidValue, "the horizon must be a whole number of years from 1 to 30, not '\(text)'",
                                      at: pair.value.location(in: file), hint: "write for example 'horizon: 3 years'"))
            return nil
        }
        return Int(years)
    }

    private mutating func discountRate(_ pair: YAMLPair) -> Double? {
        guard let quantity = quantity(pair.value, what: "'discount_rate'") else { return nil }
        guard quantity.unit.isDimensionless, quantity.value >= 0, quantity.value < 1 else {
            diagnostics.append(.error(.invalidValue, "the discount rate must be a percentage from 0% to 99%",
                                      at: pair.value.location(in: file), hint: "write for example 'discount_rate: 10%'"))
            return nil
        }
        return quantity.value
    }

    // MARK: - Inputs

    private mutating func inputs(_ pair: YAMLPair, names: inout [String: SourceLocation]) -> [InputSpec] {
        guard let entries = mapping(pair, what: "'inputs'") else { return [] }
        var result: [InputSpec] = []
        for entry in entries {
            guard let name = identifier(entry, names: &names) else { continue }
            let location = entry.key.location(in: file)
            let count = result.count
            defer { if result.count == count { broken.insert(name) } }
            if let scalar = entry.value.scalar, !scalar.isNull {
                if let quantity = quantity(entry.value, what: "'\(name)'") {
                    result.append(InputSpec(name: name, value: .fixed(quantity), source: nil, location: location))
                }
                continue
            }
            var reader = YAMLMappingReader(entry.value, file: file, what: "the input '\(name)'", missingAt: location)
            let value = reader.pair("value"), low = reader.pair("low"), expected = reader.pair("expected"), high = reader.pair("high")
            let mean = reader.pair("mean"), sd = reader.pair("sd")
            let distribution = reader.string("distribution")
            let source = reader.string("source")
            let label = reader.string("label")
            reader.finish()
            diagnostics += reader.diagnostics
            func read(_ pair: YAMLPair?) -> Quantity? { pair.flatMap { quantity($0.value, what: "'\(name).\($0.name)'") } }
            let shape = distribution ?? (mean != nil ? "normal" : "triangular")
            let input: InputValue?
            switch shape {
            case "normal":
                guard let meanValue = read(mean ?? expected ?? value), let sdValue = read(sd) else {
                    diagnostics.append(.error(.missingKey, "a normal input needs 'mean' and 'sd'", at: location,
                                              hint: "write for example { mean: 1%, sd: 0.3%, distribution: normal }"))
                    continue
                }
                guard sameUnit(meanValue, sdValue, at: sd ?? entry) else { continue }
                guard sdValue.value >= 0 else {
                    diagnostics.append(.error(.invalidRange, "the standard deviation of '\(name)' cannot be below zero",
                                              at: (sd ?? entry).value.location(in: file), hint: "write how far values spread, such as sd: 0.3%"))
                    continue
                }
                let normal = InputValue.normal(mean: meanValue, sd: sdValue)
                guard normal.value(in: .low).isFinite, normal.value(in: .high).isFinite else {
                    diagnostics.append(.error(.tooLarge, "the low and high cases of '\(name)' (the mean ∓ 1.28 standard deviations) are too large a number",
                                              at: (sd ?? entry).value.location(in: file), hint: "numbers must stay below 1.8e308"))
                    continue
                }
                input = normal
            case "triangular", "uniform":
                if let single = read(value), low == nil, high == nil {
                    input = .fixed(single)
                    break
                }
                guard let lowValue = read(low), let highValue = read(high) else {
                    diagnostics.append(.error(.missingKey, "the input '\(name)' needs a 'value', or a 'low' and a 'high'", at: location,
                                              hint: "write for example { low: 5%, expected: 8%, high: 12% }"))
                    continue
                }
                let expectedValue = read(expected ?? value) ?? Quantity((lowValue.value + highValue.value) / 2, lowValue.unit)
                guard sameUnit(lowValue, expectedValue, at: expected ?? value ?? entry), sameUnit(lowValue, highValue, at: high ?? entry) else { continue }
                guard lowValue.value <= expectedValue.value, expectedValue.value <= highValue.value else {
                    diagnostics.append(.error(.invalidRange, "the range of '\(name)' is out of order: low ≤ expected ≤ high is needed",
                                              at: location, hint: "low is the pessimistic value and high the optimistic one"))
                    continue
                }
                input = .range(low: lowValue, expected: expectedValue, high: highValue,
                               distribution: shape == "uniform" ? .uniform : .triangular)
            default:
                diagnostics.append(.error(.invalidValue, "'\(shape)' is not a distribution", at: entry.value.location(in: file),
                                          hint: NearestName.hint(for: shape, among: ["triangular", "uniform", "normal"])
                                            ?? "use triangular, uniform or normal"))
                continue
            }
            if let input { result.append(InputSpec(name: name, value: input, source: source, location: location, label: label)) }
        }
        return result
    }

    private mutating func sameUnit(_ a: Quantity, _ b: Quantity, at pair: YAMLPair) -> Bool {
        guard a.unit.sameDimension(as: b.unit) else {
            diagnostics.append(.error(.unitMismatch, "this is \(b.unit) but the other values of the input are \(a.unit)",
                                      at: pair.value.location(in: file)))
            return false
        }
        return true
    }

    // MARK: - Metrics

    private mutating func metrics(_ pair: YAMLPair, names: inout [String: SourceLocation]) -> [MetricSpec] {
        guard let entries = mapping(pair, what: "'metrics'") else { return [] }
        var result: [MetricSpec] = []
        for entry in entries {
            guard let name = identifier(entry, names: &names) else { continue }
            let location = entry.key.location(in: file)
            let count = result.count
            defer { if result.count == count { broken.insert(name) } }
            if entry.value.scalar != nil {
                if let formula = formula(entry.value, what: "'\(name)'") {
                    result.append(MetricSpec(name: name, formula: formula, display: nil, label: nil, decimals: nil, location: location))
                }
                continue
            }
            var reader = YAMLMappingReader(entry.value, file: file, what: "the metric '\(name)'", missingAt: location)
            let formulaPair = reader.pair("formula", required: true)
            let unitPair = reader.pair("unit")
            let label = reader.string("label")
            let decimals = reader.int("decimals")
            reader.finish()
            diagnostics += reader.diagnostics
            var display: Unit?
            if let unitPair { display = displayUnit(unitPair) }
            if let decimals, !(0...6).contains(decimals) {
                diagnostics.append(.error(.invalidValue, "'decimals' must be from 0 to 6", at: location))
            }
            if let formulaPair, let formula = formula(formulaPair.value, what: "'\(name)'") {
                result.append(MetricSpec(name: name, formula: formula, display: display, label: label, decimals: decimals, location: location))
            }
        }
        return result
    }

    /// How a metric asks to be shown: `percent`, `number`, `money`, or a unit as a value would
    /// write it (`min`, `calls`, `$/call`, `$/min`).
    private mutating func displayUnit(_ pair: YAMLPair) -> Unit? {
        guard let text = pair.value.scalar?.text.trimmingSpaces(), !text.isEmpty else {
            diagnostics.append(.error(.wrongType, "'unit' must be text such as percent, number, money, min or $/call",
                                      at: pair.value.location(in: file)))
            return nil
        }
        switch text {
        case "percent", "%": return .percent
        case "number": return .number
        case "money", currency: return .money
        default:
            let sample: String
            if let first = text.first, Currency.symbols[first] != nil {
                sample = String(first) + "1" + text.dropFirst()
            } else {
                sample = "1 " + text
            }
            guard case .success(let quantity) = QuantityLiteral.parse(sample, currency: currency) else {
                diagnostics.append(.error(.invalidValue, "'\(text)' is not a unit", at: pair.value.location(in: file),
                                          hint: "write percent, number, money, a time unit (min, h), what is counted (calls), or $/call"))
                return nil
            }
            return quantity.unit
        }
    }

    // MARK: - Costs and benefits

    private mutating func lines(_ pair: YAMLPair, kind: CashFlowLine.Kind, years: Int) -> [LineSpec] {
        var reader = YAMLMappingReader(pair.value, file: file, what: "'\(pair.name)'", missingAt: pair.key.location(in: file))
        let initial = reader.pair("initial")
        let yearly = reader.pair("yearly")
        reader.finish()
        diagnostics += reader.diagnostics
        var lines: [LineSpec] = []
        var byName: [String: Int] = [:]
        for (section, isInitial) in [(initial, true), (yearly, false)] {
            guard let section, let entries = mapping(section, what: "'\(pair.name).\(section.name)'") else { continue }
            for entry in entries {
                let name = entry.name
                guard Self.isIdentifier(name) else {
                    diagnostics.append(.error(.invalidName, "'\(name)' cannot be a line name", at: entry.key.location(in: file),
                                              hint: "use letters, digits and underscores, such as \(Self.suggestedIdentifier(name))"))
                    continue
                }
                var line = LineSpec(name: name, kind: kind, initial: nil, yearly: [], ramp: nil, risk: 0, label: nil,
                                    location: entry.key.location(in: file))
                if let index = byName[name] {
                    line = lines[index]
                    if isInitial || !line.yearly.isEmpty {
                        diagnostics.append(.error(.duplicateName, "the line '\(name)' is written twice", at: entry.key.location(in: file),
                                                  notes: [.init("first written here", at: line.location)]))
                        continue
                    }
                }
                var valueNode = entry.value
                if entry.value.pairs != nil {
                    var lineReader = YAMLMappingReader(entry.value, file: file, what: "the line '\(name)'", missingAt: entry.key.location(in: file))
                    let value = lineReader.pair("value", required: true)
                    let risk = lineReader.pair("risk")
                    let ramp = lineReader.pair("ramp")
                    line.label = lineReader.string("label")
                    lineReader.finish()
                    diagnostics += lineReader.diagnostics
                    guard let value else { continue }
                    valueNode = value.value
                    if let risk, let fraction = percentage(risk.value, what: "the risk of '\(name)'") { line.risk = fraction }
                    if let ramp {
                        if isInitial {
                            diagnostics.append(.error(.invalidValue, "an initial amount cannot ramp up", at: ramp.key.location(in: file)))
                        } else if let items = ramp.value.items, items.count == years {
                            line.ramp = items.compactMap { percentage($0, what: "a ramp step") }
                            if line.ramp?.count != years { line.ramp = nil }
                        } else {
                            diagnostics.append(.error(.invalidValue, "the ramp of '\(name)' needs one percentage per year (\(years))",
                                                      at: ramp.value.location(in: file), hint: "for example ramp: [40%, 80%, 100%]"))
                        }
                    }
                }
                if isInitial {
                    line.initial = formula(valueNode, what: "'\(name)'")
                } else if let items = valueNode.items {
                    guard items.count == years else {
                        diagnostics.append(.error(.invalidValue, "'\(name)' has \(items.count) yearly amounts but the horizon is \(years) years",
                                                  at: valueNode.location(in: file), hint: "give one amount per year, or one amount for every year"))
                        continue
                    }
                    line.yearly = items.compactMap { formula($0, what: "'\(name)'") }
                    if line.yearly.count != years { continue }
                } else if let single = formula(valueNode, what: "'\(name)'") {
                    line.yearly = [single]
                }
                if let index = byName[name] { lines[index] = line } else {
                    byName[name] = lines.count
                    lines.append(line)
                }
            }
        }
        return lines
    }

    private mutating func applyRisk(_ pair: YAMLPair, to lines: inout [LineSpec]) {
        guard let entries = mapping(pair, what: "'risk'") else { return }
        for entry in entries {
            guard let index = lines.firstIndex(where: { $0.name == entry.name }) else {
                diagnostics.append(.error(.unknownName, "there is no cost or benefit line '\(entry.name)'", at: entry.key.location(in: file),
                                          hint: NearestName.hint(for: entry.name, among: lines.map(\.name))))
                continue
            }
            guard let fraction = percentage(entry.value, what: "the risk of '\(entry.name)'") else { continue }
            if lines[index].risk != 0 {
                diagnostics.append(.error(.duplicateName, "the risk of '\(entry.name)' is given twice", at: entry.key.location(in: file),
                                          hint: "keep it either with the line or under 'risk'"))
                continue
            }
            lines[index].risk = fraction
        }
    }

    // MARK: - Objectives and attribution

    private mutating func objectives(_ pair: YAMLPair) -> [ObjectiveSpec] {
        guard let items = pair.value.items else {
            diagnostics.append(.error(.wrongType, "'objectives' must be a list", at: pair.value.location(in: file),
                                      hint: "write each objective as '- kpi: …'"))
            return []
        }
        var result: [ObjectiveSpec] = []
        for item in items {
            let location = item.location(in: file)
            var reader = YAMLMappingReader(item, file: file, what: "an objective", missingAt: location)
            let kpi = reader.string("kpi", required: true)
            let label = reader.string("label")
            let target = reader.pair("target", required: true)
            let actual = reader.pair("actual")
            let baseline = reader.pair("baseline")
            let direction = reader.string("direction")
            let weight = reader.pair("weight")
            reader.finish()
            diagnostics += reader.diagnostics
            guard let kpi, let target, let targetFormula = formula(target.value, what: "the target") else { continue }
            var parsedDirection = ReturnOnObjectives.Direction.higher
            if let direction {
                guard let value = ReturnOnObjectives.Direction(rawValue: direction) else {
                    diagnostics.append(.error(.invalidValue, "'direction' must be 'higher' or 'lower', not '\(direction)'",
                                              at: file.location(line: item.line, firstOccurrenceOf: direction)))
                    continue
                }
                parsedDirection = value
            }
            var weightValue = 1.0
            if let weight, let quantity = quantity(weight.value, what: "'weight'") {
                guard quantity.unit.isDimensionless, quantity.value > 0 else {
                    diagnostics.append(.error(.invalidValue, "'weight' must be a positive number", at: weight.value.location(in: file)))
                    continue
                }
                weightValue = quantity.unit.isPercent ? quantity.value * 100 : quantity.value
            }
            result.append(ObjectiveSpec(kpi: kpi, label: label, target: targetFormula,
                                        actual: actual.flatMap { formula($0.value, what: "the actual value") },
                                        baseline: baseline.flatMap { formula($0.value, what: "the baseline") },
                                        direction: parsedDirection, weight: weightValue, location: location))
        }
        return result
    }

    private mutating func attribution(_ pair: YAMLPair) -> AttributionSpec? {
        var reader = YAMLMappingReader(pair.value, file: file, what: "'attribution'", missingAt: pair.key.location(in: file))
        let data = reader.string("data", required: true)
        let halfLife = reader.pair("half_life")
        let channel = reader.string("channel")
        let modelName = reader.string("model")
        reader.finish()
        diagnostics += reader.diagnostics
        var halfLifeDays = 7.0
        if let halfLife, let quantity = quantity(halfLife.value, what: "'half_life'") {
            guard quantity.unit.time == 1, quantity.unit.money == 0, quantity.unit.count == 0, quantity.value > 0 else {
                diagnostics.append(.error(.invalidValue, "'half_life' must be a duration such as 7 days", at: halfLife.value.location(in: file)))
                return nil
            }
            halfLifeDays = quantity.value / TimeUnit.day.seconds
        }
        guard let data else { return nil }
        let path = Self.dataPath(data, besideScenario: file.path)
        let csv: SourceFile
        switch readFile(path) {
        case .success(let read): csv = read
        case .failure(let diagnostic):
            diagnostics.append(.error(diagnostic.id, "the attribution data '\(data)' cannot be read: \(diagnostic.message)",
                                      at: file.location(line: pair.value.line, firstOccurrenceOf: data),
                                      hint: diagnostic.hint ?? "the path is relative to the scenario file"))
            return nil
        }
        var model = Attribution.Model.positionBased
        if let modelName {
            guard let chosen = Attribution.Model(rawValue: modelName) else {
                diagnostics.append(.error(.invalidValue, "'\(modelName)' is not an attribution model",
                                          at: file.location(line: pair.value.line, firstOccurrenceOf: modelName),
                                          hint: NearestName.hint(for: modelName, among: Attribution.Model.allCases.map(\.rawValue))
                                            ?? "the models are " + Attribution.Model.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            model = chosen
        }
        let (paths, csvDiagnostics) = TouchpointReader.read(csv, currency: currency)
        diagnostics += csvDiagnostics
        return AttributionSpec(path: path, paths: paths, halfLifeDays: halfLifeDays, channel: channel, model: model)
    }

    /// The path of a data file the scenario at `scenarioPath` names: relative to the scenario's
    /// folder (an absolute `data` is taken as it is), with `.` and `..` worked out by name, so
    /// that a diagnostic shows where the path leads (`../outside/secret.csv`). Whether the file
    /// may be read is the reader's decision, not this one's.
    static func dataPath(_ data: String, besideScenario scenarioPath: String) -> String {
        let absolute = data.hasPrefix("/") || (scenarioPath.hasPrefix("/"))
        let joined = data.hasPrefix("/") ? data : scenarioPath.split(separator: "/").dropLast().joined(separator: "/") + "/" + data
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." { components.removeLast() } else if !absolute { components.append("..") }
            default: components.append(component)
            }
        }
        return (absolute ? "/" : "") + components.joined(separator: "/")
    }

    // MARK: - Values

    /// The entries of a mapping section.
    private mutating func mapping(_ pair: YAMLPair, what: String) -> [YAMLPair]? {
        if pair.value.isNull { return [] }
        guard let pairs = pair.value.pairs else {
            diagnostics.append(.error(.wrongType, "\(what) must be a mapping of names to values", at: pair.value.location(in: file),
                                      hint: "write one 'name: value' per line, indented under \(what)"))
            return nil
        }
        return pairs
    }

    /// A name usable in formulas, not used before.
    private mutating func identifier(_ entry: YAMLPair, names: inout [String: SourceLocation]) -> String? {
        let name = entry.name
        let location = entry.key.location(in: file)
        guard Self.isIdentifier(name) else {
            diagnostics.append(.error(.invalidName, "'\(name)' cannot be used in formulas", at: location,
                                      hint: "names are letters, digits and underscores, starting with a letter: \(Self.suggestedIdentifier(name))"))
            return nil
        }
        if Self.builtInNames.contains(name) {
            diagnostics.append(.error(.invalidName, "'\(name)' is the scenario's own value", at: location,
                                      hint: "formulas can use \(name) without defining it; choose another name"))
            return nil
        }
        if Self.functionNames.contains(name) {
            diagnostics.append(.error(.invalidName, "'\(name)' is the name of a function", at: location, hint: "choose another name"))
            return nil
        }
        if let first = names[name] {
            diagnostics.append(.error(.duplicateName, "the name '\(name)' is used twice", at: location,
                                      hint: "inputs and metrics share one set of names", notes: [.init("first used here", at: first)]))
            return nil
        }
        names[name] = location
        return name
    }

    /// A quantity written as a YAML scalar.
    private mutating func quantity(_ node: YAMLNode, what: String) -> Quantity? {
        guard let scalar = node.scalar, !scalar.isNull else {
            diagnostics.append(.error(.wrongType, "\(what) must be a value such as 120_000, 8%, $6.50 or 12 min, not \(node.kindDescription)",
                                      at: node.location(in: file)))
            return nil
        }
        switch QuantityLiteral.parse(scalar.text, currency: currency) {
        case .success(let quantity): return quantity
        case .failure(let error):
            let origin = FormulaOrigin(file: file, line: node.line, column: node.column + (scalar.isQuoted ? 1 : 0))
            diagnostics.append(.error(.invalidValue, error.message, at: origin.location(FormulaSpan(offset: error.offset, length: error.length)),
                                      hint: error.hint))
            return nil
        }
    }

    /// A percentage (0…1) written as a YAML scalar.
    private mutating func percentage(_ node: YAMLNode, what: String) -> Double? {
        guard let quantity = quantity(node, what: what) else { return nil }
        guard quantity.unit.isDimensionless, quantity.value >= 0, quantity.value <= 1 else {
            diagnostics.append(.error(.invalidValue, "\(what) must be a percentage from 0% to 100%", at: node.location(in: file)))
            return nil
        }
        return quantity.value
    }

    /// A formula written as a YAML scalar.
    private mutating func formula(_ node: YAMLNode, what: String) -> Formula? {
        guard let scalar = node.scalar, !scalar.isNull else {
            diagnostics.append(.error(.wrongType, "\(what) must be a formula, not \(node.kindDescription)", at: node.location(in: file)))
            return nil
        }
        let origin = FormulaOrigin(file: file, line: node.line, column: node.column + (scalar.isQuoted ? 1 : 0))
        switch FormulaParser.parse(scalar.text, currency: currency) {
        case .success(let expression): return Formula(text: scalar.text, expression: expression, origin: origin)
        case .failure(let error):
            diagnostics.append(.error(.formulaSyntax, error.message, at: origin.location(error.span), hint: error.hint))
            return nil
        }
    }

    // MARK: - Names

    static let functionNames: Set<String> = Set(FormulaFunction.allCases.map(\.rawValue))
    /// Names every scenario defines by itself.
    static let builtInNames: Set<String> = ["discount_rate", "horizon_years", "attributed_share"]

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func suggestedIdentifier(_ name: String) -> String {
        let cleaned = name.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" }
        var text = String(cleaned)
        while text.contains("__") { text = text.replacingOccurrences(of: "__", with: "_") }
        if text.first?.isNumber == true { text = "n_" + text }
        return text.trimmingCharacters(in: CharacterSetUnderscore.set)
    }
}

import Foundation

private enum CharacterSetUnderscore {
    static let set = CharacterSet(charactersIn: "_")
}
