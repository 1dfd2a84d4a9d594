import PlaybookCore
import PlaybookXHTML

/// The last transform of a chapter: makes its ``Document`` a ``ResolvedDocument``. Raw HTML
/// is made XHTML (as ``RawHTMLPass`` does), every heading gets the anchor ``HeadingAnchors`` chose, and every link and image is resolved
/// against the ``ProjectIndex``: a link to `02-kpis.md#payback` becomes
/// ``LinkTarget/chapter(book:chapter:fragment:)`` once the chapter and its anchor are known to
/// exist (so does `02-kpis.html`, the mdBook way of writing it, when `02-kpis.md` exists), and
/// every broken one is a diagnostic at the link. A link that cannot be resolved
/// leaves only its text in the resolved tree, and an image that cannot be shown leaves nothing
/// (each after an error, so that output is never written): a resolved link always has its
/// target and a resolved image its book file.
struct LinkResolver {
    let index: ProjectIndex
    /// The slug of the chapter's book.
    let book: String
    /// The chapter's slug (a cross-reference to its own table is a fragment).
    let chapter: String
    /// The chapter's own anchors, for `#fragment` links.
    let anchors: Set<String>
    let file: SourceFile

    /// Image formats that EPUB reading systems must support (core media types).
    static let imageTypes = ProjectLayout.imageTypes

    private(set) var diagnostics: [Diagnostic] = []
    /// Book files (relative to the book folder) that the chapter shows as images.
    private(set) var usedAssets: Set<String> = []

    /// Each footnote label's number, in order of first reference.
    private var noteNumbers: [String: Int] = [:]

    init(index: ProjectIndex, book: String, chapter: String, anchors: Set<String>, file: SourceFile) {
        self.index = index
        self.book = book
        self.chapter = chapter
        self.anchors = anchors
        self.file = file
    }

    /// Resolves the whole document: its raw HTML made XHTML as ``RawHTMLPass`` makes it, its
    /// headings given the anchors of `anchors`, its links and images resolved.
    mutating func resolve(_ document: Document, anchors: HeadingAnchors) -> ResolvedDocument {
        numberFootnotes(document)
        var converter = Converter(resolver: self, headings: anchors, rewriter: RawHTMLRewriter(file: file))
        var resolved = converter.convertWithScopes(document)
        self = converter.resolver
        // The notes referenced, by number, at the end; the others were reported.
        let notes = resolved.blocks.compactMap { block -> FootnoteOf<Resolved>? in
            if case .footnote(let note) = block, note.number > 0 { return note } else { return nil }
        }
        resolved.blocks.removeAll { if case .footnote = $0 { return true } else { return false } }
        resolved.blocks += notes.sorted { $0.number < $1.number }.map { .footnote($0) }
        return resolved
    }

    // MARK: - Footnotes

    /// Numbers the footnotes in order of first reference, and reports references without a
    /// definition and definitions never referenced.
    private mutating func numberFootnotes(_ document: Document) {
        var finder = FootnoteFinder()
        finder.visit(document)
        guard !finder.references.isEmpty || !finder.definitions.isEmpty else { return }
        let defined = Set(finder.definitions.map(\.label))
        for reference in finder.references {
            guard defined.contains(reference.label) else {
                let labels = finder.definitions.map(\.label)
                diagnostics.append(.error(.footnoteUndefined, "the footnote '[^\(reference.label)]' has no definition in this chapter",
                                          at: file.location(line: reference.position.line, column: reference.position.column,
                                                            spanning: "[^\(reference.label)]"),
                                          hint: NearestName.suggestion(for: reference.label, among: labels).map { "did you mean '[^\($0)]'?" }
                                            ?? "define it on a line of its own: [^\(reference.label)]: The note's text."))
                continue
            }
            if noteNumbers[reference.label] == nil { noteNumbers[reference.label] = noteNumbers.count + 1 }
        }
        // A note referenced only in a branch of a block condition not taken for this scenario
        // is left out without a warning: its reference is in the source, besides its definition.
        for definition in finder.definitions where noteNumbers[definition.label] == nil
            && file.text.ranges(of: "[^\(definition.label)]").count < 2 {
            diagnostics.append(.warning(.footnoteUnused, "the footnote '[^\(definition.label)]' is never referenced, so it is left out",
                                        at: file.location(line: definition.position.line, column: definition.position.column,
                                                          length: definition.label.utf8.count + 3),
                                        hint: "refer to it with [^\(definition.label)] where the note belongs, or delete it"))
        }
    }

