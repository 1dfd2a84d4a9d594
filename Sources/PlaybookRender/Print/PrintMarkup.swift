import PlaybookCore

/// Makes a chapter's site markup part of its book's print page (``BookPrintPage``): every id
/// it defines or refers to gets the chapter's prefix (`pb-c3-`), links to another chapter of
/// the book lead to that chapter in the page, links to another book to the published site
/// (`base_url`; left as they are without one), and images become `data:` URIs.
///
/// It reads the attributes Playbook's renderer writes (`name="value"`, double-quoted); author
/// HTML quoted otherwise is left as it is.
struct PrintMarkup {
    /// The chapter's number in its book.
    let chapter: Int
    /// Each chapter of the book's number, by slug.
    let chapterNumbers: [String: Int]
    /// Each image's `data:` URI, by its `src` on the site.
    let images: [String: String]
    /// The series' `base_url`.
    let baseURL: String?

    /// The prefix of the `number`th chapter's ids.
    static func prefix(_ number: Int) -> String { "pb-c\(number)-" }

    /// The attributes that hold ids: one id, or a list of them.
    private static let idAttributes: Set<Substring> = ["id", "aria-labelledby", "aria-describedby", "headers", "for"]

    /// `html` with its ids, links and images made for the print page. Only tags are read;
    /// text between them (a code sample showing `id="…"`) is left alone.
    func rewrite(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            // The tag runs to the first `>` outside a quoted value.
            var index = open, quoted = false
            while index < rest.endIndex {
                let character = rest[index]
                if character == "\"" { quoted.toggle() } else if character == ">", !quoted { break }
                index = rest.index(after: index)
            }
            let end = index < rest.endIndex ? rest.index(after: index) : index
            out += attributes(in: rest[open..<end])
            rest = rest[end...]
        }
        out += rest
        return out
    }

    /// One tag with its attributes rewritten.
    private func attributes(in tag: Substring) -> String {
        var out = ""
        var rest = tag
        while let equals = rest.range(of: "=\"") {
            // The attribute's name: the letters, digits and dashes just before `="`.
            let before = rest[..<equals.lowerBound]
            let nameStart = before.lastIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") }.map { before.index(after: $0) } ?? before.startIndex
            let name = before[nameStart...]
            guard let close = rest[equals.upperBound...].firstIndex(of: "\"") else { break }
            let value = rest[equals.upperBound..<close]
            out += rest[..<equals.upperBound]
            out += rewritten(value, of: name)
            out += "\""
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private func rewritten(_ value: Substring, of name: Substring) -> String {
        let own = Self.prefix(chapter)
        if Self.idAttributes.contains(name) {
            return value.split(separator: " ", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : own + $0 }.joined(separator: " ")
        }
        if name == "href" { return href(value) }
        if name == "src", let uri = images[String(value)] { return uri }
        return String(value)
    }

    private func href(_ value: Substring) -> String {
        let own = Self.prefix(chapter)
        if value.hasPrefix("#") { return "#" + own + value.dropFirst() }
        if value.contains(":") || value.hasPrefix("/") { return String(value) }
        if value.hasPrefix("../") {
            guard let baseURL else { return String(value) }
            return baseURL + value.dropFirst(3)
        }
        // Another chapter of the book: `<slug>.html`, with a fragment or not.
        let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let page = parts[0]
        if page.hasSuffix(".html"), let number = chapterNumbers[URLPath.decode(String(page.dropLast(5)))] {
            if parts.count > 1, !parts[1].isEmpty { return "#" + Self.prefix(number) + parts[1] }
            return "#" + BookPrintPage.chapterID(number)
        }
        return String(value)
    }
}
