import PlaybookCore
import PlaybookTemplates
import PlaybookXHTML

/// The markup of a callout: `templates/callout.mustache` with its kind, label and content.
/// The template's own markup is made well-formed XHTML for the EPUB by the rewriter that
/// handles authors' raw HTML, with a placeholder standing for the content (which is XHTML
/// already), so a user's template that cannot be repaired is a diagnostic, never a broken EPUB.
enum CalloutMarkup {
    /// Stands for the content while the template's markup is rewritten.
    private static let placeholder = "PLAYBOOK-CALLOUT-CONTENT"

    /// The callout through the template, with what is wrong in the template's XHTML.
    static func render(kind: CalloutKind, label: String, content: DocumentRenderer.Output, templates: TemplateLibrary,
                       chapter: SourceFile, at position: SourcePosition) -> (html: String, xhtml: String, diagnostics: [Diagnostic]) {
        let value: TemplateValue = ["kind": .text(kind.rawValue), "label": .text(label), "content": .markup(placeholder)]
        let shell = templates.render("callout", value)
        let output = SourceFile(path: "templates/callout.mustache (its output for \(chapter.path) line \(position.line))", text: shell)
        var rewriter = RawHTMLRewriter(file: output)
        let xhtmlShell = rewriter.rewrite(RawHTML(html: shell, position: SourcePosition(line: 1, column: 1))) + rewriter.finish()
        // The content ends with a line break, and so does the template's line holding it.
        func trimmed(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
        return (shell.replacing(placeholder, with: trimmed(content.html)), xhtmlShell.replacing(placeholder, with: trimmed(content.xhtml)),
                rewriter.diagnostics)
    }

    /// The callout without a template (the renderer's default, for tests that give none).
    static func plain(kind: CalloutKind, label: String, content: DocumentRenderer.Output)
        -> (html: String, xhtml: String, diagnostics: [Diagnostic]) {
        let open = "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\"\(XMLEscaping.attribute(label))\">\n"
            + "<p class=\"callout-label\">\(XMLEscaping.text(label))</p>\n"
        return (open + content.html + "</aside>\n", open + content.xhtml + "</aside>\n", [])
    }
}
