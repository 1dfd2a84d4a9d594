import PlaybookCore

/// Renders a ``NativeTemplate`` straight from ``TemplateValue``s, to the byte what
/// swift-mustache renders from the same value as ``TemplateLibrary`` used to hand it over
/// (text, markup and numbers as escapable text that is "null" when empty, flags as `Bool`,
/// lists as arrays, objects as parents whose fields are looked up by name).
///
/// It follows swift-mustache's `Template+Render.swift` token by token — the context stack,
/// the position in a list, the indentation of standalone partials, inherited blocks, content
/// types — but pushes and pops one stack instead of copying it per section, looks names up by
/// their parts split at parse time, and appends into one string.
///
/// Transforms: the ones Playbook's values can reach are supported — on a list `count`, `empty`,
/// `first`, `last`; on a number a transform made (`count`, `index`) `equalzero`, `plusone`,
/// `minusone`, `even`, `odd`; in a list `first()`, `last()`, `index()`, `even()`, `odd()`; any
/// other name on any other value gives nothing, as in swift-mustache. Where swift-mustache
/// would print something Playbook never asks for — a list or an object as text (Swift's
/// `description` of its own types), or a `reversed`/`sorted` list — the renderer gives up
/// (`render` returns `nil`) and ``TemplateLibrary`` renders that call with swift-mustache.
struct NativeRenderer {
    /// A value on the context stack.
    enum Item {
        /// A value Playbook handed over.
        case value(TemplateValue)
        /// A number a transform made (`count`, `index`): unlike a ``TemplateValue/number(_:)``,
        /// it takes further transforms.
        case integer(Int)
    }

    /// The position in the list being iterated, for `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What swift-mustache keeps in its context besides the stack.
    struct Frame {
        var contentType: NativeContentType = .html
        var sequence: SequencePosition?
        var indentation: String?
        var overrides: [String: [NativeNode]]?
    }

    /// The templates partials name.
    let templates: [String: NativeTemplate]
    /// Templates swift-mustache has that are not in `templates`: a partial naming one gives up.
    let unported: Set<String>
    /// What has been rendered.
    private(set) var output = ""
    /// Whether the renderer met something it leaves to swift-mustache.
    private(set) var gaveUp = false
    private var stack: [Item] = []

    /// A renderer that resolves partials in `templates`.
    init(templates: [String: NativeTemplate], unported: Set<String>) {
        self.templates = templates
        self.unported = unported
    }

    /// `template` rendered with `value`, or `nil` where swift-mustache must render it.
    static func render(_ template: NativeTemplate, _ value: TemplateValue, templates: [String: NativeTemplate],
                       unported: Set<String>) -> String? {
        var renderer = NativeRenderer(templates: templates, unported: unported)
        renderer.stack = [.value(value)]
        renderer.render(template.nodes, Frame())
        return renderer.gaveUp ? nil : renderer.output
    }

    // MARK: - Templates and tokens

    /// `MustacheTemplate.render(context:)`: the tokens in turn; inside an indented partial, a
    /// token's output that starts a line is indented.
    private mutating func render(_ nodes: [NativeNode], _ frame: Frame) {
        var frame = frame
        if let indentation = frame.indentation, !indentation.isEmpty {
            let start = output.utf8.count
            for node in nodes {
                let indent = endsWithLineFeed(since: start)
                if indent { output += indentation }
                let mark = output.utf8.count
                render(node, &frame)
                if gaveUp { return }
                if indent, output.utf8.count == mark {
                    output.unicodeScalars.removeLast(indentation.unicodeScalars.count)
                }
            }
        } else {
            for node in nodes {
                render(node, &frame)
                if gaveUp { return }
            }
        }
    }

    /// Whether what was rendered since byte `start` ends with the character `"\n"` (not `"\r\n"`,
    /// which is one character in Swift).
    private func endsWithLineFeed(since start: Int) -> Bool {
        let utf8 = output.utf8
        guard utf8.count > start, let last = utf8.last, last == 0x0A else { return false }
        guard utf8.count - 1 > start else { return true }
        return utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
    }

