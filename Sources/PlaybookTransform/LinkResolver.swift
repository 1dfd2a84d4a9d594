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
    /// The chapter's own anchors, for `#fragment` links.
    let anchors: Set<String>
    let file: SourceFile

    /// Image formats that EPUB reading systems must support (core media types).
    static let imageTypes = ProjectLayout.imageTypes

    private(set) var diagnostics: [Diagnostic] = []
    /// Book files (relative to the book folder) that the chapter shows as images.
    private(set) var usedAssets: Set<String> = []

    init(index: ProjectIndex, book: String, anchors: Set<String>, file: SourceFile) {
        self.index = index
        self.book = book
        self.anchors = anchors
        self.file = file
    }

    /// Resolves the whole document: its raw HTML made XHTML as ``RawHTMLPass`` makes it, its
    /// headings given the anchors of `anchors`, its links and images resolved.
    mutating func resolve(_ document: Document, anchors: HeadingAnchors) -> ResolvedDocument {
        var converter = Converter(resolver: self, headings: anchors, rewriter: RawHTMLRewriter(file: file))
        let resolved = converter.convertWithScopes(document)
        self = converter.resolver
        return resolved
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
            convertScoped(block)
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

        mutating func convert(_ link: Link, into output: inout [ResolvedInline]) {
            let content = scopedContent(.inline("a link"), link.content)
            if let target = resolver.target(of: link) {
                output.append(.link(ResolvedLink(destination: link.destination, title: link.title, content: content, target: target,
                                                 position: link.position)))
            } else {
                output += content
            }
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
