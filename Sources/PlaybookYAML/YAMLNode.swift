import PlaybookCore

/// A YAML value with the place it was written, copied out of Yams so that loaders can read
/// YAML without importing it.
public struct YAMLNode: Sendable, Equatable {
    /// A scalar, a mapping (ordered key/value pairs) or a sequence.
    public enum Value: Sendable, Equatable {
        /// A scalar with its text exactly as YAML read it.
        case scalar(YAMLScalar)
        /// A mapping, in the order written.
        case mapping([YAMLPair])
        /// A sequence.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    public var value: Value
    /// Where the node starts: line from 1 in the file.
    public var line: Int
    /// Where the node starts: column from 1, counted in Unicode scalars (as libyaml does).
    public var column: Int

    /// Creates a node.
    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// Whether this is a null scalar (`~`, `null`, or nothing at all after the colon).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A word for what kind of value this is, for messages: "a mapping", "a list", "text".
    public var kindDescription: String {
        switch value {
        case .scalar(let scalar): return scalar.isNull ? "nothing" : "'\(scalar.text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The location of this node in `file`; a scalar's location spans its text.
    public func location(in file: SourceFile) -> SourceLocation {
        var length = 1
        if let scalar {
            length = max(scalar.text.unicodeScalars.count + (scalar.isQuoted ? 2 : 0), 1)
            if scalar.text.utf8.contains(UInt8(ascii: "\n")) { length = 1 }
        }
        return file.location(line: line, scalarColumn: column, scalarLength: length)
    }
}

/// A scalar as written: its text, whether it was quoted, and an explicit tag if any.
public struct YAMLScalar: Sendable, Equatable {
    /// The text after YAML's own unescaping and folding.
    public var text: String
    /// Whether the scalar was written in quotes (or as a block), so `"10"` stays text.
    public var isQuoted: Bool

    /// Creates a scalar.
    public init(text: String, isQuoted: Bool) {
        self.text = text
        self.isQuoted = isQuoted
    }

    /// `~`, `null`, `Null`, `NULL` or empty, unquoted.
    public var isNull: Bool {
        !isQuoted && ["", "~", "null", "Null", "NULL"].contains(text)
    }
}

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Equatable {
    /// The key node (a scalar in every file Playbook reads).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (empty when the key is not a scalar).
    public var name: String { key.scalar?.text ?? "" }
}
