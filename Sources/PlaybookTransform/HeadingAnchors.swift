import PlaybookCore
import PlaybookXHTML

/// Chooses the anchor of every heading of a chapter: the `{#id}` the author wrote, or one made
/// from the heading's text (GitHub style), numbered `-1`, `-2` … when the same text comes
/// again. Ids written in raw HTML take part, so that no two elements of a page share an id.
///
/// ``assign(_:rawIDs:file:)`` checks the ids the author chose and works out every anchor of the
/// chapter (what links to it are checked against), the labels of its tables and figures included; the ``LinkResolver``, walking the tree in
/// the same order, gives each heading its anchor with ``anchor(for:)``.
struct HeadingAnchors: Sendable, Equatable {
    /// The ids the author chose: valid `{#id}`s and ids written in raw HTML.
    private var taken: Set<String>
    /// The anchors made from headings' text so far.
    private var generated: Set<String> = []
    /// Every anchor of the chapter.
    private(set) var all: Set<String> = []

    private init(taken: Set<String>) {
        self.taken = taken
    }

    /// The anchors of `document`'s headings, and diagnostics for ids used twice or not usable.
    static func assign(_ document: Document, rawIDs: [RawHTMLRewriter.WrittenID], labels: [(String, SourceLocation)] = [],
                       file: SourceFile) -> (HeadingAnchors, [Diagnostic]) {
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
        // The labels of tables and figures are the ids of their elements.
        var explicit: [(String, SourceLocation)] = rawIDs.map { ($0.id, $0.location) } + labels
        var headings: [Heading] = []
        document.forEachHeading { heading in
            headings.append(heading)
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
        let fresh = HeadingAnchors(taken: Set(taken.keys))
        var walk = fresh
        for heading in headings { _ = walk.anchor(for: heading) }
        var result = fresh
        result.all = walk.taken.union(walk.generated)
        return (result, diagnostics)
    }

    /// The anchor of the next heading in document order.
    mutating func anchor(for heading: Heading) -> String {
        if let id = heading.explicitAnchor, Slug.isValidAnchor(id) { return id }
        let base = Slug.anchor(for: Inline.plainText(heading.content))
        var candidate = base
        var number = 0
        while taken.contains(candidate) || generated.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        generated.insert(candidate)
        return candidate
    }
}
