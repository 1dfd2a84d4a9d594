import PlaybookCore

/// Reads a callout out of a block quote cmark parsed: GitHub's alert syntax, a first line
/// `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION, in any case) with an optional title after
/// it. A quote whose first line is not `[!…]` stays a quote.
enum CalloutSyntax {
    /// The callout the quote's blocks make, or `nil`; and the error for a marker of an unknown
    /// kind (`[!DANGER]`), located at the marker.
    static func callout(_ blocks: [Block], at position: SourcePosition, file: SourceFile) -> (Callout?, Diagnostic?) {
        guard case .paragraph(let inlines)? = blocks.first, case .text(let first)? = inlines.first,
              first.hasPrefix("[!"), let close = first.firstIndex(of: "]") else { return (nil, nil) }
        let word = first[first.index(first.startIndex, offsetBy: 2)..<close]
        let after = first[first.index(after: close)...]
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isLetter }),
              after.isEmpty || after.first == " " || after.first == "\t" else { return (nil, nil) }
        guard let kind = CalloutKind(rawValue: word.lowercased()) else {
            let written = "[!\(word)]"
            return (nil, .error(.calloutUnknown, "'\(written)' is not a kind of callout",
                                at: file.location(line: position.line, column: position.column, spanning: written),
                                hint: "the callouts are " + CalloutKind.markers.joined(separator: ", ")))
        }
        // The title: the rest of the first line; the content: the lines after it, then the other blocks.
        var title: [Inline] = []
        var rest = Array(inlines.dropFirst())
        let trimmed = String(after.drop(while: { $0 == " " || $0 == "\t" }))
        if !trimmed.isEmpty { title.append(.text(trimmed)) }
        while let next = rest.first {
            rest.removeFirst()
            if next == .softBreak || next == .lineBreak { break }
            title.append(next)
        }
        if case .text(let last)? = title.last {
            let kept = String(last.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
            if kept.isEmpty { title.removeLast() } else { title[title.count - 1] = .text(kept) }
        }
        var content: [Block] = rest.isEmpty ? [] : [.paragraph(rest)]
        content += blocks.dropFirst()
        return (Callout(kind: kind, title: title, blocks: content, position: position), nil)
    }
}
