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

        init(_ chapter: ResolvedChapter) {
            var counter = Counter()
            counter.visit(chapter.document)
            self = counter.counts
        }

        private init() {}

        /// Counts tables and images without alternative text, however deeply nested.
        private struct Counter: DocumentVisitor {
            var counts = Counts()

            mutating func visit(_ block: ResolvedBlock) {
                if case .table = block { counts.tables += 1 }
                visitChildren(of: block)
            }

            mutating func visit(_ inline: ResolvedInline) {
                if case .image(let image) = inline, ResolvedInline.plainText(image.alt).trimmingSpaces().isEmpty {
                    counts.imagesWithoutText += 1
                }
                visitChildren(of: inline)
            }
        }
    }

    init(book: ResolvedBook, imageCount: Int) {
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
