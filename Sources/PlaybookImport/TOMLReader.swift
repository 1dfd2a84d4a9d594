import PlaybookCore

/// A value read from a TOML file, with the place it was written.
package struct TOMLValue: Sendable, Equatable {
    /// What the value is.
    package enum Kind: Sendable, Equatable {
        /// A basic (`"…"`) or literal (`'…'`) string, one line or several.
        case string(String)
        /// A whole number.
        case integer(Int)
        /// A number with a fraction or an exponent.
        case float(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// `[a, b, …]`.
        case array([TOMLValue])
        /// A `[table]`, an inline table `{ … }` or an element of an `[[array of tables]]`.
        case table(TOMLTable)
    }

    /// What the value is.
    package var kind: Kind
    /// Where the value starts (its key's line for a table).
    package var line: Int
    /// The UTF-8 column (1-based) where it starts.
    package var column: Int

    /// The string, when the value is one.
    package var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The table, when the value is one.
    package var table: TOMLTable? {
        if case .table(let table) = kind { return table }
        return nil
    }

    /// The name of the value's type, for messages.
    package var typeName: String {
        switch kind {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .boolean: "a boolean"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A TOML table: keys in the order written.
package struct TOMLTable: Sendable, Equatable {
    /// The entries in the order they were first written.
    package var entries: [(key: String, value: TOMLValue)] = []

    /// The value of `key`, if any.
    package subscript(key: String) -> TOMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The value at a dotted path of keys (`["output", "html", "site-url"]`).
    package func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = self[first] else { return nil }
        if path.count == 1 { return value }
        return value.table?.value(at: Array(path.dropFirst()))
    }

    fileprivate mutating func set(_ key: String, _ value: TOMLValue) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append((key, value))
        }
    }

    /// Two tables are equal when they hold the same keys, in the same order, with equal values.
    package static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.entries.map(\.key) == rhs.entries.map(\.key) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }
}

