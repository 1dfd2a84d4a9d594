/// A readable, indented dump of a document tree, one node per line with its position:
/// the debug view of the parse stage (`playbook dump --stage parse`) and a test oracle.
extension Document {
    /// The dump text, ending with a newline.
    public func dump() -> String {
        var out = ""
        for block in blocks { Self.dump(block, indent: 0, into: &out) }
        return out
    }

    private static func pad(_ indent: Int) -> String { String(repeating: "  ", count: indent) }

    private static func at(_ position: SourcePosition) -> String { "@\(position.line):\(position.column)" }

    private static func dump(_ block: Block, indent: Int, into out: inout String) {
        let p = pad(indent)
        switch block {
        case .paragraph(let inlines):
            out += "\(p)paragraph\n"
            dump(inlines, indent: indent + 1, into: &out)
        case .heading(let heading):
            var line = "\(p)heading \(heading.level) \(at(heading.position))"
            if let id = heading.explicitAnchor { line += " {#\(id)}" }
            if let anchor = heading.anchor { line += " id=\(anchor)" }
            out += line + "\n"
            dump(heading.content, indent: indent + 1, into: &out)
        case .blockQuote(let blocks):
            out += "\(p)blockquote\n"
            for child in blocks { dump(child, indent: indent + 1, into: &out) }
        case .list(let list):
            switch list.kind {
            case .bullet: out += "\(p)list bullet\(list.isTight ? " tight" : "")\n"
            case .ordered(let start): out += "\(p)list ordered start=\(start)\(list.isTight ? " tight" : "")\n"
            }
            for item in list.items {
                out += "\(p)  item\n"
                for child in item { dump(child, indent: indent + 2, into: &out) }
            }
        case .codeBlock(let code):
            out += "\(p)code \(at(code.position)) info=\(quoted(code.info)) \(quoted(code.code))\n"
        case .html(let html):
            out += "\(p)html \(at(html.position)) \(quoted(html.html))\n"
        case .thematicBreak:
            out += "\(p)thematic-break\n"
        case .computed(let block):
            out += "\(p)computed \(at(block.position)) template=\(quoted(block.template))\n"
        case .table(let table):
            out += "\(p)table \(at(table.position)) align=\(table.alignments.map(\.rawValue).joined(separator: ","))\n"
            out += "\(p)  header\n"
            for cell in table.header {
                out += "\(p)    cell\n"
                dump(cell, indent: indent + 3, into: &out)
            }
            for row in table.rows {
                out += "\(p)  row\n"
                for cell in row {
                    out += "\(p)    cell\n"
                    dump(cell, indent: indent + 3, into: &out)
                }
            }
        }
    }

    private static func dump(_ inlines: [Inline], indent: Int, into out: inout String) {
        let p = pad(indent)
        for inline in inlines {
            switch inline {
            case .text(let text): out += "\(p)text \(quoted(text))\n"
            case .softBreak: out += "\(p)softbreak\n"
            case .lineBreak: out += "\(p)linebreak\n"
            case .code(let code): out += "\(p)code \(quoted(code))\n"
            case .html(let html): out += "\(p)html \(at(html.position)) \(quoted(html.html))\n"
            case .emphasis(let children):
                out += "\(p)emphasis\n"
                dump(children, indent: indent + 1, into: &out)
            case .strong(let children):
                out += "\(p)strong\n"
                dump(children, indent: indent + 1, into: &out)
            case .link(let link):
                out += "\(p)link \(at(link.position)) \(quoted(link.destination))"
                    + (link.title.isEmpty ? "" : " title=\(quoted(link.title))") + "\n"
                dump(link.content, indent: indent + 1, into: &out)
            case .image(let image):
                out += "\(p)image \(at(image.position)) \(quoted(image.source))"
                    + (image.title.isEmpty ? "" : " title=\(quoted(image.title))") + "\n"
                dump(image.alt, indent: indent + 1, into: &out)
            }
        }
    }

    /// A string as JSON writes it, so that a dump shows every control character.
    private static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }
}
