/// A readable, indented dump of a document tree, one node per line with its position:
/// the debug view of the parse stage (`playbook dump --stage parse`) and a test oracle.
extension DocumentOf where Stage == Parsed {
    /// The dump text, ending with a newline.
    public func dump() -> String {
        var dumper = DocumentDumper()
        dumper.visit(self)
        return dumper.out
    }
}

/// Writes one line per node, children indented below their parent.
private struct DocumentDumper: DocumentVisitor {
    var out = ""
    var indent = 0

    private var pad: String { String(repeating: "  ", count: indent) }

    private func at(_ position: SourcePosition) -> String { "@\(position.line):\(position.column)" }

    /// A string as JSON writes it, so that a dump shows every control character.
    private func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }

    /// Writes one line at the current depth.
    private mutating func line(_ line: String) {
        out += pad + line + "\n"
    }

    private mutating func nested(_ body: (inout DocumentDumper) -> Void) {
        indent += 1
        body(&self)
        indent -= 1
    }

    mutating func visit(_ block: Block) {
        switch block {
        case .paragraph:
            line("paragraph")
            nested { $0.visitChildren(of: block) }
        case .heading(let heading):
            line("heading \(heading.level) \(at(heading.position))" + (heading.explicitAnchor.map { " {#\($0)}" } ?? ""))
            nested { $0.visitChildren(of: block) }
        case .blockQuote:
            line("blockquote")
            nested { $0.visitChildren(of: block) }
        case .list(let list):
            switch list.kind {
            case .bullet: line("list bullet\(list.isTight ? " tight" : "")")
            case .ordered(let start): line("list ordered start=\(start)\(list.isTight ? " tight" : "")")
            }
            nested { dumper in
                for item in list.items {
                    dumper.line("item")
                    dumper.nested { $0.visit(item) }
                }
            }
        case .codeBlock(let code):
            line("code \(at(code.position)) info=\(quoted(code.info)) \(quoted(code.code))")
        case .html(let html):
            line("html \(at(html.position)) \(quoted(html.html))")
        case .thematicBreak:
            line("thematic-break")
        case .computed(let block):
            line("computed \(at(block.position)) template=\(quoted(block.template))" + (block.label.map { " label=\($0)" } ?? ""))
        case .conditional(let conditional):
            line("conditional \(at(conditional.position))")
            nested { dumper in
                for branch in conditional.branches {
                    let kind = branch.condition.map { "if \(dumper.at($0.position)) \(dumper.quoted($0.text))" } ?? "else"
                    dumper.line(kind + " lines=\(branch.firstLine)-\(branch.lastLine)")
                    dumper.nested { $0.visit(branch.blocks) }
                }
            }
        case .table(let table):
            line("table \(at(table.position)) align=\(table.alignments.map(\.rawValue).joined(separator: ","))")
            nested { dumper in
                dumper.line("header")
                dumper.nested { $0.cells(table.header) }
                for row in table.rows {
                    dumper.line("row")
                    dumper.nested { $0.cells(row) }
                }
                if let caption = table.caption {
                    dumper.line("caption \(dumper.at(caption.position))" + (caption.label.map { " {#\($0)}" } ?? ""))
                    dumper.nested { $0.visit(caption.content) }
                }
            }
        case .callout(let callout):
            line("callout \(callout.kind.rawValue) \(at(callout.position))")
            nested { dumper in
                if !callout.title.isEmpty {
                    dumper.line("title")
                    dumper.nested { $0.visit(callout.title) }
                }
                dumper.visit(callout.blocks)
            }
        case .figure(let figure):
            line("figure {#\(figure.label)}")
            nested { $0.visitChildren(of: block) }
        case .footnote(let footnote):
            line("footnote \(quoted(footnote.label)) \(at(footnote.position))")
            nested { $0.visitChildren(of: block) }
        }
    }

    private mutating func cells(_ cells: [[Inline]]) {
        for cell in cells {
            line("cell")
            nested { $0.visit(cell) }
        }
    }

    mutating func visit(_ inline: Inline) {
        switch inline {
        case .text(let text): line("text \(quoted(text))")
        case .softBreak: line("softbreak")
        case .lineBreak: line("linebreak")
        case .code(let code): line("code \(quoted(code))")
        case .html(let html): line("html \(at(html.position)) \(quoted(html.html))")
        case .emphasis: line("emphasis")
        case .strong: line("strong")
        case .link(let link):
            line("link \(at(link.position)) \(quoted(link.destination))" + (link.title.isEmpty ? "" : " title=\(quoted(link.title))"))
        case .image(let image):
            line("image \(at(image.position)) \(quoted(image.source))" + (image.title.isEmpty ? "" : " title=\(quoted(image.title))"))
        case .footnoteReference(let reference): line("footnote-ref \(at(reference.position)) \(quoted(reference.label))")
        case .crossReference(let reference): line("cross-ref \(at(reference.position)) \(quoted(reference.label))")
        }
        nested { $0.visitChildren(of: inline) }
    }
}
