/// HTML for the site, or XHTML (well-formed XML) for EPUB.
public enum MarkupFlavor: Sendable {
    /// HTML5 as served on the web: `<br>`, author HTML exactly as written.
    case html
    /// XHTML for EPUB: `<br/>`, author HTML in its rewritten well-formed form.
    case xhtml

    /// How a void element ends: `>` or `/>`.
    var voidEnd: String { self == .html ? ">" : "/>" }
}
