import PlaybookCore
import PlaybookTemplates
import PlaybookXHTML

/// The markup of a computed block: its template's output for the site, and its output for the
/// EPUB — the same template, its value with `epub` set (so that a chart's data is a plain table
/// there, where many readers show no `<details>`) — made well-formed XHTML by the rewriter that
/// handles authors' raw HTML. A template
/// of the user's that writes markup that cannot be repaired is a diagnostic, never a broken EPUB.
enum ComputedMarkup {
    /// The HTML and XHTML of `block`, which stands at its position in `chapter`.
    static func render(_ block: ComputedBlock, templates: TemplateLibrary, chapter: SourceFile)
        -> (html: String, xhtml: String, diagnostics: [Diagnostic]) {
        let html = templates.render(block.template, block.templateValue)
        var epubValue = block.templateValue
        if case .object(var fields) = epubValue {
            fields["epub"] = .flag(true)
            epubValue = .object(fields)
        }
        let epubHTML = epubValue == block.templateValue ? html : templates.render(block.template, epubValue)
        // Problems are located in the template's output, named after the template and the block.
        let output = SourceFile(path: "templates/\(block.template).mustache (its output for \(chapter.path) line \(block.position.line))",
                                text: epubHTML)
        var rewriter = RawHTMLRewriter(file: output)
        let xhtml = rewriter.rewrite(RawHTML(html: epubHTML, position: SourcePosition(line: 1, column: 1))) + rewriter.finish()
        return (html, xhtml, rewriter.diagnostics)
    }
}
