import PlaybookCore

/// Rewrites the HTML an author wrote in a chapter as well-formed XHTML, and reports what
/// cannot be rewritten.
///
/// One rewriter reads all raw HTML of one chapter in document order, because an element may
/// open in one HTML block and close in a later one with Markdown between them. The transform
/// stage tells it where generated elements begin and end (``beginScope(_:)`` /
/// ``endScope()``): author elements opened inside a paragraph must close inside it.
///
/// What it repairs: named entities (`&nbsp;` → `&#160;`), void elements (`<br>` → `<br/>`),
/// unquoted and bare attributes, upper-case names, end tags HTML lets authors leave out
/// (`</li>`, `</td>`, `</p>`), a bare `&` or `<` in text, the namespace of inline `<svg>` and
/// `<math>`. What it reports: unknown entities, end tags that close nothing or the wrong
/// element, elements never closed, block elements inside a paragraph, duplicate attributes,
/// obsolete elements, and `<!DOCTYPE>` or processing instructions.
package struct RawHTMLRewriter {
    /// Whether a scope holds blocks (the chapter, a quote, a list item) or inline content.
    package enum ScopeKind {
        /// The chapter body, a block quote or a list item.
        case block
        /// A paragraph, heading, table cell, or inline span.
        case inline(String)
    }

    /// An `id` written in raw HTML, for anchors and duplicate checks.
    package struct WrittenID: Sendable {
        package var id: String
        var place: FragmentPlace
        package var location: SourceLocation { place.location }
    }

    /// A URL in `src` (and the like) of raw HTML, for the link checker.
    package struct WrittenResource: Sendable {
        package var url: String
        var place: FragmentPlace
        package var location: SourceLocation { place.location }
    }

    private struct OpenElement {
        var name: String
        var place: FragmentPlace
        var location: SourceLocation { place.location }
        var isForeign: Bool
        var scope: Int
        var selfClosedByMistake: Bool
    }

    private let file: SourceFile
    private var stack: [OpenElement] = []
    private var scopes: [ScopeKind] = [.block]

    /// Problems found so far.
    package private(set) var diagnostics: [Diagnostic] = []
    /// Every `id` attribute seen.
    package private(set) var ids: [WrittenID] = []
    /// Every resource URL seen.
    package private(set) var resources: [WrittenResource] = []

    package init(file: SourceFile) {
        self.file = file
    }

    /// Enters a generated element (a paragraph, a list item …).
    package mutating func beginScope(_ kind: ScopeKind) {
        scopes.append(kind)
    }

    /// Leaves the innermost generated element: returns the end tags of author elements that HTML
    /// lets close implicitly, and reports any other element still open.
    package mutating func endScope() -> String {
        let scope = scopes.count - 1
        var closing = ""
        while let top = stack.last, top.scope == scope {
            stack.removeLast()
            if !HTMLVocabulary.optionalEnd.contains(top.name) || top.isForeign {
                report(notClosed: top)
            }
            closing += "</\(top.name)>"
        }
        if scopes.count > 1 { scopes.removeLast() }
        return closing
    }

    /// Ends the chapter: every author element still open is reported (or closed, when HTML allows it).
    package mutating func finish() -> String {
        var closing = ""
        while let top = stack.popLast() {
            if !HTMLVocabulary.optionalEnd.contains(top.name) || top.isForeign { report(notClosed: top) }
            closing += "</\(top.name)>"
        }
        return closing
    }

    /// The XHTML form of one raw HTML node.
    package mutating func rewrite(_ raw: RawHTML) -> String {
        let locator = FragmentLocator(raw: raw, file: file)
        var out = ""
        out.reserveCapacity(raw.html.utf8.count + 16)
        for token in HTMLTokenizer(raw.html).tokens() {
            switch token {
            case .text(let text, let offset):
                out += xmlText(text, at: offset, locator: locator, inAttribute: false)
            case .rawText(let text, _):
                out += XMLEscaping.text(text)
            case .comment:
                break  // author comments stay in the HTML and are left out of the EPUB
            case .cdata(let text, _):
                out += text
            case .declaration(let text, let offset, let length):
                diagnostics.append(.error(.rawHtml, "'\(text.prefix(20))' has no place inside a chapter",
                                          at: locator.location(offset, length: length),
                                          hint: "remove it: the page around the chapter already has one"))
            case .startTag(let name, let attributes, let selfClosing, let offset, let length):
                out += startTag(name, attributes, selfClosing: selfClosing, at: offset, length: length, locator: locator)
            case .endTag(let name, let offset, let length):
                out += endTag(name, at: offset, length: length, locator: locator)
            }
        }
        return out
    }

    // MARK: - Tags

    private var inForeignContent: Bool { stack.last?.isForeign ?? false }
    private var currentScope: Int { scopes.count - 1 }

    private mutating func startTag(_ written: String, _ attributes: [HTMLTokenizer.Attribute], selfClosing: Bool,
                                   at offset: Int, length: Int, locator: FragmentLocator) -> String {
        let lowered = written.lowercased()
        let foreign = inForeignContent || HTMLVocabulary.foreignNamespaces[lowered] != nil
        let name = foreign && inForeignContent ? written : lowered
        let place = FragmentPlace(locator: locator, offset: offset, length: length)
        var out = ""
        if !foreign {
            if let advice = HTMLVocabulary.obsolete[name] {
                diagnostics.append(.error(.obsoleteHtml, "<\(name)> is obsolete in HTML5", at: place.location, hint: advice))
            }
            // Close what HTML closes implicitly when this element starts.
            while let top = stack.last, top.scope == currentScope, !top.isForeign,
                  HTMLVocabulary.closes(top.name, whenOpening: name) {
                out += "</\(top.name)>"
                stack.removeLast()
            }
            if case .inline(let container) = scopes[currentScope], HTMLVocabulary.blockLevel.contains(name) {
                diagnostics.append(.error(.rawHtml, "a <\(name)> cannot be inside \(container)", at: place.location,
                                          hint: "put the HTML block on lines of its own, with a blank line before and after it"))
            }
        }
        out += "<" + name
        var seen: Set<String> = []
        var hasNamespace = false
        for attribute in attributes {
            let attributeName = foreign ? attribute.name : attribute.name.lowercased()
            let attributePlace = FragmentPlace(locator: locator, offset: attribute.offset, length: attribute.name.utf8.count)
            guard Self.isXMLName(attributeName) else {
                diagnostics.append(.error(.rawHtml, "'\(attribute.name)' is not a valid attribute name", at: attributePlace.location,
                                          hint: "attribute names are letters, digits, '-', '_' and ':'"))
                continue
            }
            guard seen.insert(attributeName.lowercased()).inserted else {
                diagnostics.append(.error(.rawHtml, "the attribute '\(attributeName)' is written twice on <\(name)>",
                                          at: attributePlace.location))
                continue
            }
            if attributeName == "xmlns" { hasNamespace = true }
            let rawValue = attribute.value ?? attributeName
            let value = xmlText(rawValue, at: attribute.offset, locator: locator, inAttribute: true)
            out += " \(attributeName)=\"\(value)\""
            if attributeName == "id" {
                ids.append(WrittenID(id: CharacterReferences.decode(rawValue), place: attributePlace))
            }
            if let urlAttributes = HTMLVocabulary.resourceAttributes[name], urlAttributes.contains(attributeName) {
                resources.append(WrittenResource(url: CharacterReferences.decode(rawValue), place: attributePlace))
            }
        }
        if let namespace = HTMLVocabulary.foreignNamespaces[lowered], !inForeignContent, !hasNamespace {
            out += " xmlns=\"\(namespace)\""
            // Children may use xlink:href; declaring the prefix on the root costs nothing.
            if lowered == "svg" { out += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" }
        }
        if name == "img", !foreign, !seen.contains("alt") {
            diagnostics.append(.error(.missingAltText, "<img> has no alt attribute", at: place.location,
                                      hint: "add alt=\"…\" describing the image (alt=\"\" only for a purely decorative one)"))
        }
        let isVoid = !foreign && HTMLVocabulary.void.contains(name)
        if isVoid || (foreign && selfClosing) {
            return out + "/>"
        }
        stack.append(OpenElement(name: name, place: place, isForeign: foreign, scope: currentScope,
                                 selfClosedByMistake: selfClosing))
        return out + ">"
    }

    private mutating func endTag(_ written: String, at offset: Int, length: Int, locator: FragmentLocator) -> String {
        var location: SourceLocation { locator.location(offset, length: length) }
        let name = inForeignContent ? written : written.lowercased()
        if HTMLVocabulary.void.contains(name.lowercased()), !inForeignContent {
            diagnostics.append(.error(.rawHtml, "</\(name)> is not a closing tag: <\(name)> has no content to close",
                                      at: location, hint: "remove </\(name)>"))
            return ""
        }
        // The matching element must be open in the current scope, with nothing but elements
        // whose end tag is optional above it.
        guard let index = stack.lastIndex(where: { $0.name == name || (!$0.isForeign && $0.name == name.lowercased()) }),
              stack[index].scope == currentScope else {
            var hint = "remove it, or open the element before it"
            if stack.contains(where: { $0.name == name }) {
                hint = "the <\(name)> was opened outside this \(scopeName): an HTML block that wraps Markdown must start and end on lines of their own, with blank lines around the Markdown"
            }
            diagnostics.append(.error(.rawHtml, "</\(name)> closes nothing: no <\(name)> is open here", at: location,
                                      hint: hint))
            return ""
        }
        var out = ""
        while stack.count > index + 1 {
            let top = stack.removeLast()
            if !HTMLVocabulary.optionalEnd.contains(top.name) || top.isForeign {
                diagnostics.append(.error(.rawHtml, "</\(name)> closes <\(name)> while the <\(top.name)> inside it is still open",
                                          at: location, hint: "close <\(top.name)> first",
                                          notes: [.init("<\(top.name)> opened here", at: top.location)]))
            }
            out += "</\(top.name)>"
        }
        let element = stack.removeLast()
        return out + "</\(element.name)>"
    }

    private var scopeName: String {
        if case .inline(let name) = scopes[currentScope] { return name.replacingOccurrencesOfArticle() }
        return "block"
    }

    private mutating func report(notClosed element: OpenElement) {
        let hint = element.selfClosedByMistake
            ? "<\(element.name)/> does not close itself in HTML: write <\(element.name)></\(element.name)>"
            : "add </\(element.name)> where the element ends"
        let place: String
        if case .inline(let name) = scopes[element.scope] { place = "before the end of \(name)" } else { place = "" }
        diagnostics.append(.error(.rawHtml, "<\(element.name)> is never closed\(place.isEmpty ? "" : " " + place)",
                                  at: element.location, hint: hint))
    }

    // MARK: - Text and entities

    /// Text (or an attribute value) as XML: named references become numeric ones, a bare `&`
    /// becomes `&amp;`, `<` becomes `&lt;` (and `"` becomes `&quot;` in attributes).
    private mutating func xmlText(_ text: String, at offset: Int, locator: FragmentLocator, inAttribute: Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || (inAttribute && $0 == UInt8(ascii: "\"")) || $0 == UInt8(ascii: ">") }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where inAttribute: out += Array("&quot;".utf8)
            case UInt8(ascii: "&"):
                let (replacement, consumed) = reference(in: bytes, at: index, offset: offset, locator: locator)
                out += Array(replacement.utf8)
                index += consumed
                continue
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The XML form of the character reference starting at `bytes[index]` and its length.
    private mutating func reference(in bytes: [UInt8], at index: Int, offset: Int, locator: FragmentLocator) -> (String, Int) {
        var cursor = index + 1
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
            if hex { cursor += 1 }
            let digitsStart = cursor
            while cursor < bytes.count, Self.isDigit(bytes[cursor], hex: hex) { cursor += 1 }
            let digits = String(decoding: bytes[digitsStart..<cursor], as: UTF8.self)
            guard !digits.isEmpty, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") else {
                return ("&amp;", 1)
            }
            let length = cursor + 1 - index
            if let value = UInt32(digits, radix: hex ? 16 : 10), Self.isXMLCharacter(value) {
                return ("&#\(value);", length)
            }
            diagnostics.append(.error(.htmlEntity, "'\(String(decoding: bytes[index..<cursor + 1], as: UTF8.self))' is not a character that a page may contain",
                                      at: locator.location(offset + index, length: length)))
            return ("", length)
        }
        while cursor < bytes.count, Self.isAlphanumeric(bytes[cursor]) { cursor += 1 }
        let name = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
        guard !name.isEmpty else { return ("&amp;", 1) }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") {
            let length = cursor + 1 - index
            if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return ("&\(name);", length) }
            if let numeric = HTMLEntities.numeric[name] { return (numeric, length) }
            diagnostics.append(.error(.htmlEntity, "'&\(name);' is not an HTML character reference",
                                      at: locator.location(offset + index, length: length),
                                      hint: NearestName.suggestion(for: name, among: HTMLEntities.numeric.keys).map { "did you mean '&\($0);'?" }
                                        ?? "write '&amp;' for an ampersand"))
            return ("", length)
        }
        if HTMLEntities.legacy.contains(name) {
            diagnostics.append(.error(.htmlEntity, "'&\(name)' needs a semicolon: '&\(name);'",
                                      at: locator.location(offset + index, length: name.utf8.count + 1)))
            return (HTMLEntities.numeric[name] ?? "", name.utf8.count + 1)
        }
        return ("&amp;", 1)
    }

    // MARK: - Character classes

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= 48 && byte <= 57) || (hex && ((byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// Characters XML 1.0 allows.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    /// An XML name (letters, digits, `-`, `_`, `.`, `:`; not starting with a digit, `-` or `.`).
    static func isXMLName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isAlphabetic(first) || first == "_" || first == ":" else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            isAlphabetic($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":"
        }
    }

    /// Unicode's Alphabetic property; an ASCII scalar (nearly every one in a name) is answered
    /// without the property tables: only A–Z and a–z are alphabetic there.
    @inline(__always)
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let folded = scalar.value | 0x20
        return folded >= 0x61 && folded <= 0x7A
    }
}

private extension String {
    /// "a paragraph" → "paragraph".
    func replacingOccurrencesOfArticle() -> String {
        for article in ["a ", "an ", "the "] where hasPrefix(article) { return String(dropFirst(article.count)) }
        return self
    }
}
