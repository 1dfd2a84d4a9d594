import PlaybookCore
import PlaybookXHTML

/// Gives every heading of a chapter its anchor: the `{#id}` the author wrote, or one made from
/// the heading's text (GitHub style), numbered `-1`, `-2` … when the same text comes again.
/// Ids written in raw HTML take part, so that no two elements of a page share an id.
enum HeadingAnchors {
    /// The document with anchors set, every anchor of the chapter, and diagnostics.
    static func assign(_ document: Document, rawIDs: [RawHTMLRewriter.WrittenID], file: SourceFile)
        -> (Document, Set<String>, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var taken: [String: SourceLocation] = [:]
        func reserve(_ id: String, at location: SourceLocation) {
            if let first = taken[id] {
                diagnostics.append(.error(.duplicateAnchor, "the id '\(id)' is used twice in this chapter", at: location,
                                          hint: "ids must be unique within a page",
                                          notes: [.init("first used here", at: first)]))
            } else {
                taken[id] = location
            }
        }
        // Ids chosen by the author come first, in document order.
        var explicit: [(String, SourceLocation)] = rawIDs.map { ($0.id, $0.location) }
        document.forEachHeading { heading in
            guard let id = heading.explicitAnchor else { return }
            let location = file.location(line: heading.position.line, firstOccurrenceOf: "{#\(id)}")
            if Slug.isValidAnchor(id) {
                explicit.append((id, location))
            } else {
                diagnostics.append(.error(.invalidAnchor, "'\(id)' cannot be used as an anchor", at: location,
                                          hint: "start with a letter and use letters, digits, '-', '_' and '.'"))
            }
        }
        for (id, location) in explicit.sorted(by: { $0.1 < $1.1 }) { reserve(id, at: location) }
        var generated: Set<String> = []
        var blocks = document.blocks
        Self.rewriteHeadings(&blocks) { heading in
            if let id = heading.explicitAnchor, Slug.isValidAnchor(id) {
                heading.anchor = id
                return
            }
            let base = Slug.anchor(for: Inline.plainText(heading.content))
            var candidate = base
            var number = 0
            while taken[candidate] != nil || generated.contains(candidate) {
                number += 1
                candidate = "\(base)-\(number)"
            }
            generated.insert(candidate)
            heading.anchor = candidate
        }
        return (Document(blocks: blocks), Set(taken.keys).union(generated), diagnostics)
    }

    private static func rewriteHeadings(_ blocks: inout [Block], _ body: (inout Heading) -> Void) {
        for index in blocks.indices {
            switch blocks[index] {
            case .heading(var heading):
                body(&heading)
                blocks[index] = .heading(heading)
            case .blockQuote(var children):
                rewriteHeadings(&children, body)
                blocks[index] = .blockQuote(children)
            case .list(var list):
                for item in list.items.indices { rewriteHeadings(&list.items[item], body) }
                blocks[index] = .list(list)
            default:
                break
            }
        }
    }
}
