import PlaybookCore
import PlaybookTemplates
import PlaybookXHTML

/// The markup of a computed block: its template's output for the site, and the same made
/// well-formed XHTML for the EPUB by the rewriter that handles authors' raw HTML. A template
/// of the user's that writes markup that cannot be repaired is a diagnostic, never a broken EPUB.
enum ComputedMarkup {
    /// The HTML and XHTML of `block`, which stands at its position in `chapter`.
    static func render(_ block: ComputedBlock, templates: TemplateLibrary, chapter: SourceFile)
        -> (html: String, xhtml: String, diagnostics: [Diagnostic]) {
        var value = block.templateValue
        // A numbered block: its caption starts with its number, and its label is its id.
        if let number = block.number, let label = block.label, case .object(var fields) = value {
            if case .text(let caption)? = fields["caption"] { fields["caption"] = .text(number + ": " + caption) }
            value = .object(fields)
            let inner = templates.render(block.template, value)
            let html = "<div class=\"numbered\" id=\"" + XMLEscaping.attribute(label) + "\">\n" + inner
                + (inner.hasSuffix("\n") ? "" : "\n") + "</div>\n"
            return rewritten(html, block: block, chapter: chapter)
        }
        let html = templates.render(block.template, value)
        return rewritten(html, block: block, chapter: chapter)
    }

    /// The HTML with its XHTML form and what cannot be repaired in it.
    private static func rewritten(_ html: String, block: ComputedBlock, chapter: SourceFile)
        -> (html: String, xhtml: String, diagnostics: [Diagnostic]) {
        // Problems are located in the template's output, named after the template and the block.
        let output = SourceFile(path: "templates/\(block.template).mustache (its output for \(chapter.path) line \(block.position.line))",
                                text: html)
        var rewriter = RawHTMLRewriter(file: output)
        let xhtml = rewriter.rewrite(RawHTML(html: html, position: SourcePosition(line: 1, column: 1))) + rewriter.finish()
        return (html, xhtml, rewriter.diagnostics)
    }
}
