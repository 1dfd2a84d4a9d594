import PlaybookCore

/// Writes `package.opf`: metadata (title, creators, language, dates, identifier, series,
/// accessibility), the manifest and the spine.
struct PackageDocument {
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
    }

    let settings: SeriesSettings
    let book: ResolvedBook
    let identifier: String
    let modified: Timestamp
    let accessibility: AccessibilityMetadata
    /// Manifest items in order.
    let items: [Item]
    /// Spine item ids in reading order.
    let spine: [String]

    var xml: String {
        let language = book.settings.language ?? settings.language
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(attr(language))">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="pub-id">\(text(identifier))</dc:identifier>
        <dc:title id="title">\(text(book.settings.title))</dc:title>
        <meta refines="#title" property="title-type">main</meta>

        """
        if let subtitle = book.settings.subtitle {
            out += "<dc:title id=\"subtitle\">\(text(subtitle))</dc:title>\n"
            out += "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n"
        }
        out += "<dc:language>\(text(language))</dc:language>\n"
        for (index, author) in book.settings.authors.enumerated() {
            out += "<dc:creator id=\"creator-\(index + 1)\">\(text(author))</dc:creator>\n"
            out += "<meta refines=\"#creator-\(index + 1)\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
        }
        out += "<dc:date>\(book.settings.date.dateString)</dc:date>\n"
        if let publisher = settings.publisher { out += "<dc:publisher>\(text(publisher))</dc:publisher>\n" }
        if let rights = settings.rights { out += "<dc:rights>\(text(rights))</dc:rights>\n" }
        if let description = book.settings.description ?? settings.description {
            out += "<dc:description>\(text(description))</dc:description>\n"
        }
        out += "<meta property=\"dcterms:modified\">\(modified.iso8601)</meta>\n"
        if book.isInSeries {
            out += "<meta property=\"belongs-to-collection\" id=\"series\">\(text(settings.title))</meta>\n"
            out += "<meta refines=\"#series\" property=\"collection-type\">series</meta>\n"
            out += "<meta refines=\"#series\" property=\"group-position\">\(book.position)</meta>\n"
        }
        for mode in accessibility.accessModes { out += "<meta property=\"schema:accessMode\">\(mode)</meta>\n" }
        for mode in accessibility.sufficientModes { out += "<meta property=\"schema:accessModeSufficient\">\(mode)</meta>\n" }
        for feature in accessibility.features { out += "<meta property=\"schema:accessibilityFeature\">\(feature)</meta>\n" }
        for hazard in accessibility.hazards { out += "<meta property=\"schema:accessibilityHazard\">\(hazard)</meta>\n" }
        out += "<meta property=\"schema:accessibilitySummary\">\(text(accessibility.summary))</meta>\n"
        out += "<meta name=\"cover\" content=\"cover-image\"/>\n"
        out += "</metadata>\n<manifest>\n"
        for item in items {
            out += "<item id=\"\(attr(item.id))\" href=\"\(attr(item.href))\" media-type=\"\(attr(item.mediaType))\""
            if let properties = item.properties { out += " properties=\"\(attr(properties))\"" }
            out += "/>\n"
        }
        out += "</manifest>\n<spine toc=\"ncx\">\n"
        for id in spine { out += "<itemref idref=\"\(attr(id))\"/>\n" }
        out += "</spine>\n</package>\n"
        return out
    }

    private func text(_ value: String) -> String { XMLEscaping.text(value) }
    private func attr(_ value: String) -> String { XMLEscaping.attribute(value) }
}
