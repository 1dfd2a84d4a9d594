import PlaybookCore
import PlaybookTemplates
import PlaybookSession

/// The series once its chapters are transformed and their bodies rendered: what each of its
/// renderers starts from.
package struct RenderedSeries: Sendable {
    /// The transformed series.
    package var publication: Publication
    /// The rendered body of each chapter, by book and chapter index.
    package var bodies: [[RenderedBody]]
    /// The templates and the EPUB stylesheet.
    package var templates: TemplateLibrary
    package var epubStylesheet: String
    /// The stylesheet of each book's print page (``BookPrintPage``).
    package var printStylesheet: String
    /// Files of the project's `site/` folder, by path relative to it.
    package var staticFiles: [String]
    /// `SOURCE_DATE_EPOCH`, which replaces every book's `modified` date when set.
    package var sourceDate: Timestamp?
    /// The memo and revisions the renderers' work runs through (the preview server's session).
    package var reuse: RenderReuse
    /// Where the renderers put the big files (chapter pages, EPUB entries and archives, the
    /// search index) as soon as they are made: the run's staging folder, or nothing for
    /// `playbook check`. `nil` keeps every file in the output (the preview server's writer
    /// compares them with its previous build's).
    package var sink: (any OutputSink)?
    /// Each chapter's outline, by book and chapter index, when the publication's documents were
    /// freed after the bodies (``RenderStage``); `nil` when they are kept.
    var outlines: [[ChapterOutline]]?

    /// Empties every body's XHTML (its HTML stays), for a run that has made its EPUBs' pages
    /// and keeps nothing after the render stage.
    mutating func freeXHTMLBodies() {
        for book in bodies.indices {
            for chapter in bodies[book].indices { bodies[book][chapter].xhtml = "" }
        }
    }

    /// Empties every outline's part of the search index, for a run that has written the index.
    mutating func freeSearchEntries() {
        guard var all = outlines else { return }
        outlines = nil  // `all` is then the only reference, emptied in place
        for book in all.indices {
            for chapter in all[book].indices { all[book][chapter].search = "" }
        }
        outlines = all
    }
}

/// What a renderer of the series made: its files and EPUBs, and what went wrong.
package struct SeriesPart: Sendable {
    package var output: RenderedOutput
    package var diagnostics: [Diagnostic]
}

/// The rest of a series renderer's work, which runs at the same time as the other renderers' rest.
package struct SeriesRendering: Sendable {
    /// Finishes the work and returns what it made.
    package let finish: @Sendable () async -> SeriesPart
}

/// Makes one kind of output of the series. Adding an output of the series (a book PDF…) is
/// one renderer and its line in ``SeriesRenderers/all``.
///
/// A renderer's work is in two parts: ``start(_:)`` does the part that spreads over every core
/// (the renderers start one after the other, in the order listed), and returns the rest
/// (``SeriesRendering``), which runs alongside the other renderers' rest — the EPUBs' chapters
/// are made on all cores, then each book is zipped while the site's pages render.
package protocol SeriesRenderer: Sendable {
    /// Does the work that uses every core, and returns the rest.
    func start(_ series: RenderedSeries) async -> SeriesRendering
    /// Whether the site's pages can be shown without this output: the preview server writes
    /// the other outputs first, reloads the pages, and only then runs these
    /// (``RenderStage/runDeferring(_:loaded:sourceDate:downloads:memo:)``).
    var deferrable: Bool { get }
    /// Whether it makes pages from the bodies' XHTML (``RenderedBody/xhtml``): a run that keeps
    /// nothing frees the XHTML once every renderer that reads it has started.
    var readsXHTMLBodies: Bool { get }
    /// Whether it reads the outlines' parts of the search index (``ChapterOutline/search``),
    /// which are freed the same way.
    var readsSearchEntries: Bool { get }
}

extension SeriesRenderer {
    /// A renderer is needed by the pages unless it says otherwise.
    package var deferrable: Bool { false }
    /// A renderer reads the bodies' HTML only, unless it says otherwise.
    package var readsXHTMLBodies: Bool { false }
    /// Only the search index reads the search entries.
    package var readsSearchEntries: Bool { false }
}