    /// The footnote references and definitions of a document, in document order.
    private struct FootnoteFinder: DocumentVisitor {
        typealias Stage = Parsed
        var references: [FootnoteReference] = []
        var definitions: [Footnote] = []

        mutating func visit(_ block: Block) {
            if case .footnote(let note) = block { definitions.append(note) }
            visitChildren(of: block)
        }

        mutating func visit(_ inline: Inline) {
            if case .footnoteReference(let reference) = inline { references.append(reference) }
            visitChildren(of: inline)
        }
    }

    // MARK: - Numbered tables and figures

    /// The number of the table or figure at `position` in this chapter ("Table 3.2").
    fileprivate func itemNumber(at position: SourcePosition) -> String {
        index.books[book]?.numbers.chapters[chapter]?[position] ?? ""
    }

    /// A cross-reference made a link to its table or figure, whose text is its number; an
    /// unknown label is an error, and the reference stays as written.
    fileprivate mutating func resolve(_ reference: CrossReference) -> ResolvedInline {
        let written = "@" + reference.label
        guard let entry = index.books[book]?.numbers.labels[reference.label] else {
            let labels = index.books[book]?.numbers.labels.keys.sorted() ?? []
            diagnostics.append(.error(.referenceUnknown, "no table or figure of this book has the label '\(reference.label)'",
                                      at: file.location(line: reference.position.line, column: reference.position.column, spanning: written),
                                      hint: NearestName.suggestion(for: reference.label, among: labels).map { "did you mean '@\($0)'?" }
                                        ?? (labels.isEmpty ? "label a table with ': Caption {#tbl-name}' after it, a figure with ![Caption](image.png){#fig-name}"
                                            : "the labels are: " + labels.prefix(8).joined(separator: ", ") + (labels.count > 8 ? " …" : ""))))
            return .text(written)
        }
        let target: LinkTarget = entry.chapter == chapter ? .fragment(reference.label)
            : .chapter(book: book, chapter: entry.chapter, fragment: reference.label)
        return .link(ResolvedLink(destination: "#" + reference.label, title: "", content: [.text(entry.text)], target: target,
                                  position: reference.position))
    }

    /// Checks a URL written in a raw HTML `src` attribute: it must be an image file of the book.
    mutating func checkResource(_ resource: RawHTMLRewriter.WrittenResource) {
        _ = image(resource.url) { resource.location }
    }

    // MARK: - Walking

    /// The walk from the parsed tree to the resolved one: raw HTML rewritten in its scopes (its
    /// ids, resources and diagnostics are the prepare step's, from ``RawHTMLPass``), and the
    /// nodes whose slots change.
    private struct Converter: RawHTMLConverting {
        typealias Input = Parsed
        typealias Output = Resolved

        var resolver: LinkResolver
        /// The anchors of the headings not met yet.
        var headings: HeadingAnchors
        var rewriter: RawHTMLRewriter

        mutating func convert(_ block: Block) -> ResolvedBlock {
            switch block {
            case .computed(var computed) where computed.label != nil:
                computed.number = resolver.itemNumber(at: computed.position)
                return .computed(computed)
            case .table(let table) where table.caption != nil:
                guard case .table(var converted) = convertScoped(block), var caption = converted.caption else { return convertScoped(block) }
                caption.number = resolver.itemNumber(at: table.position)
                converted.caption = caption
                return .table(converted)
            default:
                return convertScoped(block)
            }
        }

