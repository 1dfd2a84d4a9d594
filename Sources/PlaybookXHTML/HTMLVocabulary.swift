/// What the XHTML rewriter needs to know about HTML elements.
enum HTMLVocabulary {
    /// Elements that never have content or an end tag (`<br>`, `<img>`).
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Elements whose end tag HTML lets authors leave out (`<li>`, `<td>`, `<p>`); the XHTML
    /// rewriter adds it.
    static let optionalEnd: Set<String> = [
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt", "rp",
        "colgroup", "caption",
    ]

    /// Elements that close an open `<p>` when they start, and that cannot sit inside a paragraph.
    static let blockLevel: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu",
        "nav", "ol", "p", "pre", "section", "table", "ul",
    ]

    /// Elements HTML5 has dropped; the Nu checker and EPUBCheck reject them.
    static let obsolete: [String: String] = [
        "acronym": "use <abbr>", "applet": "use <object>", "basefont": "use CSS", "big": "use CSS",
        "blink": "use CSS", "center": "use CSS (text-align: center)", "dir": "use <ul>", "font": "use CSS",
        "frame": "frames are not allowed", "frameset": "frames are not allowed", "isindex": "use a form",
        "marquee": "use CSS", "nobr": "use CSS (white-space: nowrap)", "noframes": "frames are not allowed",
        "strike": "use <s> or <del>", "tt": "use <code> or <kbd>", "xmp": "use <pre>",
    ]

    /// When `opening` starts, which open elements does HTML close first?
    static func closes(_ open: String, whenOpening opening: String) -> Bool {
        switch open {
        case "p": return blockLevel.contains(opening)
        case "li": return opening == "li"
        case "dt", "dd": return opening == "dt" || opening == "dd"
        case "td", "th": return ["td", "th", "tr", "tbody", "thead", "tfoot"].contains(opening)
        case "tr": return ["tr", "tbody", "thead", "tfoot"].contains(opening)
        case "thead", "tbody", "tfoot": return ["tbody", "thead", "tfoot"].contains(opening)
        case "option": return opening == "option" || opening == "optgroup"
        case "optgroup": return opening == "optgroup"
        case "rt", "rp": return opening == "rt" || opening == "rp"
        case "colgroup", "caption": return ["thead", "tbody", "tfoot", "tr", "colgroup"].contains(opening)
        default: return false
        }
    }

    /// The namespace a foreign root element needs in XHTML.
    static let foreignNamespaces: [String: String] = [
        "svg": "http://www.w3.org/2000/svg",
        "math": "http://www.w3.org/1998/Math/MathML",
    ]

    /// Attributes that hold a URL to a file the page uses (checked like Markdown images).
    static let resourceAttributes: [String: Set<String>] = [
        "img": ["src"], "source": ["src"], "video": ["src", "poster"], "audio": ["src"], "track": ["src"],
        "embed": ["src"], "object": ["data"], "iframe": ["src"],
    ]
}
