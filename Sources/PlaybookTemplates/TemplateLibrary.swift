// The only file that imports swift-mustache.
internal import Mustache
import Foundation
import PlaybookCore

/// The templates of a project: the built-in starter templates, replaced by the project's own
/// `templates/*.mustache` where it has them.
///
/// Every value a template prints with `{{ }}` is escaped for HTML and XML by Playbook's own
/// escaper (byte-wise, so a combining mark cannot hide a `<` or `"`). Template mistakes are
/// diagnostics with the template's path, line and column.
///
/// Templates are parsed by ``NativeTemplate``, a port of swift-mustache's parser that refuses
/// exactly what swift-mustache refuses, and rendered by ``NativeRenderer``, which gives
/// swift-mustache's bytes without its dynamic casts and copies. swift-mustache still has the
/// last word: a template the port refuses is parsed by swift-mustache, whose error is the
/// diagnostic (and were it to accept one, it would render it); and it renders whatever
/// ``NativeRenderer`` gives up on. It parses the whole library only when first needed.
public struct TemplateLibrary: Sendable {
    /// swift-mustache's library, for the fallback and the tests' oracle.
    private let oracle: SwiftMustacheOracle
    /// The templates swift-mustache accepts, parsed for ``NativeRenderer``.
    private let native: [String: NativeTemplate]
    /// Templates swift-mustache accepts that ``NativeTemplate`` refused (none are known):
    /// rendering one, or a template that includes one, falls back to swift-mustache.
    private let unported: Set<String>
    /// Where ``render(_:_:)`` records what it is asked, for tests.
    private var recorder: TemplateRecorder?
    /// The names of all templates, such as `chapter` or `epub/cover`.
    public let names: Set<String>

    /// The text put in front of every template so that `{{ }}` escapes with ``XMLEscaping``.
    /// It sits on a line of its own (a "standalone" tag), so it prints nothing.
    private static let pragma = "{{% CONTENT_TYPE: PLAYBOOK_XML}}\n"

    /// Loads the built-in templates and then `projectFiles` (paths such as
    /// `templates/chapter.mustache`), which replace built-ins of the same name.
    public static func load(projectFiles: [SourceFile]) -> (TemplateLibrary, [Diagnostic]) {
        ContentTypeRegistration.once()
        var sources: [String: SourceFile] = [:]
        for (path, text) in StarterFiles.files where path.hasSuffix(".mustache") {
            sources[name(of: path)] = SourceFile(path: path, text: text)
        }
        for file in projectFiles where file.path.hasSuffix(".mustache") {
            sources[name(of: file.path)] = file
        }
        let names = Set(sources.keys)
        // Inclusion loops and deep nesting are refused before swift-mustache parses a template:
        // it parses and renders them by recursion, and would run out of stack.
        let check = TemplateInclusionCheck(sources: sources)
        var diagnostics = check.diagnostics
        var accepted: [String: SourceFile] = [:]
        var native: [String: NativeTemplate] = [:]
        var unported: Set<String> = []
        for name in names.sorted() {
            guard let file = sources[name], !check.refused.contains(name) else { continue }
            if let parsed = try? NativeTemplate.parse(pragma + file.text) {
                native[name] = parsed
                accepted[name] = file
                continue
            }
            switch parse(file) {
            case .success:
                unported.insert(name)
                accepted[name] = file
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let library = TemplateLibrary(oracle: SwiftMustacheOracle(sources: accepted), native: native, unported: unported, names: names)
        return (library, diagnostics)
    }

    /// Renders the template `name` with `value` as its context; `""` for an unknown name.
    public func render(_ name: String, _ value: TemplateValue) -> String {
        recorder?.record(self, name, value)
        if let rendered = renderNatively(name, value) { return rendered }
        // An unknown template, or one refused for a mistake: swift-mustache has none either.
        guard unported.contains(name) || native[name] != nil else { return "" }
        return renderWithSwiftMustache(name, value)
    }

    /// `name` rendered by ``NativeRenderer``; `nil` for an unknown name or where it leaves the
    /// template to swift-mustache.
    package func renderNatively(_ name: String, _ value: TemplateValue) -> String? {
        guard let template = native[name] else { return nil }
        return NativeRenderer.render(template, value, templates: native, unported: unported)
    }

    /// `name` rendered by swift-mustache, as every template was before ``NativeRenderer``:
    /// the fallback, and the oracle the tests compare with.
    package func renderWithSwiftMustache(_ name: String, _ value: TemplateValue) -> String {
        oracle.library.render(Self.mustacheValue(value), withTemplate: name) ?? ""
    }

    /// Whether `text` is accepted by both parsers or refused by both: ``NativeTemplate``
    /// stands in for swift-mustache as the judge of a template's mistakes (a test hook).
    package static func parsersAgree(on text: String) -> Bool {
        ContentTypeRegistration.once()
        let native = (try? NativeTemplate.parse(pragma + text)) != nil
        let swiftMustache = (try? MustacheTemplate(string: pragma + text)) != nil
        return native == swiftMustache
    }

    /// This library, recording every ``render(_:_:)`` into `recorder` (a test hook).
    package func recording(into recorder: TemplateRecorder) -> TemplateLibrary {
        var library = self
        library.recorder = recorder
        return library
    }

    /// Whether the template `name` may read the field `field` of the value it is rendered
    /// with, or print that value whole: some name in it, or in a template it includes, has a
    /// part called `field`, or is `.`. `true` for a template that is not parsed natively.
    package func mayRead(_ field: String, in name: String) -> Bool {
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            if unported.contains(next) { return true }
            guard let template = native[next] else { continue }
            if NativeTemplateScan.mayRead(field, in: template.nodes, partials: &pending) { return true }
        }
        return false
    }

    /// `templates/epub/chapter.mustache` → `epub/chapter`.
    public static func name(of path: String) -> String {
        var name = path
        if name.hasPrefix("templates/") { name.removeFirst("templates/".count) }
        if name.hasSuffix(".mustache") { name.removeLast(".mustache".count) }
        return name
    }

    // MARK: - Internals

    private init(oracle: SwiftMustacheOracle, native: [String: NativeTemplate], unported: Set<String>, names: Set<String>) {
        self.oracle = oracle
        self.native = native
        self.unported = unported
        self.names = names
    }

    /// The template `file` holds, or the first mistake swift-mustache finds in it.
    fileprivate static func parse(_ file: SourceFile) -> Result<MustacheTemplate, Diagnostic> {
        do {
            return .success(try MustacheTemplate(string: pragma + file.text))
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line shifts every line by one.
            let line = max(error.context.lineNumber - 1, 1)
            let column = max(error.context.columnNumber, 1)
            return .failure(.error(.templateSyntax, "this template has a mistake: \(message(for: error.error))",
                                   at: file.location(line: line, scalarColumn: column), hint: hint(for: error.error)))
        } catch {
            return .failure(.error(.templateSyntax, "this template has a mistake: \(error)", at: file.start))
        }
    }

    private static func message(for error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "this closing tag does not match the section it closes"
        case .unfinishedName?: return "this tag is not finished"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        case .invalidSetDelimiter?: return "the delimiter-changing tag is malformed"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inheritance block"
        case .illegalTokenInsideInheritSection?: return "only {{$block}} overrides may appear inside {{<parent}}…{{/parent}}"
        case .textInsideInheritSection?: return "text cannot appear inside {{<parent}}…{{/parent}} outside a {{$block}}"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "unknown {{% … }} pragma"
        case nil: return "\(error)"
        }
    }

