import PlaybookCore

/// The schema.org accessibility metadata of a book, worked out from what the book contains
/// so that every statement is true of it.
struct AccessibilityMetadata: Equatable {
    var accessModes: [String]
    var sufficientModes: [String]
    var features: [String]
    var hazards: [String]
    var summary: String

    /// What a chapter adds to the summary: images without a text alternative, and tables.
    struct Counts: Sendable, Equatable {
        var imagesWithoutText = 0
        var tables = 0

        init(_ chapter: Chapter) {
            chapter.document.forEachInline { inline in
                if case .image(let image) = inline, Inline.plainText(image.alt).trimmingSpaces().isEmpty {
                    imagesWithoutText += 1
                }
            }
            chapter.document.forEachBlock { block in
                if case .table = block { tables += 1 }
            }
        }
    }

    init(book: Book, imageCount: Int) {
        self.init(counts: book.chapters.map(Counts.init), imageCount: imageCount)
    }

    /// The metadata from each chapter's counts.
    init(counts: [Counts], imageCount: Int) {
        let imagesWithoutText = counts.reduce(0) { $0 + $1.imagesWithoutText }
        let tables = counts.reduce(0) { $0 + $1.tables }
        let hasImages = imageCount > 0
        accessModes = hasImages ? ["textual", "visual"] : ["textual"]
        sufficientModes = imagesWithoutText == 0 ? ["textual"] : ["textual,visual"]
        features = ["displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents"]
        if hasImages, imagesWithoutText == 0 { features.insert("alternativeText", at: 0) }
        hazards = ["none"]
        var sentences = ["This book is reflowable text with a table of contents and headings for navigation."]
        if hasImages {
            sentences.append(imagesWithoutText == 0
                ? "Every image has a text alternative."
                : "\(imagesWithoutText) image\(imagesWithoutText == 1 ? " has" : "s have") no text alternative.")
        }
        if tables > 0 { sentences.append("Data tables have header cells.") }
        sentences.append("It contains no flashing, motion or sound hazards.")
        summary = sentences.joined(separator: " ")
    }
}

extension Document {
    /// Calls `body` for every block, in document order, however deeply nested.
    func forEachBlock(_ body: (Block) -> Void) {
        func visit(_ blocks: [Block]) {
            for block in blocks {
                body(block)
                switch block {
                case .blockQuote(let children): visit(children)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
    }

    /// Calls `body` for every inline, in document order, however deeply nested.
    func forEachInline(_ body: (Inline) -> Void) {
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                body(inline)
                switch inline {
                case .emphasis(let children), .strong(let children): visit(children)
                case .link(let link): visit(link.content)
                default: break
                }
            }
        }
        forEachBlock { block in
            switch block {
            case .paragraph(let inlines): visit(inlines)
            case .heading(let heading): visit(heading.content)
            case .table(let table):
                table.header.forEach(visit)
                table.rows.forEach { $0.forEach(visit) }
            default: break
            }
        }
    }
}
