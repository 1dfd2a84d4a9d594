import PlaybookCore

/// The render stage: the site and every book's EPUB, side by side.
public enum RenderStage {
    /// Renders the publication. Two outputs claiming the same path (a file in `site/` named
    /// like a generated page) are reported.
    public static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?)
        async -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        let site = SiteRenderer(publication: publication, templates: loaded.templates, staticFiles: loaded.staticFiles)
        let epub = EPUBRenderer(publication: publication, templates: loaded.templates, stylesheet: loaded.epubStylesheet,
                                sourceDate: sourceDate)
        async let siteFiles = site.render()
        let epubs = await publication.books.concurrentMap { epub.render($0) }
        let files = await siteFiles
        var diagnostics: [Diagnostic] = []
        var seen: [String: OutputFile] = [:]
        for file in files {
            if let first = seen[file.path] {
                let culprit = [first, file].compactMap { if case .copy(let from) = $0.content { return from } else { return nil } }.first
                diagnostics.append(.error("output-clash", "two files would be written to \(file.path)",
                                          at: culprit.map { SourceLocation.file($0) },
                                          hint: "rename \(culprit ?? "one of them"): its name is taken by a page Playbook makes"))
            } else {
                seen[file.path] = file
            }
        }
        return (RenderedOutput(files: files, epubs: epubs), diagnostics)
    }
}