    private mutating func render(_ node: NativeNode, _ frame: inout Frame) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let item = lookUp(name, frame) else { return }
            print(item, escaped ? frame.contentType : .text)
        case .section(let name, let nodes):
            section(lookUp(name, frame), nodes, frame)
        case .invertedSection(let name, let nodes):
            invertedSection(lookUp(name, frame), nodes, frame)
        case .blockExpansion(let name, let defaultNodes, let indentation):
            var inner = frame
            inner.sequence = nil
            inner.indentation = (frame.indentation ?? "") + indentation
            render(frame.overrides?[name] ?? defaultNodes, inner)
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else {
                // A template swift-mustache has but this renderer could not parse.
                if unported.contains(name) { gaveUp = true }
                return
            }
            var inner = Frame()
            inner.indentation = indentation.map { (frame.indentation ?? "") + $0 } ?? frame.indentation
            if let overrides {
                inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            } else {
                inner.overrides = frame.overrides
            }
            render(template.nodes, inner)
        case .dynamicPartial:
            break
        case .contentType(let contentType):
            frame.contentType = contentType
        case .blockDefinition:
            break  // only ever inside a partial's overrides
        }
    }

    /// `{{#name}}`: a list repeats, a flag shows or hides, empty text hides, anything else
    /// becomes the current value.
    private mutating func section(_ item: Item?, _ nodes: [NativeNode], _ frame: Frame) {
        guard let item else { return }
        switch item {
        case .value(.list(let items)):
            guard !items.isEmpty else { return }
            var inner = frame
            var position = SequencePosition(first: true, last: false, index: 0)
            for (offset, element) in items.enumerated() {
                position.last = offset == items.count - 1
                inner.sequence = position
                stack.append(.value(element))
                render(nodes, inner)
                stack.removeLast()
                if gaveUp { return }
                position.first = false
                position.index += 1
            }
        case .value(.flag(let flag)):
            if flag { render(nodes, frame) }
        case .value(.text(let text)) where text.isEmpty, .value(.markup(let text)) where text.isEmpty:
            return
        default:
            var inner = frame
            inner.sequence = nil
            stack.append(item)
            render(nodes, inner)
            stack.removeLast()
        }
    }

    /// `{{^name}}`: shows for nothing, false, empty text and an empty list (which becomes the
    /// current value).
    private mutating func invertedSection(_ item: Item?, _ nodes: [NativeNode], _ frame: Frame) {
        guard let item else { return render(nodes, frame) }
        switch item {
        case .value(.list(let items)):
            guard items.isEmpty else { return }
            var inner = frame
            inner.sequence = nil
            stack.append(item)
            render(nodes, inner)
            stack.removeLast()
        case .value(.flag(let flag)):
            if !flag { render(nodes, frame) }
        case .value(.text(let text)) where text.isEmpty, .value(.markup(let text)) where text.isEmpty:
            render(nodes, frame)
        default:
            return
        }
    }

    /// `{{name}}` and `{{{name}}}`.
    private mutating func print(_ item: Item, _ contentType: NativeContentType) {
        switch item {
        case .value(.text(let text)), .value(.markup(let text)):
            append(text, contentType)
        case .value(.number(let number)):
            append(String(number), contentType)
        case .integer(let number):
            append(String(number), contentType)
        case .value(.flag(let flag)):
            append(flag ? "true" : "false", contentType)
        case .value(.list), .value(.object):
            gaveUp = true  // Swift's description of swift-mustache's wrappers
        }
    }

    private mutating func append(_ text: String, _ contentType: NativeContentType) {
        switch contentType {
        case .text: output += text
        case .playbookXML: XMLEscaping.append(text, to: &output, quotes: true)
        case .html: Self.appendHTMLEscaped(text, to: &output)
        }
    }

    /// swift-mustache's `htmlEscape()`, by `Character`.
    private static func appendHTMLEscaped(_ text: String, to output: inout String) {
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
    }

    // MARK: - Names

    /// `MustacheTemplate.getChild(named:transforms:context:)`.
    private mutating func lookUp(_ name: NativeName, _ frame: Frame) -> Item? {
        var item: Item?
        switch name.kind {
        case .current:
            item = stack.last
        case .sequence:
            guard let position = frame.sequence else { return nil }
            return transformPosition(position, name.transforms)
        case .fromCurrent(let parts):
            guard let top = stack.last else { return nil }
            item = Self.walk(parts[...], from: top)
        case .climbing(let parts):
            guard let first = parts.first else {
                item = stack.last
                break
            }
            for candidate in stack.reversed() {
                if let child = Self.child(first, of: candidate) {
                    item = Self.walk(parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard var result = item else { return nil }
        for transform in name.transforms {
            guard let next = self.transform(result, transform) else { return nil }
            result = next
        }
        return result
    }

    private static func child(_ name: String, of item: Item) -> Item? {
        guard case .value(.object(let fields)) = item, let field = fields[name] else { return nil }
        return .value(field)
    }

    private static func walk(_ parts: ArraySlice<String>, from item: Item) -> Item? {
        var item = item
        for part in parts {
            guard let next = child(part, of: item) else { return nil }
            item = next
        }
        return item
    }

    /// The sequence context's transforms; the first one gives a flag or a number.
    private mutating func transformPosition(_ position: SequencePosition, _ transforms: [String]) -> Item? {
        guard let first = transforms.first else { return nil }
        var result: Item
        switch first {
        case "first": result = .value(.flag(position.first))
        case "last": result = .value(.flag(position.last))
        case "index": result = .integer(position.index)
        case "even": result = .value(.flag(position.index & 1 == 0))
        case "odd": result = .value(.flag(position.index & 1 == 1))
        default: return nil
        }
        for transform in transforms.dropFirst() {
            guard let next = self.transform(result, transform) else { return nil }
            result = next
        }
        return result
    }

    /// One transform applied to `item`, as swift-mustache's `MustacheTransformable` types do.
    private mutating func transform(_ item: Item, _ name: String) -> Item? {
        switch item {
        case .value(.list(let items)):
            switch name {
            case "first": return items.first.map { .value($0) }
            case "last": return items.last.map { .value($0) }
            case "count": return .integer(items.count)
            case "empty": return .value(.flag(items.isEmpty))
            case "reversed", "sorted":
                gaveUp = true
                return nil
            default: return nil
            }
        case .integer(let number):
            switch name {
            case "equalzero": return .value(.flag(number == 0))
            case "plusone": return .integer(number + 1)
            case "minusone": return .integer(number - 1)
            case "even": return .value(.flag(number & 1 == 0))
            case "odd": return .value(.flag(number & 1 == 1))
            default: return nil
            }
        case .value:
            // Text, numbers, flags and objects reach swift-mustache as types that take no transforms.
            return nil
        }
    }
}
