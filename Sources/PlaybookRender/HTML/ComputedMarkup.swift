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
        var value = block.templateValue
        var prefix = "", suffix = ""
        // A numbered block: its caption starts with its number, and its label is its id.
        if let number = block.number, let label = block.label, case .object(var fields) = value {
            if case .text(let caption)? = fields["caption"] { fields["caption"] = .text(number + ": " + caption) }
            value = .object(fields)
            prefix = "<div class=\"numbered\" id=\"" + XMLEscaping.attribute(label) + "\">\n"
            suffix = "</div>\n"
        }
        let inner = templates.render(block.template, value)
        // The EPUB's form: the template sees `epub` (a chart's data as a plain table, not in
        // <details>). Only a template that may read `epub` is rendered twice (of the built-in
        // ones, blocks/chart): for any other the output cannot differ.
        var epubInner = inner
        if case .object(var fields) = value, templates.mayRead("epub", in: block.template), fields["epub"] != .flag(true) {
            fields["epub"] = .flag(true)
            epubInner = templates.render(block.template, .object(fields))
        }
        func wrapped(_ text: String) -> String {
            prefix.isEmpty ? text : prefix + text + (text.hasSuffix("\n") ? "" : "\n") + suffix
        }
        let html = wrapped(inner)
        let epubHTML = wrapped(epubInner)
        // Problems are located in the template's output, named after the template and the block.
        let output = SourceFile(path: "templates/\(block.template).mustache (its output for \(chapter.path) line \(block.position.line))",
                                text: epubHTML)
        var rewriter = RawHTMLRewriter(file: output)
        let xhtml = rewriter.rewrite(RawHTML(html: epubHTML, position: SourcePosition(line: 1, column: 1))) + rewriter.finish()
        return (html, xhtml, rewriter.diagnostics)
    }
}