/// The outputs of the series.
package enum SeriesRenderers {
    /// One renderer per output kind, in the order they start.
    /// The search index comes first: its work is only joining the parts the bodies' outlines
    /// hold, and a build that keeps nothing frees them before the EPUBs and pages are made.
    package static let all: [any SeriesRenderer] = [SearchIndexSeriesRenderer(), EPUBSeriesRenderer(), SiteSeriesRenderer()]
}

extension SiteRenderer {
    /// The site of `series`, putting its big files into the series' sink.
    init(_ series: RenderedSeries) {
        self.init(publication: series.publication, templates: series.templates, staticFiles: series.staticFiles,
                  bodies: series.bodies, outlines: series.outlines, reuse: series.reuse, sink: series.sink)
    }
}

/// The site (`site/`): ``SiteRenderer``.
struct SiteSeriesRenderer: SeriesRenderer {
    func start(_ series: RenderedSeries) async -> SeriesRendering {
        let site = SiteRenderer(series)
        return SeriesRendering {
            SeriesPart(output: await site.render(), diagnostics: [])
        }
    }
}

/// The site's search index (`site/search-index.js`), which pages load only when searched: made
/// after the pages in the preview.
struct SearchIndexSeriesRenderer: SeriesRenderer {
    var deferrable: Bool { true }
    var readsSearchEntries: Bool { true }

    /// All of its work is done at the start, so that what it reads can be freed at once.
    func start(_ series: RenderedSeries) async -> SeriesRendering {
        let output = await SiteRenderer(series).renderSearchIndex()
        return SeriesRendering {
            SeriesPart(output: output, diagnostics: [])
        }
    }
}

/// Each book's EPUB (`epub/<book>.epub`, and its entries as `xhtml/<book>/`): ``EPUBRenderer``.
/// Every book's entries are made first (each book's chapters on all cores); then the books are
/// zipped, one core each. With a sink, each chapter's entry goes there as it is made, already
/// compressed for the archive, and the rest of each book when it is zipped.
struct EPUBSeriesRenderer: SeriesRenderer {
    var deferrable: Bool { true }
    var readsXHTMLBodies: Bool { true }

    func start(_ series: RenderedSeries) async -> SeriesRendering {
        var epub = EPUBRenderer(publication: series.publication, templates: series.templates, stylesheet: series.epubStylesheet,
                                sourceDate: series.sourceDate, reuse: series.reuse)
        epub.sink = series.sink
        var books: [(slug: String, entries: [EPUBEntry], modified: Timestamp)] = []
        for (index, book) in series.publication.books.enumerated() {
            books.append(await epub.entries(book, bodies: series.bodies[index], outlines: series.outlines?[index]))
        }
        let bookEntries = books, memo = series.reuse.memo, sink = series.sink
        return SeriesRendering {
            let packaged = await withTaskGroup(of: (Int, Result<EPUBPackage, Diagnostic>).self) { group in
                for (index, entries) in bookEntries.enumerated() {
                    group.addTask {
                        do {
                            return (index, .success(try EPUBRenderer.package(entries, memo: memo)))
                        } catch {
                            return (index, .failure(.error(.epubFailed, "the EPUB of '\(entries.slug)' could not be packaged: \(error)", at: nil)))
                        }
                    }
                }
                var results: [(Int, Result<EPUBPackage, Diagnostic>)] = []
                for await result in group { results.append(result) }
                return results.sorted { $0.0 < $1.0 }.map(\.1)
            }
            var part = SeriesPart(output: RenderedOutput(files: [], epubs: []), diagnostics: [])
            for (result, book) in zip(packaged, bookEntries) {
                switch result {
                case .success(let package):
                    guard let sink else {
                        part.output.epubs.append(package)
                        continue
                    }
                    for entry in package.entries {
                        sink.put(OutputFile(path: EPUBPaths.unzipped(entry.path, book: package.slug), content: entry.content))
                    }
                    sink.put(OutputFile(path: EPUBPaths.archive(book: package.slug), content: .bytes(package.archive)))
                    part.output.streamed += book.entries.map { EPUBPaths.unzipped($0.path, book: package.slug) }
                    part.output.streamed.append(EPUBPaths.archive(book: package.slug))
                case .failure(let diagnostic): part.diagnostics.append(diagnostic)
                }
            }
            return part
        }
    }
}