        mutating func convert(_ reference: FootnoteReference, into output: inout [ResolvedInline]) {
            // A reference without a definition was reported; it leaves nothing.
            guard let number = resolver.noteNumbers[reference.label] else { return }
            output.append(.footnoteReference(FootnoteReferenceOf(label: reference.label, number: number, position: reference.position)))
        }

        mutating func convert(_ reference: CrossReference, into output: inout [ResolvedInline]) {
            let resolved = resolver.resolve(reference)
            if inLink, case .link(let link) = resolved { output += link.content } else { output.append(resolved) }
        }

        /// A note never referenced gets 0 and is left out by ``LinkResolver/resolve(_:anchors:)``.
        mutating func convert(_ footnote: Footnote) -> FootnoteOf<Resolved> {
            FootnoteOf(label: footnote.label, blocks: convert(footnote.blocks), number: resolver.noteNumbers[footnote.label] ?? 0,
                       position: footnote.position)
        }

        mutating func convert(_ caption: Caption) -> CaptionOf<Resolved> {
            CaptionOf(content: scopedContent(.inline("a caption"), caption.content), label: caption.label,
                      number: "", position: caption.position)
        }

        mutating func convert(_ figure: Figure) -> ResolvedBlock {
            var image: [ResolvedInline] = []
            convert(figure.image, into: &image)
            guard image.count == 1, case .image(let converted) = image[0] else { return .paragraph(image) }
            return .figure(FigureOf(image: converted, label: figure.label, number: resolver.itemNumber(at: figure.image.position)))
        }

        mutating func convert(_ inline: Inline, into output: inout [ResolvedInline]) {
            convertScoped(inline, into: &output)
        }

        mutating func convert(_ heading: Heading) -> ResolvedHeading {
            ResolvedHeading(level: heading.level, content: scopedContent(.inline("a heading"), heading.content),
                            explicitAnchor: heading.explicitAnchor, anchor: headings.anchor(for: heading), position: heading.position)
        }

        mutating func convert(_ raw: RawHTML) -> ResolvedRawHTML {
            ResolvedRawHTML(html: raw.html, xhtml: rewritten(raw), position: raw.position)
        }

        /// Whether a link's content is being converted: a cross-reference there is its number
        /// alone, as links do not nest.
        var inLink = false

        /// A link; a footnote reference written in its text follows it, as links do not nest.
        mutating func convert(_ link: Link, into output: inout [ResolvedInline]) {
            let outer = inLink
            inLink = true
            var content = scopedContent(.inline("a link"), link.content)
            inLink = outer
            let notes = content.filter { if case .footnoteReference = $0 { true } else { false } }
            content.removeAll { if case .footnoteReference = $0 { true } else { false } }
            if let target = resolver.target(of: link) {
                output.append(.link(ResolvedLink(destination: link.destination, title: link.title, content: content, target: target,
                                                 position: link.position)))
            } else {
                output += content
            }
            output += notes
        }

        /// An image's alternative text is shown as plain text: it becomes one text node.
        mutating func convert(_ image: Image, into output: inout [ResolvedInline]) {
            let (file, position, source) = (resolver.file, image.position, image.source)
            guard let asset = resolver.image(source, at: { file.location(line: position.line, column: position.column, spanning: source) })
            else { return }
            let alt = Inline.plainText(image.alt)
            if alt.trimmingSpaces().isEmpty {
                resolver.diagnostics.append(.warning(.missingAltText, "this image has no text alternative", at: file.location(
                    line: position.line, column: position.column, spanning: "![]"),
                    hint: "describe what the image shows between the brackets: ![Calls fell by 8% after launch](…)"))
            }
            output.append(.image(ResolvedImage(source: source, title: image.title, alt: [.text(alt)], asset: asset, position: position)))
        }
    }

    // MARK: - Links

