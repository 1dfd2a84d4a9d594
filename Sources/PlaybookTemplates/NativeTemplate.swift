/// A template parsed once into what ``NativeRenderer`` walks: the same tokens swift-mustache's
/// parser makes (``NativeTemplate/parse(_:)`` is a port of it, so white space and standalone
/// lines come out identical), with every name split into its parts at parse time.
struct NativeTemplate: Sendable {
    /// The template's nodes in order.
    let nodes: [NativeNode]
}

/// One token of a ``NativeTemplate``.
indirect enum NativeNode: Sendable {
    /// Text printed as it is.
    case text(String)
    /// `{{name}}` (escaped by the current content type) or `{{{name}}}` / `{{& name}}`.
    case variable(NativeName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(NativeName, [NativeNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(NativeName, [NativeNode])
    /// `{{$name}}…{{/name}}` outside a parent: a block, replaced by an override when one is inherited.
    case blockExpansion(name: String, default: [NativeNode], indentation: String)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the block overrides it holds.
    case partial(String, indentation: String?, overrides: [String: [NativeNode]]?)
    /// `{{>*name}}`: a partial named by a value. Playbook's values are never Swift strings, so
    /// swift-mustache renders nothing for it; neither does the native renderer.
    case dynamicPartial
    /// `{{% CONTENT_TYPE: … }}`: how `{{name}}` escapes for the rest of the template.
    case contentType(NativeContentType)
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: an override. Only the parser sees
    /// these; they end up in the partial's `overrides`.
    case blockDefinition(name: String, [NativeNode])
}

/// How a tag names its value, split once at parse time.
struct NativeName: Sendable {
    /// Where the lookup starts.
    enum Kind: Sendable {
        /// `.`: the current value.
        case current
        /// A name that is empty but has transforms, `{{ first() }}`: the position in the list
        /// being iterated.
        case sequence
        /// A name starting with `.` (`.title`): looked up in the current value only.
        case fromCurrent([String])
        /// Any other name (`book.title`): its first part is looked for from the innermost
        /// value outwards, the rest in what that gives.
        case climbing([String])
    }

    /// Where the lookup starts, and the parts.
    let kind: Kind
    /// The transforms, in the order they apply (innermost first): `count(items)` → `["count"]`.
    let transforms: [String]

    /// Splits `name` as swift-mustache does on each lookup.
    init(_ name: String, transforms: [String]) {
        if name == "." {
            kind = .current
        } else if name.isEmpty, !transforms.isEmpty {
            kind = .sequence
        } else if name.first == "." {
            kind = .fromCurrent(name.split(separator: ".").map(String.init))
        } else {
            kind = .climbing(name.split(separator: ".").map(String.init))
        }
        self.transforms = transforms.reversed()
    }

    /// Whether the lookup can reach a field called `field` of the value a render starts from,
    /// or print that value as a whole.
    func mayRead(_ field: String) -> Bool {
        switch kind {
        case .current, .sequence: return true
        case .fromCurrent(let parts), .climbing(let parts): return parts.isEmpty || parts.contains(field)
        }
    }
}

/// The escaping of `{{name}}`: swift-mustache's content types, by the names a
/// `{{% CONTENT_TYPE: … }}` pragma gives them.
enum NativeContentType: Sendable {
    /// swift-mustache's default, `HTML`: `<`, `>`, `&`, `"` and `'` by `Character`.
    case html
    /// `TEXT`: printed as it is.
    case text
    /// `PLAYBOOK_XML`, which ``TemplateLibrary`` puts in front of every template: ``XMLEscaping``.
    case playbookXML

    /// The content type a pragma names, if swift-mustache knows it.
    init?(named name: Substring) {
        switch name {
        case "HTML": self = .html
        case "TEXT": self = .text
        case "PLAYBOOK_XML": self = .playbookXML
        default: return nil
        }
    }
}
