import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlaybookCore
import PlaybookKit
import PlaybookYAML
import Testing
@testable import PlaybookTransform

/// Seeded random input full of what breaks XML and YAML readers. Every outcome must be a
/// result or located diagnostics: never a crash, a blow-up, or an EPUB a reader refuses.
@Suite struct ControlCharacterFuzzTests {
    /// Control characters and noncharacters, raw and as character references, and harmless
    /// neighbours, so that some chapters build and some are refused.
    static let raw = ["\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{0}"]
    static let references = [
        "&#12;", "&#x0C;", "&#1;", "&#8;", "&#xb;", "&#xFFFE;", "&#xFFFF;", "&#0;", "&#xD800;", "&#x110000;", "&#127;",
        "&amp;", "&#65;", "&lt;", "é", "\t", "x", "x", "x", "x", "x", "x", "x", "x",
    ]

    /// The places a character can go: text, headings, links, code, autolinks, tables, images.
    static let places = [
        "Text %@ here.\n\n", "## Heading %@\n\n", "### Deeper %@ {#id-%n}\n\n", "[link %@](#top)\n\n",
        "[text](https://e.example/a%@b)\n\n", "`code %@`\n\n", "```\nblock %@\n```\n\n", "<https://e.example/%@>\n\n",
        "| a %@ | b |\n|---|---|\n| %@ | c |\n\n", "*em %@* and **strong %@**\n\n", "- item %@\n\n", "> quote %@\n\n",
        "![alt %@](p.png \"title %@\")\n\n", "<span title=\"%@\">raw %@</span>\n\n",
    ]

