import Foundation
import PlaybookCore
@testable import PlaybookKit
import PlaybookLoad
import PlaybookTemplates
import Testing

/// The native renderer against swift-mustache, its oracle: both engines must give the same
/// bytes for every template a real build renders, with the values that build hands them, and
/// for a table of small templates covering each Mustache feature over a variety of values.
@Suite struct NativeTemplateTests {
    // MARK: - Real builds

    /// Builds `root` (series and listed reports) with a recording library; returns the calls.
    private static func record(_ root: URL) async throws -> [TemplateRecorder.Call] {
        let (found, diagnostics) = await LoadStage.run(root: root, includeDrafts: false)
        let loaded = try #require(found, "\(DiagnosticPrinter().format(diagnostics))")
        let recorder = TemplateRecorder()
        var recording = loaded
        recording.templates = loaded.templates.recording(into: recorder)
        _ = await SeriesTarget.make(recording, books: recording.project.books, sourceDate: nil, memo: .none, step: { _ in })
        _ = await ListedReports.make(recording, sourceDate: nil, printing: nil, memo: .none)
        return recorder.calls
    }

    /// Every call compared; returns the names rendered.
    private static func compare(_ calls: [TemplateRecorder.Call], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Set<String> {
        var mismatches: [String] = []
        for call in calls {
            let oracle = call.library.renderWithSwiftMustache(call.name, call.value)
            guard let native = call.library.renderNatively(call.name, call.value) else {
                mismatches.append("\(call.name): the native renderer gave up")
                continue
            }
            if native != oracle { mismatches.append("\(call.name): differs\n--- swift-mustache\n\(oracle)\n--- native\n\(native)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return Set(calls.map(\.name))
    }

    @Test func theShippedProjectRendersTheSameWithBothEngines() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let calls = try await Self.record(root)
        let names = Self.compare(calls)
        // Every shipped template but the partials (layout, blocks/table) and the print page
        // (PDF builds only) is rendered by a build of the shipped project.
        let shipped = Set(StarterFiles.files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }.map(TemplateLibrary.name(of:)))
        #expect(shipped.subtracting(names) == ["layout", "blocks/table", "print/book"])
        #expect(calls.count > 100)
    }

    @Test("fixture project renders the same with both engines", arguments: ["basic", "computed", "report", "reader-marks"])
    func fixtureProject(_ name: String) async throws {
        let root = Snapshot.fixtures.appendingPathComponent("projects/\(name)/project")
        let calls = try await Self.record(root)
        #expect(!Self.compare(calls).isEmpty)
    }

    // MARK: - Features, over many values

    /// Values of every kind, nested: what the feature table is rendered with.
    static let values: [TemplateValue] = {
        // Escaped by Character in swift-mustache: `'` with U+0301, `<` after U+0600 (a prepended
        // mark), `&` before U+200D (a joiner) are bigger characters and stay; `<` between
        // letters that are not ASCII, and every other one, is escaped.
        let hostile: TemplateValue = .text("<a href=\"x\">&'\u{301}</a>\r\n\u{0C} \u{600}<b> &\u{200D}x é<ü \"ok\" 'q'")
        let person: TemplateValue = ["name": "Ann", "title": .markup("<b>Dr</b>"), "age": 41, "admin": true,
                                     "tags": ["x", "y"], "empty": "", "none": .list([])]
        let base: [String: TemplateValue] = [
            "name": "World", "html": .markup("<i>hi</i>"), "hostile": hostile, "number": 7, "zero": 0,
            "yes": true, "no": false, "empty": "", "blankMarkup": .markup(""), "list": ["a", "b", "c"], "one": ["only"],
            "none": .list([]), "people": [person, ["name": "Bo", "age": 3, "tags": [], "empty": "e"]],
            "person": person, "nested": ["a": ["b": ["c": "deep"]]], "lists": [["1", "2"], [], ["3"]],
            "mixed": ["t", 2, true, false, "", ["k": "v"]], "epub": true,
        ]
        var variants: [TemplateValue] = [.object(base)]
        var flipped = base
        flipped["yes"] = false
        flipped["no"] = true
        flipped["list"] = []
        flipped["name"] = ""
        flipped["person"] = nil
        variants.append(.object(flipped))
        variants += [.object([:]), "plain text", .markup(""), 5, true, false, ["x", "y"], .list([])]
        return variants
    }()

    /// Templates covering each feature; the native renderer must not give up on any of them.
    static let templates: [String] = [
        // Variables, escaping, dotted names, the current value.
        "Hello {{name}}! {{{html}}} {{&html}} {{html}} {{hostile}} {{{hostile}}} {{number}} {{zero}} {{yes}} {{no}} [{{missing}}]",
        "{{person.name}} {{person.title}} {{{person.title}}} {{nested.a.b.c}} {{nested.a.x.c}} {{person.name.first}} {{ person.age }}",
        "{{#list}}<{{.}}>{{/list}} {{#name}}{{.}}{{/name}} {{#number}}[{{.}}]{{/number}} {{#person}}{{.name}}|{{.missing}}{{/person}}",
        "{{#person}}{{name}} {{number}} {{.number}} {{list.x}}{{/person}}",
        "{{#people}}{{name}}({{age}}){{#admin}}*{{/admin}}{{^admin}}-{{/admin}}{{#tags}}[{{.}}]{{/tags}}{{^tags}}no tags{{/tags}}; {{/people}}",
        "{{#people}}{{#tags}}{{name}}:{{.}} {{/tags}}{{/people}}",
        "{{#lists}}({{#.}}{{.}}{{/.}}{{^.}}empty{{/.}}){{/lists}}",
        "{{#mixed}}<{{.}}>{{/mixed}}",
        "{{#mixed}}{{#.}}yes{{/.}}{{^.}}no{{/.}} {{/mixed}}",
        // Sections and inverted sections over every kind of value.
        "{{#yes}}Y{{name}}{{/yes}}{{#no}}N{{/no}}{{^yes}}notY{{/yes}}{{^no}}notN{{/no}}",
        "{{#empty}}E{{/empty}}{{^empty}}not E{{/empty}}{{#blankMarkup}}B{{/blankMarkup}}{{^blankMarkup}}not B{{/blankMarkup}}",
        "{{#none}}N{{/none}}{{^none}}none:{{#list}}{{.}}{{/list}}{{/none}}{{^list}}L{{/list}}{{^person}}P{{/person}}{{^missing}}M{{/missing}}",
        "{{^number}}n{{/number}}{{#zero}}z{{.}}{{/zero}}{{^zero}}nz{{/zero}}",
        "{{#nested}}{{#a}}{{#b}}{{c}}{{name}}{{/b}}{{/a}}{{/nested}}",
        // Names starting with a dot, odd names.
        "{{#person}}{{.name}}{{..name}}{{name.}}{{.}}{{/person}}",
        "{{.name}} {{name..x}} {{}}",
        // The current value at the top: text, numbers, flags, lists.
        "[{{.}}]{{#.}}+{{/.}}{{^.}}-{{/.}}",
        // Comments, set delimiters, standalone lines.
        "a{{! a comment }}b\n  {{! standalone }}\nc\n{{=<% %>=}}\n<% name %> {{name}} <%={{ }}=%>\n{{name}}\n",
        "Begin.\n{{#list}}\n  {{.}}\n{{/list}}\nEnd.\n",
        "  {{#yes}}\n  indented\n  {{/yes}}\n  {{^yes}}\n  no\n  {{/yes}}\n|",
        "|\r\n{{#yes}}\r\nline\r\n{{/yes}}\r\n|",
        "  {{#yes}}  inline {{/yes}}  \n{{#no}}x{{/no}}\n\t{{! c }}\t\n#{{#list}}\n{{.}}\n{{/list}}#",
        "{{#list}}{{.}}{{/list}}\n{{name}}\n  {{{html}}}\n",
        // Partials, with and without indentation, and nested.
        "{{>probe/partial}}|{{#people}}{{>probe/partial}}{{/people}}",
        "before\n  {{>probe/lines}}\nafter\n  {{>probe/nested}}\n",
        "\t{{>probe/lines}}\n{{#list}}\n    {{>probe/lines}}\n{{/list}}",
        "{{>probe/missing}}x{{>*name}}y",
        // Inheritance: blocks, overrides, overrides through partials.
        "{{<probelayout}}{{$title}}T:{{name}}{{/title}}{{/probelayout}}",
        "{{<probelayout}}\n{{$title}}\n  Title {{name}}\n{{/title}}\n{{$body}}\n  {{#list}}\n    {{.}}\n  {{/list}}\n{{/body}}\n{{/probelayout}}\n",
        "{{<probelayout}}{{/probelayout}}",
        "{{<probemiddle}}{{$body}}from the top{{/body}}{{/probemiddle}}",
        "{{$title}}default {{name}}{{/title}}|{{#list}}{{$item}}<{{.}}>{{/item}}{{/list}}",
        // Transforms and the position in a list.
        "{{count(list)}} {{count(none)}} {{empty(list)}} {{empty(none)}} {{first(list)}} {{last(list)}} {{first(none)}}",
        "{{#list}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{plusone(index())}} {{/list}}",
        "{{plusone(count(list))}} {{minusone(count(list))}} {{equalzero(count(none))}} {{even(count(list))}} {{odd(count(list))}} {{#count(list)}}[{{.}}]{{/count(list)}}",
        "{{uppercased(name)}} {{count(name)}} {{count(person)}} {{first()}} {{nothing(list)}} {{count(yes)}} {{#first(people)}}{{name}}{{/first(people)}}",
        "{{#people}}{{#first()}}{{name}}{{/first()}}{{^last()}}, {{/last()}}{{/people}}",
        // Content types.
        "{{hostile}}\n{{% CONTENT_TYPE: TEXT}}\n{{hostile}}{{% CONTENT_TYPE: HTML}}{{hostile}}{{#yes}}{{hostile}}{{/yes}}{{>probe/partial}}",
    ]

    /// The partials and parents the templates above use.
    static let partials: [String: String] = [
        "probe/partial": "({{name}}:{{hostile}})",
        "probe/lines": "one {{name}}\n{{#list}}\n- {{.}}\n{{/list}}\n{{{html}}}\n  two\n",
        "probe/nested": "n1\n  {{>probe/lines}}\nn2\n",
        "probelayout": "<h>{{$title}}Default title{{/title}}</h>\n{{$body}}\n  default body {{name}}\n{{/body}}\n<f>\n",
        "probemiddle": "{{<probelayout}}{{$title}}middle title{{/title}}{{/probelayout}}",
    ]

    @Test func everyFeatureRendersTheSameWithBothEngines() {
        var files = Self.partials.map { SourceFile(path: "templates/\($0.key).mustache", text: $0.value) }
        for (index, text) in Self.templates.enumerated() {
            files.append(SourceFile(path: "templates/probe/t\(index).mustache", text: text))
        }
        let (library, diagnostics) = TemplateLibrary.load(projectFiles: files)
        // Only the two tags that name no template (which render nothing in both engines).
        #expect(diagnostics.map(\.message) == ["there is no template 'probe/missing' for this tag", "there is no template '*name' for this tag"])
        var mismatches: [String] = []
        var rendered: Set<Int> = []
        for index in Self.templates.indices {
            for (variant, value) in Self.values.enumerated() {
                let name = "probe/t\(index)"
                let oracle = library.renderWithSwiftMustache(name, value)
                let native = library.renderNatively(name, value)
                if native != nil { rendered.insert(index) }
                if native != nil, native != oracle {
                    mismatches.append("template \(index), value \(variant):\n\(oracle.debugDescription)\n\(native.debugDescription)")
                }
                #expect(library.render(name, value) == oracle)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).joined(separator: "\n"))")
        // Every template is rendered natively for some value (most for all).
        #expect(rendered == Set(Self.templates.indices))
        // A few whole results, spelled out.
        let value = Self.values[0]
        #expect(library.render("probe/t27", value) == "<h>T:World</h>\n  default body World\n<f>\n")
        #expect(library.render("probe/t28", value) == "<h>Title World\n</h>\n  a\n  b\n  c\n<f>\n")
        #expect(library.render("probe/t30", value) == "<h>middle title</h>\nfrom the top<f>\n")
        #expect(library.render("probe/t33", value) == "0Fe1 1o2 2Le3 ")
    }

    /// The port refuses exactly what swift-mustache refuses (a refused template's diagnostic is
    /// then swift-mustache's): every shipped template, every template of the table, and
    /// templates with mistakes of each kind.
    @Test func bothParsersAcceptAndRefuseTheSameTemplates() {
        let broken = [
            "{{#a}}", "{{#a}}{{/b}}", "{{/a}}", "{{a", "{{{a}}", "{{a b}}", "{{=<% %>}}", "{{= x =}}", "{{% CONTENT_TYPE: JSON}}",
            "{{% OTHER: HTML}}", "{{%CONTENT_TYPE}}", "{{<p}}{{x}}{{/p}}", "{{<p}}{{#x}}{{/x}}{{/p}}", "{{$a(b)}}{{/a(b)}}",
            "{{first(a}}", "{{first(a))}}", "{{a(b)c}}", "{{#first(a)}}{{/a}}", "{{! unclosed", "{{#a}}\n{{/a}\n",
            "{{=<% %>=}}<%#a%>{{/a}}", "{{> a b}}", "{{<a}}text{{/a}}", "{{^a}}{{/a}}{{/a}}",
        ]
        let valid = Self.templates + Self.partials.values + ["{{<p}}text {{$a}}x{{/a}}\n{{/p}}", "{{=| |=}}|a| |={{ }}=|{{b}}", "{{ a }}{{{ b }}}{{& c}}", "{{>}}"]
        let shipped = StarterFiles.files.filter { $0.key.hasSuffix(".mustache") }.map(\.value)
        for text in broken + valid + shipped {
            #expect(TemplateLibrary.parsersAgree(on: text), "\(text)")
        }
        for text in broken {
            let (_, diagnostics) = TemplateLibrary.load(projectFiles: [SourceFile(path: "templates/x.mustache", text: text)])
            #expect(diagnostics.contains { $0.id == .templateSyntax } || text.contains("<"), "\(text)")
        }
    }

    /// The native renderer gives up only where swift-mustache prints Swift's description of its
    /// own wrappers (a list or an object as text) or meets `reversed` or `sorted`; the library
    /// then renders with swift-mustache.
    @Test func whatTheNativeRendererLeavesToSwiftMustache() {
        let files = [
            SourceFile(path: "templates/list.mustache", text: "{{list}}"),
            SourceFile(path: "templates/object.mustache", text: "{{#person}}{{.}}{{/person}}"),
            SourceFile(path: "templates/reversed.mustache", text: "{{#reversed(list)}}{{.}}{{/reversed(list)}}"),
            SourceFile(path: "templates/fine.mustache", text: "{{#list}}{{.}}{{/list}}"),
        ]
        let (library, _) = TemplateLibrary.load(projectFiles: files)
        let value: TemplateValue = ["list": ["a", "b"], "person": ["name": "Ann"]]
        #expect(library.renderNatively("list", value) == nil)
        #expect(library.renderNatively("object", value) == nil)
        #expect(library.renderNatively("reversed", value) == nil)
        #expect(library.renderNatively("fine", value) == "ab")
        #expect(library.render("reversed", value) == "ba")
        #expect(library.render("no-such-template", value) == "" && library.renderWithSwiftMustache("no-such-template", value) == "")
        for name in ["list", "object", "reversed"] {
            #expect(library.render(name, value) == library.renderWithSwiftMustache(name, value))
        }
    }

    /// Only a template that may read `epub` (itself or through what it includes) is rendered a
    /// second time for a computed block's EPUB form.
    @Test func whichTemplatesMayReadAField() {
        let files = [
            SourceFile(path: "templates/a.mustache", text: "{{#x}}{{y.epub}}{{/x}}"),
            SourceFile(path: "templates/b.mustache", text: "{{> a}}"),
            SourceFile(path: "templates/c.mustache", text: "{{title}}{{#rows}}{{.}}{{/rows}}"),
            SourceFile(path: "templates/d.mustache", text: "{{<c}}{{$t}}{{^epub}}x{{/epub}}{{/t}}{{/c}}"),
            SourceFile(path: "templates/e.mustache", text: "{{title}} {{#rows}}{{name}}{{/rows}}"),
        ]
        let (library, _) = TemplateLibrary.load(projectFiles: files)
        #expect(library.mayRead("epub", in: "a") && library.mayRead("epub", in: "b") && library.mayRead("epub", in: "d"))
        #expect(library.mayRead("epub", in: "c"))  // {{.}} may print the whole value
        #expect(!library.mayRead("epub", in: "e"))
        #expect(library.mayRead("epub", in: "blocks/chart"))
        for name in ["blocks/table", "blocks/metrics", "blocks/cash-flow", "blocks/lines", "blocks/headline", "callout"] {
            #expect(!library.mayRead("epub", in: name), "\(name)")
        }
    }
}
