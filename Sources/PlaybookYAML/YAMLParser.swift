// The only file that imports Yams: it composes a YAML node tree and copies it into YAMLNode values.
// It also reads libyaml's parse events (CYaml, the C library inside Yams) to count what
// aliases expand to before Yams builds anything.
internal import CYaml
internal import Yams
import PlaybookCore

/// Reads YAML text into a ``YAMLNode`` tree, turning every YAML syntax error into a
/// ``Diagnostic`` at the line and column libyaml reports.
public enum YAMLParser {
    /// Parses `text`, which starts on line `firstLine` of `file` (front matter starts on line 2).
    /// - Returns: the root node (`nil` for an empty document), or the diagnostic for malformed YAML.
    public static func parse(_ text: String, in file: SourceFile, firstLine: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        let offset = firstLine - 1
        // Yams shares an anchored value among its aliases, but copying its tree into YAMLNode
        // values expands them, and so does its check for duplicate keys (it hashes each key
        // whole): what the aliases stand for is counted on the parse events first.
        if let over = aliasOverLimit(text) {
            return .failure(.error(.yamlAliasLimit, AliasExpansionLimit.message(over.exceeded, alias: over.name),
                                   at: file.location(line: over.line + offset, scalarColumn: over.column,
                                                     scalarLength: over.name.unicodeScalars.count + 1),
                                   hint: "write the values out, or use fewer aliases of aliases"))
        }
        do {
            // The basic resolver: every scalar is text (PlaybookYAML interprets values itself), which
            // spares the regular-expression tag resolution Yams runs on every key.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            return .success(convert(root, offset: offset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, file: file, offset: offset))
        } catch {
            return .failure(.error(.yamlSyntax, "this is not valid YAML: \(error)", at: file.start))
        }
    }

    // MARK: - Internals

    /// An alias use that went over a limit, and where it is written.
    private struct AliasOverLimit {
        let exceeded: AliasExpansionLimit.Exceeded
        let name: String
        let line: Int
        let column: Int
    }

    /// The first alias use that takes `text` over the ``AliasExpansionLimit``, with where it is
    /// (line and column from 1, in characters); `nil` when there is none or when the text is
    /// not valid YAML (Yams then reports the mistake).
    private static func aliasOverLimit(_ text: String) -> AliasOverLimit? {
        // An alias copies what an anchor names: without both an `&` and a `*` (scenario formulas
        // multiply with `*` but have no anchors) there is nothing to count, and libyaml need not
        // read the text a second time.
        guard text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var text = text
        return text.withUTF8 { aliasOverLimit(in: $0) }
    }

    private static func aliasOverLimit(in bytes: UnsafeBufferPointer<UInt8>) -> AliasOverLimit? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
        var limit = AliasExpansionLimit()
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_SCALAR_EVENT:
                limit.scalar(anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                limit.start(anchor: name(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                limit.start(anchor: name(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                limit.end()
            case YAML_ALIAS_EVENT:
                let alias = name(event.data.alias.anchor) ?? ""
                do {
                    try limit.alias(alias)
                } catch {
                    return AliasOverLimit(exceeded: error, name: alias, line: Int(event.start_mark.line) + 1,
                                          column: Int(event.start_mark.column) + 1)
                }
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
        }
    }

    private static func convert(_ node: Node, offset: Int) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + offset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            return YAMLNode(.scalar(YAMLScalar(text: scalar.string, isQuoted: quoted)), line: line, column: column)
        case .mapping(let mapping):
            let pairs = mapping.map { YAMLPair(key: convert($0.key, offset: offset), value: convert($0.value, offset: offset)) }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, offset: offset) }), line: line, column: column)
        case .alias:
            // The parser resolves aliases to the nodes they name; an alias left here has no value.
            return YAMLNode(.scalar(YAMLScalar(text: "", isQuoted: false)), line: line, column: column)
        }
    }

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
            return .error(.yamlSyntax, "this is not valid YAML: \(problem)", at: location,
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
            return .error(.yamlSyntax, "this is not valid YAML: \(problem)",
                          at: file.location(line: line + offset, scalarColumn: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            let second = secondOccurrence(of: key, after: context.mark, in: text)
                .map { file.location(line: $0.line + offset, scalarColumn: $0.column, scalarLength: key.unicodeScalars.count) }
            return .error(.duplicateKey, "the key '\(key)' appears twice in this mapping", at: second ?? first,
                          hint: "keep one of them", notes: second == nil ? [] : [.init("first written here", at: first)])
        default:
            return .error(.yamlSyntax, "this is not valid YAML: \(error)", at: file.start)
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
