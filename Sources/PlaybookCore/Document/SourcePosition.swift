/// Where a node of a Markdown document starts in its file: a line from 1 and a UTF-8 byte
/// column from 1. Lines count from the top of the chapter file, front matter included.
public struct SourcePosition: Sendable, Hashable {
    /// The line, from 1.
    public var line: Int
    /// The column in UTF-8 bytes, from 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position used when a node has no known place.
    public static let unknown = SourcePosition(line: 0, column: 0)
}
