import PlaybookCore
import PlaybookXHTML

/// Where the value tags of a chapter are written, for diagnostics.
///
/// cmark hands the transform a tag as the reader sees it, with Markdown escapes and character
/// references already decoded (`{{ cost\_per\_call }}` arrives as `{{ cost_per_call }}`,
/// `{{ b&amp;c }}` as `{{ b&c }}`), so the text met cannot be searched for in the file. Every
/// `{{ … }}` of the file is listed once with its text decoded the same way; the n-th tag met
/// with a given decoded text is the n-th one listed with it.
struct ValueTagLocations {
    private var places: [String: [SourceLocation]] = [:]

    /// Lists the tags of `file`, line by line, except those on `skipping` (the branches of
    /// block conditions left out, whose tags are never met).
    init(_ file: SourceFile, skipping: [ClosedRange<Int>] = []) {
        guard UTF8Bytes.contains(file.text, "{{") else { return }
        for number in 1...max(file.lineCount, 1) where !skipping.contains(where: { $0.contains(number) }) {
            let line = file.line(number)
            var rest = line[...]
            while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
                let written = line[open.lowerBound..<close.upperBound]
                let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                places[Self.decoded(written), default: []]
                    .append(file.location(line: number, column: column, length: written.utf8.count))
                rest = line[close.upperBound...]
            }
        }
    }

    /// The place of the `occurrence`-th (from 0) tag whose decoded text is `tag`.
    func location(of tag: String, occurrence: Int) -> SourceLocation? {
        guard let list = places[tag], occurrence < list.count else { return nil }
        return list[occurrence]
    }

    /// The characters CommonMark lets a backslash escape.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// `text` with Markdown backslash escapes and character references decoded, as cmark does.
    static func decoded(_ text: Substring) -> String {
        var unescaped = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\\" {
                guard let next = iterator.next() else { unescaped.unicodeScalars.append(scalar); break }
                if Self.asciiPunctuation.contains(next) {
                    unescaped.unicodeScalars.append(next)
                } else {
                    unescaped.unicodeScalars.append(scalar)
                    unescaped.unicodeScalars.append(next)
                }
            } else {
                unescaped.unicodeScalars.append(scalar)
            }
        }
        return CharacterReferences.decode(unescaped)
    }
}
