/// Where something is in a user's file: a path relative to the project, a line, a column and
/// the width of the thing, with the text of the line kept for printing.
///
/// Columns and lengths count UTF-8 bytes internally; ``displayColumn`` converts to the
/// character column that editors and the printed `path:line:column` use.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path relative to the project root.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column in UTF-8 bytes, from 1.
    public var column: Int
    /// How many UTF-8 bytes the caret underline covers (at least 1).
    public var length: Int
    /// The text of the line, for the snippet under the message.
    public var lineText: String

    /// Creates a location; prefer ``SourceFile/location(line:column:length:)``, which fills in the line text.
    public init(file: String, line: Int, column: Int, length: Int = 1, lineText: String = "") {
        self.file = file
        self.line = line
        self.column = max(column, 1)
        self.length = max(length, 1)
        self.lineText = lineText
    }

    /// A location that names a file and nothing more precise (line 1, column 1).
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }

    /// The column as a count of characters (Unicode scalars), from 1.
    public var displayColumn: Int {
        Self.scalarColumn(forByteColumn: column, in: Substring(lineText))
    }

    /// `path:line:column` with the character column.
    public var description: String { "\(file):\(line):\(displayColumn)" }

    /// Converts a 1-based scalar column into a 1-based UTF-8 byte column of `line`.
    public static func byteColumn(forScalarColumn scalarColumn: Int, in line: Substring) -> Int {
        var bytes = 0
        var scalars = 1
        for scalar in line.unicodeScalars {
            if scalars >= scalarColumn { break }
            bytes += String(scalar).utf8.count
            scalars += 1
        }
        return bytes + 1 + max(scalarColumn - scalars, 0)
    }

    /// Converts a 1-based UTF-8 byte column into a 1-based scalar column of `line`.
    public static func scalarColumn(forByteColumn byteColumn: Int, in line: Substring) -> Int {
        var bytes = 1
        var scalars = 1
        for scalar in line.unicodeScalars {
            if bytes >= byteColumn { return scalars }
            bytes += String(scalar).utf8.count
            scalars += 1
        }
        return scalars + max(byteColumn - bytes, 0)
    }
}

extension SourceLocation: Comparable {
    /// Orders by file, then line, then column, so that diagnostics print in reading order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
