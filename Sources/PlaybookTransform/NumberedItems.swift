import PlaybookCore

/// The numbered tables and figures of a chapter, in document order: pipe tables with a
/// caption, figures, and computed blocks with a `label:`. The transform collects them from each
/// prepared chapter and numbers them per book (``BookNumbers``).
struct NumberedItem: Sendable, Equatable {
    /// A table or a figure.
    var kind: NumberedKind
    /// The label (the element's id), if the author wrote one.
    var label: String?
    /// Where the item is: what the resolver looks its number up by.
    var position: SourcePosition
    /// Where the label is written, for diagnostics.
    var labelLocation: SourceLocation?

    /// The numbered items of `document` (in `file`).
    static func collect(_ document: Document, file: SourceFile) -> [NumberedItem] {
        var collector = Collector(file: file)
        collector.visit(document)
        return collector.items
    }

    private struct Collector: DocumentVisitor {
        typealias Stage = Parsed
        let file: SourceFile
        var items: [NumberedItem] = []

        mutating func visit(_ block: Block) {
            switch block {
            case .table(let table):
                if let caption = table.caption {
                    items.append(NumberedItem(kind: .table, label: caption.label, position: table.position,
                                              labelLocation: caption.label.map { location(of: $0, from: caption.position) }))
                }
            case .figure(let figure):
                items.append(NumberedItem(kind: .figure, label: figure.label, position: figure.image.position,
                                          labelLocation: location(of: figure.label, from: figure.image.position)))
            case .computed(let computed):
                if let label = computed.label, let kind = NumberedKind(label: label) {
                    // The label's value, on a line of the fence after its first.
                    let at = file.location(ofOccurrence: 0, of: label, from: computed.position.line + 1)
                    items.append(NumberedItem(kind: kind, label: label, position: computed.position,
                                              labelLocation: at ?? file.location(line: computed.position.line, firstOccurrenceOf: "playbook")))
                }
            default:
                visitChildren(of: block)
            }
        }

        private func location(of label: String, from position: SourcePosition) -> SourceLocation {
            file.location(line: position.line, column: position.column, spanning: "{#\(label)}")
        }
    }
}

/// The numbers of a book's tables and figures: "Table <chapter>.<n>", counted per chapter and
/// kind, the chapter being its place in the book (or in the report).
struct BookNumbers: Sendable, Equatable {
    /// What a label names.
    struct Entry: Sendable, Equatable {
        /// The slug of the chapter the element is in.
        var chapter: String
        /// A table or a figure.
        var kind: NumberedKind
        /// "Table 3.2" (with a no-break space).
        var text: String
    }

    /// Each chapter's numbers by the position of the item.
    var chapters: [String: [SourcePosition: String]] = [:]
    /// Every label of the book.
    var labels: [String: Entry] = [:]

    /// Numbers the items of each chapter (`chapters`: slug and items, in book order), and
    /// reports a label used twice in the book.
    static func number(_ chapters: [(slug: String, items: [NumberedItem])]) -> (BookNumbers, [Diagnostic]) {
        var numbers = BookNumbers()
        var diagnostics: [Diagnostic] = []
        var firstAt: [String: SourceLocation] = [:]
        for (index, chapter) in chapters.enumerated() {
            var counts: [NumberedKind: Int] = [:]
            var mine: [SourcePosition: String] = [:]
            for item in chapter.items {
                let count = counts[item.kind, default: 0] + 1
                counts[item.kind] = count
                // A no-break space keeps "Table 3.2" on one line.
                let text = "\(item.kind.word)\u{00A0}\(index + 1).\(count)"
                mine[item.position] = text
                guard let label = item.label else { continue }
                if let first = firstAt[label] {
                    if let at = item.labelLocation {
                        diagnostics.append(.error(.labelDuplicate, "the label '\(label)' is used twice in this book", at: at,
                                                  hint: "labels name one table or figure of the book: give this one another",
                                                  notes: [.init("first used here", at: first)]))
                    }
                    continue
                }
                if let at = item.labelLocation { firstAt[label] = at }
                numbers.labels[label] = Entry(chapter: chapter.slug, kind: item.kind, text: text)
            }
            numbers.chapters[chapter.slug] = mine
        }
        return (numbers, diagnostics)
    }
}