/// Reads the part of TOML that mdBook's `book.toml` files use: comments, `[tables]`,
/// `[[arrays of tables]]`, bare, quoted and dotted keys, basic and literal strings (one line
/// or several), integers, floats, booleans, arrays and inline tables. Dates and times are not
/// read. The first mistake stops it, as a diagnostic at its line and column.
package struct TOMLReader {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// How deep arrays and inline tables nest at most: input is untrusted.
    private static let maximumDepth = 64

    private struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// Reads `file` into its root table, or the first mistake.
    package static func read(_ file: SourceFile) -> Result<TOMLTable, Diagnostic> {
        var reader = TOMLReader(file: file)
        do {
            return .success(try reader.document())
        } catch {
            return .failure(error.diagnostic)
        }
    }

    private init(file: SourceFile) {
        self.file = file
        bytes = Array(file.text.utf8)
    }

    // MARK: - Document

    private mutating func document() throws(Failure) -> TOMLTable {
        var root = TOMLTable()
        var current: [String] = []
        var defined: Set<String> = []
        while true {
            skipBlankAndComments()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "[") {
                let (startLine, startColumn) = (line, column)
                advance()
                let isArray = peek() == UInt8(ascii: "[")
                if isArray { advance() }
                skipSpaces()
                let path = try key()
                skipSpaces()
                try expect("]")
                if isArray { try expect("]") }
                try endOfLine()
                let name = path.joined(separator: ".")
                if isArray {
                    try appendArrayElement(&root, at: path, line: startLine, column: startColumn)
                } else {
                    guard defined.insert(name).inserted else {
                        throw fail("the table [\(name)] is defined twice", line: startLine, column: startColumn, length: name.utf8.count + 2)
                    }
                    try ensureTable(&root, at: path, line: startLine, column: startColumn)
                }
                current = path
            } else {
                let (keyLine, keyColumn) = (line, column)
                let path = try key()
                skipSpaces()
                try expect("=")
                skipSpaces()
                let value = try self.value(depth: 0)
                try endOfLine()
                try insert(value, at: path, into: &root, under: current, line: keyLine, column: keyColumn)
            }
        }
        return root
    }

    private mutating func ensureTable(_ table: inout TOMLTable, at path: [String], line: Int, column: Int) throws(Failure) {
        guard let first = path.first else { return }
        var child: TOMLTable
        if let existing = table[first] {
            switch existing.kind {
            case .table(let inner): child = inner
            case .array(let elements):
                // A [table] under the last element of an array of tables.
                guard var last = elements.last?.table else {
                    throw fail("'\(first)' is \(existing.typeName), not a table", line: line, column: column)
                }
                try ensureTable(&last, at: Array(path.dropFirst()), line: line, column: column)
                var updated = elements
                updated[updated.count - 1].kind = .table(last)
                table.set(first, TOMLValue(kind: .array(updated), line: existing.line, column: existing.column))
                return
            default:
                throw fail("'\(first)' is already \(existing.typeName), not a table", line: line, column: column)
            }
        } else {
            child = TOMLTable()
        }
        try ensureTable(&child, at: Array(path.dropFirst()), line: line, column: column)
        table.set(first, TOMLValue(kind: .table(child), line: table[first]?.line ?? line, column: table[first]?.column ?? column))
    }

    private mutating func appendArrayElement(_ table: inout TOMLTable, at path: [String], line: Int, column: Int) throws(Failure) {
        guard let first = path.first else { return }
        if path.count == 1 {
            var elements: [TOMLValue] = []
            if let existing = table[first] {
                guard case .array(let found) = existing.kind, found.allSatisfy({ $0.table != nil }) else {
                    throw fail("'\(first)' is already \(existing.typeName), not an array of tables", line: line, column: column)
                }
                elements = found
            }
            elements.append(TOMLValue(kind: .table(TOMLTable()), line: line, column: column))
            table.set(first, TOMLValue(kind: .array(elements), line: table[first]?.line ?? line, column: table[first]?.column ?? column))
            return
        }
        try ensureTable(&table, at: [first], line: line, column: column)
        guard let existing = table[first] else { return }
        switch existing.kind {
        case .table(var inner):
            try appendArrayElement(&inner, at: Array(path.dropFirst()), line: line, column: column)
            table.set(first, TOMLValue(kind: .table(inner), line: existing.line, column: existing.column))
        case .array(var elements):
            guard var last = elements.last?.table else { return }
            try appendArrayElement(&last, at: Array(path.dropFirst()), line: line, column: column)
            elements[elements.count - 1].kind = .table(last)
            table.set(first, TOMLValue(kind: .array(elements), line: existing.line, column: existing.column))
        default:
            throw fail("'\(first)' is \(existing.typeName), not a table", line: line, column: column)
        }
    }

    /// Puts `value` at `path` under the current table (`under`; in an array of tables, its last element).
    private mutating func insert(_ value: TOMLValue, at path: [String], into root: inout TOMLTable, under table: [String],
                                 line: Int, column: Int) throws(Failure) {
        try Self.set(value, at: table + path, in: &root, line: line, column: column, reader: self)
    }

    private static func set(_ value: TOMLValue, at path: [String], in table: inout TOMLTable, line: Int, column: Int, reader: TOMLReader) throws(Failure) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if table[first] != nil {
                throw reader.fail("the key '\(first)' is defined twice", line: line, column: column, length: first.utf8.count)
            }
            table.set(first, value)
            return
        }
        let rest = Array(path.dropFirst())
        switch table[first]?.kind {
        case nil:
            var child = TOMLTable()
            try set(value, at: rest, in: &child, line: line, column: column, reader: reader)
            table.set(first, TOMLValue(kind: .table(child), line: line, column: column))
        case .table(var child)?:
            try set(value, at: rest, in: &child, line: line, column: column, reader: reader)
            table.set(first, TOMLValue(kind: .table(child), line: table[first]?.line ?? line, column: table[first]?.column ?? column))
        case .array(var elements)?:
            guard var last = elements.last?.table else {
                throw reader.fail("'\(first)' is an array, not a table", line: line, column: column)
            }
            try set(value, at: rest, in: &last, line: line, column: column, reader: reader)
            elements[elements.count - 1].kind = .table(last)
            table.set(first, TOMLValue(kind: .array(elements), line: table[first]?.line ?? line, column: table[first]?.column ?? column))
        case let other?:
            throw reader.fail("'\(first)' is already \(TOMLValue(kind: other, line: 0, column: 0).typeName), not a table",
                              line: line, column: column)
        }
    }

    // MARK: - Keys

    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let byte = peek() else { throw fail("a key is missing here") }
            if byte == UInt8(ascii: "\"") {
                parts.append(try basicString())
            } else if byte == UInt8(ascii: "'") {
                parts.append(try literalString())
            } else {
                let start = index
                while let next = peek(), Self.isBareKeyByte(next) { advance() }
                guard index > start else { throw fail("'\(Self.describe(byte))' cannot start a key", length: 1) }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return parts }
            advance()
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(Failure) -> TOMLValue {
        let (startLine, startColumn) = (line, column)
        guard depth < Self.maximumDepth else { throw fail("arrays and inline tables nest deeper than \(Self.maximumDepth) levels") }
        guard let byte = peek() else { throw fail("a value is missing after '='") }
        let kind: TOMLValue.Kind
        switch byte {
        case UInt8(ascii: "\""):
            kind = .string(try startsWith("\"\"\"") ? multilineBasicString() : basicString())
        case UInt8(ascii: "'"):
            kind = .string(try startsWith("'''") ? multilineLiteralString() : literalString())
        case UInt8(ascii: "["):
            kind = .array(try array(depth: depth))
        case UInt8(ascii: "{"):
            kind = .table(try inlineTable(depth: depth))
        default:
            kind = try scalar()
        }
        return TOMLValue(kind: kind, line: startLine, column: startColumn)
    }

    private mutating func scalar() throws(Failure) -> TOMLValue.Kind {
        let start = index
        let startColumn = column
        while let byte = peek(), !Self.endsScalar(byte) { advance() }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let plain = word.replacingOccurrences(of: "_", with: "")
        if let integer = Int(plain) { return .integer(integer) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            if let integer = Int(plain.dropFirst(2), radix: radix) { return .integer(integer) }
        }
        if plain.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let number = Double(plain), number.isFinite {
            return .float(number)
        }
        let shown = word.isEmpty ? (peek().map { Self.describe($0) } ?? "the end of the file") : word
        throw fail("'\(shown)' is not a TOML value this reader knows", line: line, column: startColumn,
                   length: max(word.utf8.count, 1),
                   hint: "write a string in quotes (\"…\"), a number, true or false, an array [ … ] or a table { … }; dates are not read")
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#")
    }

    private mutating func array(depth: Int) throws(Failure) -> [TOMLValue] {
        let (openLine, openColumn) = (line, column)
        advance()
        var elements: [TOMLValue] = []
        while true {
            skipBlankAndComments()
            guard let byte = peek() else {
                throw fail("this array is not closed", line: openLine, column: openColumn, hint: "add ']' after its last element")
            }
            if byte == UInt8(ascii: "]") { advance(); return elements }
            elements.append(try value(depth: depth + 1))
            skipBlankAndComments()
            if peek() == UInt8(ascii: ",") { advance(); continue }
            if peek() == UInt8(ascii: "]") { advance(); return elements }
            throw fail("expected ',' or ']' in this array", hint: "separate the elements with commas")
        }
    }

    private mutating func inlineTable(depth: Int) throws(Failure) -> TOMLTable {
        let (openLine, openColumn) = (line, column)
        advance()
        var table = TOMLTable()
        skipSpaces()
        if peek() == UInt8(ascii: "}") { advance(); return table }
        while true {
            skipSpaces()
            let (keyLine, keyColumn) = (line, column)
            let path = try key()
            skipSpaces()
            try expect("=")
            skipSpaces()
            let value = try self.value(depth: depth + 1)
            try Self.set(value, at: path, in: &table, line: keyLine, column: keyColumn, reader: self)
            skipSpaces()
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                throw fail("this inline table is not closed on its line", line: openLine, column: openColumn,
                           hint: "an inline table { … } stays on one line; use a [table] for more")
            }
            advance()
            if byte == UInt8(ascii: "}") { return table }
            guard byte == UInt8(ascii: ",") else {
                throw fail("expected ',' or '}' in this inline table", line: line, column: column - 1)
            }
        }
    }

    // MARK: - Strings

    private mutating func basicString() throws(Failure) -> String {
        let (openLine, openColumn) = (line, column)
        advance()
        var out: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                out += try escape()
            case UInt8(ascii: "\n"):
                throw fail("this string is not closed on its line", line: openLine, column: openColumn,
                           hint: "close it with '\"', or use \"\"\" for text on several lines")
            default:
                out.append(byte)
                advance()
            }
        }
        throw fail("this string is not closed", line: openLine, column: openColumn)
    }

    private mutating func literalString() throws(Failure) -> String {
        let (openLine, openColumn) = (line, column)
        advance()
        let start = index
        while let byte = peek() {
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                advance()
                return text
            }
            if byte == UInt8(ascii: "\n") { break }
            advance()
        }
        throw fail("this string is not closed on its line", line: openLine, column: openColumn,
                   hint: "close it with \"'\", or use ''' for text on several lines")
    }

    private mutating func multilineBasicString() throws(Failure) -> String {
        let (openLine, openColumn) = (line, column)
        advance(3)
        skipFirstNewline()
        var out: [UInt8] = []
        while let byte = peek() {
            if startsWith("\"\"\"") {
                // Up to two quotes just before the closing three belong to the string.
                var quotes = 0
                while index + quotes < bytes.count, bytes[index + quotes] == UInt8(ascii: "\""), quotes < 5 { quotes += 1 }
                out += Array(repeating: UInt8(ascii: "\""), count: quotes - 3)
                advance(quotes)
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                // A backslash at the end of a line joins the next non-blank text.
                var lookahead = index + 1
                while lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: " ") || bytes[lookahead] == UInt8(ascii: "\t") { lookahead += 1 }
                if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "\n") || bytes[lookahead] == UInt8(ascii: "\r") {
                    advance()
                    skipBlankAndNewlines()
                    continue
                }
                out += try escape()
                continue
            }
            out.append(byte)
            advance()
        }
        throw fail("this string is not closed", line: openLine, column: openColumn, length: 3, hint: "close it with \"\"\"")
    }

    private mutating func multilineLiteralString() throws(Failure) -> String {
        let (openLine, openColumn) = (line, column)
        advance(3)
        skipFirstNewline()
        let start = index
        while peek() != nil {
            if startsWith("'''") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                advance(3)
                return text
            }
            advance()
        }
        throw fail("this string is not closed", line: openLine, column: openColumn, length: 3, hint: "close it with '''")
    }

    private mutating func escape() throws(Failure) -> [UInt8] {
        let (escapeLine, escapeColumn) = (line, column)
        advance()
        guard let byte = peek() else { throw fail("a string ends in a backslash") }
        advance()
        switch byte {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""): return [UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): return [UInt8(ascii: "\\")]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count,
                  let code = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(code) else {
                throw fail("'\\\(Character(Unicode.Scalar(byte)))' must be followed by \(count) hex digits of a Unicode scalar",
                           line: escapeLine, column: escapeColumn, length: 2)
            }
            advance(count)
            return Array(String(Character(scalar)).utf8)
        default:
            throw fail("'\\\(Self.describe(byte))' is not an escape TOML knows", line: escapeLine, column: escapeColumn, length: 2,
                       hint: "write '\\\\' for a backslash, or use a literal string in single quotes")
        }
    }

    // MARK: - Reading bytes

    private var column: Int { index - lineStart + 1 }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func startsWith(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return index + needle.count <= bytes.count && Array(bytes[index..<index + needle.count]) == needle
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    private mutating func skipFirstNewline() {
        if startsWith("\r\n") { advance(2) } else if peek() == UInt8(ascii: "\n") { advance() }
    }

    private mutating func skipBlankAndNewlines() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") { advance() }
    }

    /// Spaces, line ends and comments.
    private mutating func skipBlankAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n") { advance() }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                advance()
            } else {
                return
            }
        }
    }

    private mutating func expect(_ character: Character) throws(Failure) {
        guard let byte = peek(), byte == character.asciiValue else {
            let found = peek().map { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") ? "the end of the line" : "'\(Self.describe($0))'" }
                ?? "the end of the file"
            throw fail("expected '\(character)' here, found \(found)")
        }
        advance()
    }

    /// After a value or a table header: spaces, then a comment or the end of the line.
    private mutating func endOfLine() throws(Failure) {
        skipSpaces()
        if peek() == UInt8(ascii: "#") {
            while let next = peek(), next != UInt8(ascii: "\n") { advance() }
        }
        if peek() == UInt8(ascii: "\r") { advance() }
        guard let byte = peek() else { return }
        guard byte == UInt8(ascii: "\n") else {
            throw fail("expected the end of the line here, found '\(Self.describe(byte))'",
                       hint: "write one key = value per line")
        }
        advance()
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "\\x" + String(byte, radix: 16, uppercase: true)
    }

    private func fail(_ message: String, line: Int? = nil, column: Int? = nil, length: Int = 1, hint: String? = nil) -> Failure {
        Failure(diagnostic: .error(.importToml, message, at: file.location(line: line ?? self.line, column: column ?? self.column,
                                                                             length: length), hint: hint))
    }
}
