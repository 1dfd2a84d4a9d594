import Foundation
import PlaybookCore
import PlaybookTemplates

/// A book's cover as a page of 600 × 900 CSS pixels, for Chromium to take a picture of:
/// `site/<book>/cover.png`, the image OpenGraph and Twitter cards show. The drawn cover
/// (`templates/epub/cover-image`) inline, or the book's own cover image filling the page.
package enum CoverPicture {
    /// The picture's width and height in pixels: the drawn cover's own 2:3.
    package static let width = 600, height = 900

    /// Where the picture of `book`'s cover is written in the output folder.
    package static func path(_ book: ResolvedBook) -> String { "site/\(book.slug)/cover.png" }

    /// The page showing the cover of the `index`th book of `series`.
    package static func page(series: RenderedSeries, book index: Int) -> String {
        let publication = series.publication
        let book = publication.books[index]
        let picture: String
        if let coverPath = book.settings.cover, let asset = book.assets.first(where: { $0.path == coverPath }) {
            let uri = "data:\(EPUBPaths.mediaType(of: coverPath));base64," + Data(asset.bytes).base64EncodedString()
            picture = "<img src=\"\(XMLEscaping.attribute(uri))\" alt=\"\">"
        } else {
            var svg = series.templates.render("epub/cover-image", CoverContext(publication: publication, book: book).value)
            // Inline in HTML, the drawing needs no XML declaration.
            if svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") { svg = String(svg[end.upperBound...]) }
            picture = svg
        }
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Cover</title><style>
        html, body { margin: 0; padding: 0; width: \(width)px; height: \(height)px; overflow: hidden; background: #fff; }
        svg, img { display: block; width: \(width)px; height: \(height)px; object-fit: cover; }
        </style></head><body>\(picture)</body></html>
        """
    }
}
