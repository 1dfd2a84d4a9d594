// The only file that imports Yams: it composes a YAML node tree and copies it into YAMLNode values.
internal import Yams
import PlaybookCore

/// Reads YAML text into a ``YAMLNode`` tree, turning every YAML syntax error into a
/// ``Diagnostic`` at the line and column libyaml reports.
public enum YAMLParser {
    /// Parses `text`, which starts on line `firstLine` of `file` (front matter starts on line 2).
    /// - Returns: the root node (`nil` for an empty document), or the diagnostic for malformed YAML.
    public static func parse(_ text: String, in file: SourceFile, firstLine: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        let offset = firstLine - 1
        do {
            // The basic resolver: every scalar is text (PlaybookYAML interprets values itself), which
            // spares the regular-expression tag resolution Yams runs on every key.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            // Yams shares an anchored value among its aliases; copying the tree expands them, so
            // the copy counts what the aliases add and stops at the limit.
            var converter = Converter(offset: offset)
            switch withExtendedLifetime(parser, { converter.convertRoot(root) }) {
            case .success(let node):
                return .success(node)
            case .failure(let error):
                let definition = error.definition
                return .failure(.error("yaml-alias-limit", AliasExpansionLimit.message(error.exceeded, anchor: definition.anchor),
                                       at: file.location(line: definition.line, scalarColumn: definition.column),
                                       hint: "write the values out, or use fewer aliases of aliases"))
            }
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, file: file, offset: offset))
        } catch {
            return .failure(.error("yaml-syntax", "this is not valid YAML: \(error)", at: file.start))
        }
    }

    // MARK: - Internals

    private static func diagnostic(for error: YamlError, text: String, file: SourceFile, offset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            file.location(line: mark.line + offset, scalarColumn: mark.column)
        }
        func syntax(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> Diagnostic {
            var notes: [Diagnostic.Note] = []
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                notes.append(.init(context.text, at: at(context.mark)))
            }
            let location = at(mark)
            let line = Substring(location.lineText)
            let character = line.unicodeScalars.dropFirst(max(mark.column - 1, 0)).first
            return .error("yaml-syntax", "this is not valid YAML: \(problem)", at: location,
                          hint: hint(for: problem, at: character), notes: notes)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return syntax(problem, mark, context)
        case .reader(let problem, let characterOffset, _, _):
            var line = 1, column = 1
            if let characterOffset {
                for character in text.prefix(characterOffset) {
                    if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
                }
            }
            return .error("yaml-syntax", "this is not valid YAML: \(problem)",
                          at: file.location(line: line + offset, scalarColumn: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            let second = secondOccurrence(of: key, after: context.mark, in: text)
                .map { file.location(line: $0.line + offset, scalarColumn: $0.column, scalarLength: key.unicodeScalars.count) }
            return .error("duplicate-key", "the key '\(key)' appears twice in this mapping", at: second ?? first,
                          hint: "keep one of them", notes: second == nil ? [] : [.init("first written here", at: first)])
        default:
            return .error("yaml-syntax", "this is not valid YAML: \(error)", at: file.start)
        }
    }

    /// Where `key:` is written again at the same column after the first occurrence.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            let scalars = Array(line.unicodeScalars)
            let column = mark.column
            guard scalars.count >= column - 1 + key.unicodeScalars.count else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            let indent = scalars[..<(column - 1)].allSatisfy { $0 == " " || $0 == "-" }
            if indent, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return (index + 1, column)
            }
        }
        return nil
    }

    private static func hint(for problem: String, at character: Unicode.Scalar?) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a value that contains ': ' must be quoted, for example title: \"ROI: the basics\""
        case "found character that cannot start any token" where character == "\t":
            return "YAML does not allow tabs for indentation; indent with spaces"
        case "found character that cannot start any token":
            return "a value that starts with this character must be quoted"
        case "did not find expected key":
            return "check the indentation of this line against the lines above it"
        default:
            return nil
        }
    }
}

/// Copies a Yams tree into ``YAMLNode`` values, counting the values aliases add.
///
/// Yams resolves an alias to the very node its anchor names (with the anchor and the mark of
/// the definition), so the first visit of an anchored node is its definition and every later
/// visit of a node with the same anchor and mark is an alias use.
private struct Converter {
    let offset: Int
    var limit = AliasExpansionLimit()
    var definitions: Set<Definition> = []

    struct Definition: Hashable {
        let anchor: String
        let line: Int
        let column: Int
    }

    /// The limit was exceeded while expanding the alias of the anchor defined at `definition`.
    struct LimitError: Error {
        let exceeded: AliasExpansionLimit.Exceeded
        let definition: Definition

        init(exceeded: AliasExpansionLimit.Exceeded, at definition: Definition) {
            self.exceeded = exceeded
            self.definition = definition
        }
    }

    init(offset: Int) {
        self.offset = offset
    }

    /// Converts the whole tree.
    mutating func convertRoot(_ root: Node) -> Result<YAMLNode, LimitError> {
        do {
            return .success(try convert(root, expanding: nil))
        } catch {
            return .failure(error)
        }
    }

    /// Converts `node`; `expanding` is the definition of the outermost alias being expanded.
    mutating func convert(_ node: Node, expanding: Definition?) throws(LimitError) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + offset
        let column = node.mark?.column ?? 1
        var expanding = expanding
        if let anchor = node.anchor?.rawValue {
            let definition = Definition(anchor: anchor, line: line, column: column)
            if !definitions.insert(definition).inserted {
                let outermost = expanding ?? definition
                expanding = outermost
                do { try limit.useAlias() } catch { throw LimitError(exceeded: error, at: outermost) }
            }
        }
        if let expanding {
            do { try limit.copyValue() } catch { throw LimitError(exceeded: error, at: expanding) }
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            return YAMLNode(.scalar(YAMLScalar(text: scalar.string, isQuoted: quoted)), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                pairs.append(YAMLPair(key: try convert(key, expanding: expanding),
                                      value: try convert(value, expanding: expanding)))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, expanding: expanding)) }
            return YAMLNode(.sequence(items), line: line, column: column)
        case .alias:
            // The parser resolves aliases to the nodes they name; an alias left here has no value.
            return YAMLNode(.scalar(YAMLScalar(text: "", isQuoted: false)), line: line, column: column)
        }
    }
}