    /// A 1×1 PNG for the image places.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    @Test func chaptersWithControlCharactersBuildWellFormedEPUBsOrAreRefusedWithAPlace() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write([
            "playbook.yaml": "title: T\nauthors: [A]\nlanguage: en\nbooks: [one]\n",
            "content/one/book.yaml": "title: One\ndate: 2026-01-01\n",
        ])
        try Data(Self.png).write(to: folder.url.appendingPathComponent("content/one/p.png"))
        var generator = SeededGenerator(seed: 20_261_201)
        var built = 0, refused = 0
        for round in 0..<40 {
            // Every other chapter holds raw characters too, which the load stage refuses.
            let characters = round.isMultiple(of: 2) ? Self.references : Self.references + Self.raw
            func character() -> String { characters.randomElement(using: &generator) ?? "x" }
            // The front matter title: raw, as a YAML escape, or as a reference (titles are text).
            let title = ["T \(character()) t", "\"T \\f t\"", "\"T \\x01 t\"", "T &#12; t", "\"T \\uFFFF t\""]
                .randomElement(using: &generator) ?? "T"
            var body = "# \(character()) Top {#top}\n\n"
            for index in 0..<Int.random(in: 3...8, using: &generator) {
                let place = Self.places.randomElement(using: &generator) ?? "%@"
                body += place.replacingOccurrences(of: "%n", with: String(index))
                    .components(separatedBy: "%@").joined(separator: character())
            }
            try folder.write(["content/one/01-a.md": "---\ntitle: \(title)\norder: 1\n---\n" + body])
            let output = folder.url.appendingPathComponent("build-\(round)")
            let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url, output: output))
            if report.diagnostics.hasErrors {
                refused += 1
                for diagnostic in report.diagnostics where diagnostic.severity == .error {
                    #expect(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } == true,
                            "an error without a place: \(DiagnosticPrinter().format(diagnostic))")
                }
                #expect(!FileManager.default.fileExists(atPath: output.path))
                continue
            }
            built += 1
            let xhtml = output.appendingPathComponent("xhtml")
            let files = (FileManager.default.enumerator(atPath: xhtml.path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".xhtml") || $0.hasSuffix(".opf") || $0.hasSuffix(".ncx") || $0.hasSuffix(".svg") }
            #expect(files.contains { $0.hasSuffix("01-a.xhtml") })
            for file in files {
                let data = try Data(contentsOf: xhtml.appendingPathComponent(file))
                #expect(Self.isWellFormed(data), "round \(round): \(file) is not well-formed XML:\n\(body)")
            }
        }
        #expect(built > 5, "some chapters should build")
        #expect(refused > 5, "some chapters should be refused")
    }

    /// The XML parser refuses what XML 1.0 forbids, as an EPUB reader does.
    @Test func theCheckerRefusesAFormFeed() {
        #expect(Self.isWellFormed(Data("<p>a</p>".utf8)))
        #expect(!Self.isWellFormed(Data("<p>a\u{C}</p>".utf8)))
        #expect(!Self.isWellFormed(Data("<p>a&#12;</p>".utf8)))
        #expect(!Self.isWellFormed(Data("<p>a\u{FFFF}</p>".utf8)))
    }

    static func isWellFormed(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        return parser.parse()
    }

    // MARK: - YAML aliases

    @Test func yamlWithRandomAnchorsAndAliasesGivesABoundedTreeOrAPlace() {
        var generator = SeededGenerator(seed: 15_15_15)
        var refused = 0, parsed = 0
        let clock = ContinuousClock()
        for round in 0..<300 {
            var anchors: [String] = []
            var lines: [String] = []
            let breaks = round.isMultiple(of: 5)
            func value(depth: Int) -> String {
                let choice = Int.random(in: 0..<10, using: &generator)
                if choice < 4, let anchor = anchors.randomElement(using: &generator) { return "*\(anchor)" }
                if choice < 6, depth < 4 {
                    let count = Int.random(in: 1...8, using: &generator)
                    let items = (0..<count).map { _ in value(depth: depth + 1) }
                    return "[" + items.joined(separator: ", ") + "]"
                }
                if choice < 7, depth < 4 {
                    let count = Int.random(in: 1...4, using: &generator)
                    let pairs = (0..<count).map { index in "k\(index): \(value(depth: depth + 1))" }
                    return "{" + pairs.joined(separator: ", ") + "}"
                }
                if choice < 8, breaks { return "*undefined" }
                return ["x", "'q'", "\"\\f\"", "10", "~"].randomElement(using: &generator) ?? "x"
            }
            for index in 0..<Int.random(in: 1...12, using: &generator) {
                let anchor = "a\(index)"
                let text = value(depth: 0)
                // An alias cannot carry an anchor of its own.
                if text.hasPrefix("*") {
                    lines.append("key\(index): \(text)")
                } else {
                    lines.append("key\(index): &\(anchor) \(text)")
                    anchors.append(anchor)
                }
            }
            let text = lines.joined(separator: "\n") + "\n"
            let file = SourceFile(path: "content/scenarios/fuzz.yaml", text: text)
            var result: Result<YAMLNode?, Diagnostic>?
            let elapsed = clock.measure { result = YAMLParser.parse(text, in: file) }
            #expect(elapsed < .seconds(1), "round \(round) took \(elapsed):\n\(text)")
            switch result {
            case .success(let root)?:
                parsed += 1
                #expect(Self.count(root) <= text.utf8.count + AliasExpansionLimit.maximumCopiedValues, "round \(round)")
            case .failure(let diagnostic)?:
                refused += 1
                #expect(diagnostic.location.map { $0.line >= 1 && $0.line <= lines.count + 1 } == true,
                        "round \(round): \(DiagnosticPrinter().format(diagnostic))")
            case nil:
                Issue.record("no result")
            }
        }
        #expect(parsed > 30 && refused > 30, "parsed \(parsed), refused \(refused)")
    }

    /// The number of nodes in a tree, counted without recursion.
    static func count(_ root: YAMLNode?) -> Int {
        var stack = root.map { [$0] } ?? []
        var count = 0
        while let node = stack.popLast() {
            count += 1
            switch node.value {
            case .scalar: break
            case .sequence(let items): stack += items
            case .mapping(let pairs): for pair in pairs { stack.append(pair.key); stack.append(pair.value) }
            }
        }
        return count
    }
}
