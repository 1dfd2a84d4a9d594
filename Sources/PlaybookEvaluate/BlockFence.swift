import PlaybookCore
import PlaybookYAML

/// A ```` ```playbook <kind> ```` fence, read once: its kind, its scenario and caption, and its
/// arguments as the kind declares them. The names it holds are checked against the scenario
/// afterwards, by ``ComputedBlocks``.
struct BlockFence {
    /// What the block shows.
    let kind: BlockKind
    /// Where the kind is written, for diagnostics about the whole block.
    let kindAt: SourceLocation
    /// The `scenario` argument, if written.
    let scenario: LocatedName?
    /// The `caption` argument, if written.
    let caption: String?
    /// The `label` argument (`tbl-…`, `fig-…`), if written.
    let label: LocatedName?
    /// The kind's arguments; one that was left out or wrong has its default.
    let values: BlockArgumentValues
    /// Whether an argument was wrong (and reported): the block shows nothing, but the names in
    /// it are still checked, so that one build reports every mistake.
    let failed: Bool

    /// Every name written in the block's `names` and `name` arguments, in order.
    var names: [LocatedName] {
        kind.arguments.flatMap { values.names($0.name) ?? [] }
    }

    /// The fence `code`, in `file`, and its mistakes; no fence when it has no kind or no
    /// arguments to read. With mistakes in the arguments themselves, the fence is still
    /// returned (marked `failed`).
    static func read(_ code: CodeBlock, in file: SourceFile) -> (BlockFence?, [Diagnostic]) {
        let fence = file.location(line: code.position.line, firstOccurrenceOf: "playbook")
        let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let kinds = BlockKind.names
        guard words.count >= 2 else {
            return (nil, [.error(.unknownBlock, "a playbook block names what it shows", at: fence,
                                      hint: "write ```playbook <kind>, where the kind is one of: " + kinds.joined(separator: ", "))])
        }
        let word = words[1]
        let kindAt = file.location(line: code.position.line, firstOccurrenceOf: word)
        guard let kind = BlockKind(rawValue: word) else {
            return (nil, [.error(.unknownBlock, "there is no '\(word)' block", at: kindAt,
                                      hint: NearestName.hint(for: word, among: kinds) ?? "the blocks are: " + kinds.joined(separator: ", "))])
        }
        if words.count > 2 {
            return (nil, [.error(.unknownBlock, "write the arguments of a block inside it, one 'name: value' per line",
                                      at: file.location(line: code.position.line, firstOccurrenceOf: words[2]))])
        }
        var node: YAMLNode?
        if !code.code.allSatisfy(\.isWhitespace) {
            switch YAMLParser.parse(code.code, in: file, firstLine: code.position.line + 1) {
            case .success(let parsed): node = parsed
            case .failure(let diagnostic):
                return (nil, [diagnostic])
            }
        }
        var reader = BlockArgumentReader(node, file: file, what: "the \(word) block", kindAt: kindAt)
        let scenario = reader.scenario()
        let caption = reader.caption()
        let label = reader.label()
        let (values, found) = reader.read(kind.arguments)
        return (BlockFence(kind: kind, kindAt: kindAt, scenario: scenario, caption: caption, label: label, values: values,
                           failed: found.hasErrors), found)
    }
}