    private mutating func target(of link: Link) -> LinkTarget? {
        let destination = link.destination
        let (file, position) = (self.file, link.position)
        var at: SourceLocation { file.location(line: position.line, column: position.column, spanning: destination) }
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") {
            return .external(destination)
        }
        if destination.hasPrefix("#") {
            let fragment = URLPath.decode(String(destination.dropFirst()))
            checkFragment(fragment, in: anchors, chapterName: "this chapter", at: at)
            return .fragment(fragment)
        }
        if destination.hasPrefix("/") {
            diagnostics.append(.error(.brokenLink, "'\(destination)' starts at the site's root, which an EPUB does not have",
                                      at: at, hint: "link to the chapter's file relative to this one, such as 02-kpis.md or ../other-book/01-intro.md"))
            return nil
        }
        let (pathPart, fragment) = Self.splitFragment(destination)
        guard let components = resolvePath(pathPart, at: at) else { return nil }
        let target: LinkTarget?
        switch classify(components) {
        case .book(let slug):
            target = .book(slug)
        case .chapterFile(let slug, let chapter):
            guard let entry = index.books[slug] else { return nil }
            if let chapterAnchors = entry.chapters[chapter] {
                if let fragment {
                    checkFragment(fragment, in: chapterAnchors, chapterName: "content/\(slug)/\(chapter).md", at: at)
                }
                target = .chapter(book: slug, chapter: chapter, fragment: fragment)
            } else if entry.drafts.contains(chapter) {
                diagnostics.append(.error(.brokenLink, "'\(destination)' links to a draft, which this build leaves out", at: at,
                                          hint: "publish the chapter (remove 'draft: true') or build with --drafts"))
                return nil
            } else {
                let chapters = entry.chapters.keys.sorted()
                let hint = NearestName.suggestion(for: chapter, among: chapters).map { "did you mean '\($0).md'?" }
                    ?? "the chapters there are: " + chapters.prefix(8).map { "\($0).md" }.joined(separator: ", ")
                        + (chapters.count > 8 ? " …" : "")
                diagnostics.append(.error(.brokenLink, "there is no chapter '\(chapter).md' in content/\(slug)/", at: at, hint: hint))
                return nil
            }
        case .asset(let slug, let path):
            guard index.books[slug]?.assets.contains(path) == true else {
                diagnostics.append(.error(.brokenLink, "there is no file '\(path)' in content/\(slug)/", at: at,
                                          hint: NearestName.suggestion(for: path, among: index.books[slug]?.assets ?? []).map { "did you mean '\($0)'?" }))
                return nil
            }
            target = .asset(book: slug, path: path)
        case .outside(let path):
            diagnostics.append(.error(.brokenLink, "'\(destination)' points at \(path), which is not part of a book of the series",
                                      at: at, hint: "link to chapters (.md files) and files inside the books' folders"))
            return nil
        }
        if let target, leavesBook(target), index.baseURL == nil {
            diagnostics.append(.error(.linkNeedsBaseUrl,
                                      "this link leaves the book, so in the EPUB it must point at the published site, and playbook.yaml has no base_url",
                                      at: at, hint: "add 'base_url: https://…/' (the site's address) to playbook.yaml"))
        }
        return target
    }

    private func leavesBook(_ target: LinkTarget) -> Bool {
        switch target {
        case .chapter(let slug, _, _), .book(let slug): return slug != book
        case .asset: return true
        case .external, .fragment: return false
        }
    }

    private mutating func checkFragment(_ fragment: String, in anchors: Set<String>, chapterName: String,
                                        at: @autoclosure () -> SourceLocation) {
        guard !anchors.contains(fragment) else { return }
        let hint = NearestName.suggestion(for: fragment, among: anchors).map { "did you mean '#\($0)'?" }
            ?? (anchors.isEmpty ? "\(chapterName) has no headings" : "the anchors there are: " + anchors.sorted().prefix(8).map { "#\($0)" }.joined(separator: ", "))
        diagnostics.append(.error(.brokenAnchor, "\(chapterName) has no heading with the anchor '#\(fragment)'", at: at(), hint: hint))
    }

    // MARK: - Images

    /// The book-relative path of an image, or `nil` (with a diagnostic) when it is not usable.
    private mutating func image(_ source: String, at location: () -> SourceLocation) -> String? {
        var at: SourceLocation { location() }
        if Self.hasScheme(source) || source.hasPrefix("//") {
            diagnostics.append(.error(.remoteImage, "images must be files in the book's folder: an EPUB cannot load '\(source)'",
                                      at: at, hint: "download the image into content/\(book)/ and link to it relatively"))
            return nil
        }
        let (pathPart, _) = Self.splitFragment(source)
        guard let components = resolvePath(pathPart, at: at) else { return nil }
        guard case .asset(let slug, let path) = classify(components), slug == book else {
            diagnostics.append(.error(.brokenImage, "the image '\(source)' is not a file inside content/\(book)/", at: at,
                                      hint: "keep a book's images in its own folder, for example content/\(book)/images/"))
            return nil
        }
        guard index.books[slug]?.assets.contains(path) == true else {
            diagnostics.append(.error(.brokenImage, "there is no image '\(path)' in content/\(book)/", at: at,
                                      hint: NearestName.suggestion(for: path, among: index.books[slug]?.assets ?? []).map { "did you mean '\($0)'?" }))
            return nil
        }
        let type = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard Self.imageTypes.contains(type) else {
            diagnostics.append(.error(.imageFormat, "'\(path)' is not in a format every EPUB reader shows", at: at,
                                      hint: "use PNG, JPEG, GIF, WebP or SVG"))
            return nil
        }
        usedAssets.insert(path)
        return path
    }

    // MARK: - Paths

    private enum Destination {
        case book(String)
        case chapterFile(book: String, chapter: String)
        case asset(book: String, path: String)
        case outside(String)
    }

    /// The project-relative path components of a relative destination, `..` and `.` applied.
    private mutating func resolvePath(_ path: String, at: @autoclosure () -> SourceLocation) -> [String]? {
        var components = ["content", book]
        for part in URLPath.decode(path).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else {
                    diagnostics.append(.error(.brokenLink, "'\(path)' points outside the project", at: at()))
                    return nil
                }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components
    }

    private func classify(_ components: [String]) -> Destination {
        guard components.count >= 2, components[0] == "content", index.books[components[1]] != nil else {
            return .outside(components.joined(separator: "/"))
        }
        let slug = components[1]
        let rest = components.dropFirst(2)
        if rest.isEmpty || rest == ["book.yaml"] { return .book(slug) }
        if rest.count == 1, let name = rest.first, name.hasSuffix(".md") {
            return .chapterFile(book: slug, chapter: String(name.dropLast(3)))
        }
        // A link written the mdBook way, to the page a chapter becomes (`02-kpis.html`), is the
        // chapter when `02-kpis.md` exists (or is a draft) and no book file has that name.
        if rest.count == 1, let name = rest.first, name.hasSuffix(".html"), let entry = index.books[slug],
           !entry.assets.contains(name) {
            let chapter = String(name.dropLast(5))
            if entry.chapters[chapter] != nil || entry.drafts.contains(chapter) {
                return .chapterFile(book: slug, chapter: chapter)
            }
        }
        return .asset(book: slug, path: rest.joined(separator: "/"))
    }

    /// Whether a destination starts with a URL scheme (`https:`, `mailto:`): an ASCII letter,
    /// then letters, digits, `+`, `-` or `.`, then a colon.
    static func hasScheme(_ destination: String) -> Bool {
        var first = true
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return false
    }

    static func splitFragment(_ destination: String) -> (String, String?) {
        let withoutQuery = destination.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? destination
        guard let hash = destination.firstIndex(of: "#") else { return (withoutQuery, nil) }
        let path = String(destination[..<hash]).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let fragment = URLPath.decode(String(destination[destination.index(after: hash)...]))
        return (path, fragment.isEmpty ? nil : fragment)
    }
}
