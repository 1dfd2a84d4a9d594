/// The lines of a chapter body as UTF-8 bytes, for looking at raw source where cmark's tree
/// has lost it (pipe tables, reference definitions).
struct BodyLines {
    private let bytes: [UInt8]
    /// Byte offset of the start of each line; `starts[0]` is line 1.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.starts = starts
    }

    /// How many lines there are.
    var count: Int { starts.count }

    /// Line `number` (1-based) without its line ending; empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The link reference definitions of the body (`[label]: destination "title"`), one per
    /// line, so that table cells parsed on their own can still use reference links.
    func referenceDefinitions() -> String {
        var out = ""
        for number in 1...count {
            var line = line(number)[...]
            // Strip block quote markers and indentation in front of the definition.
            while let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: ">") || first == 9 {
                line = line.dropFirst()
            }
            guard line.first == UInt8(ascii: "["), line.dropFirst().first != UInt8(ascii: "^"),
                  let close = line.firstIndex(of: UInt8(ascii: "]")),
                  line.index(after: close) < line.endIndex,
                  line[line.index(after: close)] == UInt8(ascii: ":") else { continue }
            out += String(decoding: line, as: UTF8.self) + "\n"
        }
        return out
    }
}
