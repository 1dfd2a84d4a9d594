import PlaybookCore

/// Reads typed fields out of a YAML mapping and reports, for the whole mapping at once, every
/// missing field, every value of the wrong type and every unknown key (with the nearest known
/// one). Every loader of a YAML file (settings, front matter, scenarios) declares its fields
/// through it, so all of them report mistakes the same way.
public struct YAMLMappingReader {
    /// The mapping's pairs (empty when the YAML was not a mapping).
    private let pairs: [YAMLPair]
    private let file: SourceFile
    /// Where to point when a required key is missing.
    private let missingAt: SourceLocation
    /// What the mapping is, for messages: "playbook.yaml", "the front matter".
    private let what: String
    private var known: [String] = []
    /// Required keys that are absent, reported by ``finish()`` unless an unknown key is a typo of one.
    private var missingKeys: [String] = []
    /// Diagnostics found so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Starts reading `node`, which must be a mapping; anything else is reported at once.
    public init(_ node: YAMLNode?, file: SourceFile, what: String, missingAt: SourceLocation? = nil) {
        self.file = file
        self.what = what
        self.missingAt = missingAt ?? file.start
        if let node, let pairs = node.pairs {
            self.pairs = pairs
        } else if node == nil {
            self.pairs = []  // an empty file: every required key is reported as missing
        } else {
            self.pairs = []
            let at = node?.location(in: file) ?? self.missingAt
            diagnostics.append(.error(.notAMapping, "\(what) must be a mapping of keys to values",
                                      at: at, hint: "write one 'key: value' per line"))
        }
    }

    /// The pair for `key` when it has a value, marking the key as known. A required key that
    /// is absent or empty (`key:` with nothing after it) is reported.
    public mutating func pair(_ key: String, required: Bool = false) -> YAMLPair? {
        known.append(key)
        guard let pair = pairs.first(where: { $0.name == key }) else {
            if required { missing(key) }
            return nil
        }
        if pair.value.isNull {
            if required {
                diagnostics.append(.error(.emptyValue, "'\(key)' is empty", at: pair.key.location(in: file),
                                          hint: "write a value after '\(key):'"))
            }
            return nil
        }
        return pair
    }

    /// A text value.
    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let pair = pair(key, required: required) else { return nil }
        guard let scalar = pair.value.scalar else {
            wrongType(pair, expected: "text")
            return nil
        }
        let text = scalar.text.trimmingSpaces()
        if text.isEmpty {
            diagnostics.append(.error(.emptyValue, "'\(key)' is empty", at: pair.value.location(in: file)))
            return nil
        }
        return text
    }

    /// A whole number.
    public mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let pair = pair(key, required: required) else { return nil }
        guard let scalar = pair.value.scalar, !scalar.isQuoted, let value = Int(scalar.text.replacingUnderscores()) else {
            wrongType(pair, expected: "a whole number")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    public mutating func bool(_ key: String) -> Bool? {
        guard let pair = pair(key) else { return nil }
        switch pair.value.scalar.map({ $0.isQuoted ? "" : $0.text }) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            wrongType(pair, expected: "true or false")
            return nil
        }
    }

    /// A date (`2026-11-23`) or a date and time in UTC (`2026-11-23T10:00:00Z`).
    public mutating func timestamp(_ key: String, required: Bool = false) -> Timestamp? {
        guard let pair = pair(key, required: required) else { return nil }
        guard let scalar = pair.value.scalar, let value = Timestamp(parsing: scalar.text.trimmingSpaces()) else {
            wrongType(pair, expected: "a date such as 2026-11-23 (or 2026-11-23T10:00:00Z)")
            return nil
        }
        return value
    }

    /// A list of texts; a single text counts as a list of one. Each item comes with its location.
    public mutating func strings(_ key: String, required: Bool = false) -> [(String, SourceLocation)]? {
        guard let pair = pair(key, required: required) else { return nil }
        if let scalar = pair.value.scalar {
            return [(scalar.text.trimmingSpaces(), pair.value.location(in: file))]
        }
        guard let items = pair.value.items else {
            wrongType(pair, expected: "a list")
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            guard let scalar = item.scalar, !scalar.text.trimmingSpaces().isEmpty else {
                diagnostics.append(.error(.wrongType, "each item of '\(key)' must be text, not \(item.kindDescription)",
                                          at: item.location(in: file)))
                continue
            }
            result.append((scalar.text.trimmingSpaces(), item.location(in: file)))
        }
        if result.isEmpty, required {
            diagnostics.append(.error(.emptyValue, "'\(key)' is empty", at: pair.value.location(in: file)))
        }
        return result
    }

    /// Adds a diagnostic about a value that was read but is not acceptable.
    public mutating func invalid(_ key: String, _ message: String, hint: String? = nil) {
        guard let pair = pairs.first(where: { $0.name == key }) else { return }
        diagnostics.append(.error(.invalidValue, message, at: pair.value.location(in: file), hint: hint))
    }

    /// Adds a diagnostic about one item of a list value.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Marks `key` as known without reading it (a loader that reads the value itself).
    public mutating func know(_ key: String) {
        known.append(key)
    }

    /// The file the mapping is in.
    public var sourceFile: SourceFile { file }

    /// Reports every key that no field asked for, with the nearest known key as a hint, and
    /// every required key that is missing (unless a misspelt key already explains it).
    public mutating func finish() {
        var explained: Set<String> = []
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            let name = pair.name
            let at = pair.key.location(in: file)
            if pair.key.scalar == nil {
                diagnostics.append(.error(.unknownKey, "keys in \(what) must be plain names", at: at))
                continue
            }
            if let first = seen[name] {
                diagnostics.append(.error(.duplicateKey, "the key '\(name)' appears twice in \(what)", at: at,
                                          hint: "keep one of them", notes: [.init("first written here", at: first)]))
                continue
            }
            seen[name] = at
            if !known.contains(name) {
                let suggestion = NearestName.suggestion(for: name, among: known)
                if let suggestion { explained.insert(suggestion) }
                let hint = suggestion.map { "did you mean '\($0)'?" }
                    ?? "known keys are: " + known.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(.error(.unknownKey, "unknown key '\(name)' in \(what)", at: at, hint: hint))
            }
        }
        for key in missingKeys where !explained.contains(key) {
            diagnostics.append(.error(.missingKey, "\(what) has no '\(key)'", at: missingAt,
                                      hint: "add a line '\(key): …'"))
        }
    }

    // MARK: - Internals

    private mutating func missing(_ key: String) {
        missingKeys.append(key)
    }

    private mutating func wrongType(_ pair: YAMLPair, expected: String) {
        diagnostics.append(.error(.wrongType, "'\(pair.name)' must be \(expected), not \(pair.value.kindDescription)",
                                  at: pair.value.location(in: file)))
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    fileprivate func replacingUnderscores() -> String {
        String(unicodeScalars.filter { $0 != "_" }.map(Character.init))
    }
}
