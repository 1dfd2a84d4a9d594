/// A value handed to a template: text, markup, a number, a flag, a list or an object.
///
/// Renderers build these; ``TemplateLibrary`` turns them into what Mustache reads. `text`
/// is escaped wherever a template writes `{{name}}`; `markup` is for `{{{name}}}`.
public enum TemplateValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    /// Plain text (escaped by `{{ }}`).
    case text(String)
    /// Rendered HTML or XHTML (meant for `{{{ }}}`).
    case markup(String)
    /// A whole number.
    case number(Int)
    /// A flag: sections show when it is true.
    case flag(Bool)
    /// A list: sections repeat for each item.
    case list([TemplateValue])
    /// An object whose keys templates name with dots (`book.title`).
    case object([String: TemplateValue])

    /// Text from a string literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An object from a dictionary literal.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// A list from an array literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// A flag from a boolean literal.
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    /// A number from an integer literal.
    public init(integerLiteral value: Int) { self = .number(value) }

    /// Text, or nothing at all when `value` is `nil` (so `{{#x}}…{{/x}}` hides).
    public static func optional(_ value: String?) -> TemplateValue? {
        value.map { .text($0) }
    }
}