    private static func hint(for error: Error) -> String? {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "{{#name}} must be closed by {{/name}} with the same name"
        case .unfinishedName?: return "tags end with }} (or }}} for {{{name}}})"
        case .expectedSectionEnd?: return "close every {{#name}} or {{^name}} with {{/name}}"
        default: return nil
        }
    }

    /// What swift-mustache reads. Objects are wrapped rather than converted, so that a value
    /// is only converted when a template looks it up: a page that does not print a book's
    /// thousand chapters does not pay for them.
    fileprivate static func mustacheValue(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): return Markup(text: text)
        case .markup(let markup): return Markup(text: markup)
        case .number(let number): return Markup(text: String(number))
        case .flag(let flag): return flag
        case .list(let items): return items.map(mustacheValue)
        case .object(let fields): return TemplateObject(fields: fields)
        }
    }
}

/// swift-mustache's library of the templates it accepts, parsed on first use: only a template
/// ``NativeRenderer`` gives up on, or a test, needs it.
///
/// `@unchecked Sendable`: `parsed` is only read and written while holding `lock`.
private final class SwiftMustacheOracle: @unchecked Sendable {
    private let sources: [String: SourceFile]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    init(sources: [String: SourceFile]) {
        self.sources = sources
    }

    var library: MustacheLibrary {
        lock.withLock {
            if let parsed { return parsed }
            var templates: [String: MustacheTemplate] = [:]
            for (name, file) in sources {
                if case .success(let template) = TemplateLibrary.parse(file) { templates[name] = template }
            }
            let library = MustacheLibrary(templates: templates)
            parsed = library
            return library
        }
    }
}

/// An object seen by swift-mustache: fields are converted when a template asks for them.
private struct TemplateObject: MustacheParent {
    let fields: [String: TemplateValue]

    func child(named name: String) -> Any? {
        fields[name].map(TemplateLibrary.mustacheValue)
    }
}

/// A text value as swift-mustache sees it: printed as it is by `{{{ }}}` and escaped by
/// `{{ }}`. Being a `MustacheParent` with no children spares swift-mustache a `Mirror` of the
/// string each time a name is looked up inside a `{{#text}}…{{/text}}` section.
private struct Markup: MustacheCustomRenderable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func child(named: String) -> Any? { nil }
}

/// Escapes `{{ }}` output byte-wise for HTML and XML alike.
private struct PlaybookXMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { XMLEscaping.attribute(text) }
}

/// Registers the content type before the first template is parsed (parsing looks it up by name).
private enum ContentTypeRegistration {
    static let registered: Bool = {
        MustacheContentTypes.register(PlaybookXMLContentType(), named: "PLAYBOOK_XML")
        return true
    }()

    static func once() { _ = registered }
}
