import PlaybookCore
import PlaybookScenario
import PlaybookYAML

/// A name written in a block's arguments (a metric, an input), with where it is written so that
/// a name the scenario does not have is reported there.
struct LocatedName: Equatable {
    var name: String
    var at: SourceLocation
}

/// One argument a block kind takes besides `scenario` and `caption`: its name, the type of its
/// value, whether it is required, and its value when it is left out.
struct BlockArgument {
    /// What an argument's value must be, and how a wrong one is reported.
    enum ValueType {
        /// A list of names; a single name counts as a list of one.
        case names
        /// One name, as written.
        case name
        /// `low`, `expected` or `high`: checked once the block's scenario is known, so that a
        /// block with no scenario reports that first (see ``BlockArgumentValues/scenarioCase``).
        case scenarioCase
        /// `true` or `false`.
        case flag
        /// A whole number in `range`; `message` when it is outside.
        case wholeNumber(ClosedRange<Int>, message: String)
        /// Text that must be one of `choices`; `message` says so about a wrong one.
        case option([String], message: (String) -> String)
        /// A word that must be one of `choices`; `message` says so about a wrong one, with the
        /// nearest choice as a hint, or `otherwise`.
        case choice([String], message: (String) -> String, otherwise: String)
    }

    /// The argument's key.
    let name: String
    /// What its value must be.
    let type: ValueType
    /// Whether a block without it is reported.
    var required = false
    /// Its value when it is left out (`nil`: none).
    var defaultValue: BlockArgumentValue?
}

/// The value of one argument, as its type reads it.
enum BlockArgumentValue: Equatable {
    /// `names` and `name`.
    case names([LocatedName])
    /// A `scenarioCase`, as written: checked against the cases once the scenario is known.
    case scenarioCase(String, at: SourceLocation)
    /// `flag`.
    case flag(Bool)
    /// `wholeNumber`.
    case number(Int)
    /// `option` and `choice`: one of the choices.
    case word(String)
}

/// The arguments of one block, read by ``BlockArgumentReader``; an argument that was left out
/// or was wrong has its default value, or none.
struct BlockArgumentValues {
    fileprivate var values: [String: BlockArgumentValue] = [:]

    /// The names of the `names` or `name` argument `key`.
    func names(_ key: String) -> [LocatedName]? {
        if case .names(let names)? = values[key] { return names }
        return nil
    }

    /// The value of the `flag` argument `key`.
    func flag(_ key: String) -> Bool? {
        if case .flag(let flag)? = values[key] { return flag }
        return nil
    }

    /// The value of the `wholeNumber` argument `key`.
    func number(_ key: String) -> Int? {
        if case .number(let number)? = values[key] { return number }
        return nil
    }

    /// The value of the `option` or `choice` argument `key`.
    func word(_ key: String) -> String? {
        if case .word(let word)? = values[key] { return word }
        return nil
    }

    /// The `scenarioCase` argument `key`: `.expected` when it is left out, a diagnostic when
    /// it is not a case.
    func scenarioCase(_ key: String) -> Result<ScenarioCase, Diagnostic> {
        guard case .scenarioCase(let text, let at)? = values[key] else { return .success(.expected) }
        guard let chosen = ScenarioCase(rawValue: text) else {
            return .failure(.error(.invalidValue, "'\(key)' must be low, expected or high, not '\(text)'", at: at))
        }
        return .success(chosen)
    }
}

/// Reads a block's arguments as its kind declares them: every value of the wrong type, every
/// missing required argument and every unknown key (with the nearest known one) is reported,
/// located in the fence, the same way for every block kind.
struct BlockArgumentReader {
    private var reader: YAMLMappingReader
    private let file: SourceFile

    /// Starts reading the arguments of `node`, the fence's YAML body (`nil` when it is empty),
    /// of a block described as `what` whose kind is written at `kindAt`.
    init(_ node: YAMLNode?, file: SourceFile, what: String, kindAt: SourceLocation) {
        reader = YAMLMappingReader(node, file: file, what: what, missingAt: kindAt)
        self.file = file
    }

    /// The pair of the `scenario` argument every block takes.
    mutating func scenario() -> LocatedName? {
        // `string` reports a value that is not a name (a list, a mapping, nothing) as it does for
        // any text argument.
        guard let pair = reader.pair("scenario"), let name = reader.string("scenario") else { return nil }
        return LocatedName(name: name, at: pair.value.location(in: file))
    }

    /// The `caption` argument every block takes.
    mutating func caption() -> String? {
        reader.string("caption")
    }

    /// The `label` argument every block takes (`tbl-…` or `fig-…`), with where its value is.
    mutating func label() -> LocatedName? {
        guard let items = reader.strings("label") else { return nil }
        guard items.count == 1, let (label, at) = items.first else {
            reader.invalid("label", "a block has one label", hint: "write for example 'label: tbl-costs'")
            return nil
        }
        return LocatedName(name: label, at: at)
    }

    /// Reads `arguments` in order; then reports every key that none of them named.
    mutating func read(_ arguments: [BlockArgument]) -> (BlockArgumentValues, [Diagnostic]) {
        var result = BlockArgumentValues()
        for argument in arguments {
            if let value = read(argument) ?? argument.defaultValue { result.values[argument.name] = value }
        }
        reader.finish()
        return (result, reader.diagnostics)
    }

    private mutating func read(_ argument: BlockArgument) -> BlockArgumentValue? {
        let key = argument.name
        switch argument.type {
        case .names:
            return reader.strings(key, required: argument.required).map { items in
                .names(items.map { LocatedName(name: $0.0, at: $0.1) })
            }
        case .name:
            return reader.pair(key, required: argument.required).map { pair in
                .names([LocatedName(name: pair.value.scalar?.text.trimmingSpaces() ?? "", at: pair.value.location(in: file))])
            }
        case .scenarioCase:
            return reader.pair(key, required: argument.required).map { pair in
                .scenarioCase(pair.value.scalar?.text.trimmingSpaces() ?? "", at: pair.value.location(in: file))
            }
        case .flag:
            return reader.bool(key).map(BlockArgumentValue.flag)
        case .wholeNumber(let range, let message):
            guard let value = reader.int(key, required: argument.required) else { return nil }
            guard range.contains(value) else {
                reader.invalid(key, message)
                return nil
            }
            return .number(value)
        case .option(let choices, let message):
            guard let text = reader.string(key, required: argument.required) else { return nil }
            guard choices.contains(text) else {
                reader.invalid(key, message(text))
                return nil
            }
            return .word(text)
        case .choice(let choices, let message, let otherwise):
            guard let pair = reader.pair(key, required: argument.required) else { return nil }
            let text = pair.value.scalar?.text.trimmingSpaces() ?? ""
            guard choices.contains(text) else {
                reader.invalid(key, message(text), hint: NearestName.hint(for: text, among: choices) ?? otherwise)
                return nil
            }
            return .word(text)
        }
    }
}
