import Foundation
import Testing

/// The module graph of Package.swift: the stages of a build are modules in the order the data
/// flows, none uses a later one (no back-edges), and each module imports exactly the modules it
/// declares (nothing undeclared reaches it through another module, nothing declared goes unused).
@Suite struct ModuleGraphTests {
    /// Every module of Playbook, lowest first: a module may depend only on modules before it.
    static let order = [
        // The model and the doors to outside libraries.
        "PlaybookCore", "PlaybookFinance", "PlaybookYAML", "PlaybookTemplates", "CZlib", "PlaybookZip", "PlaybookChromium", "PlaybookPandoc", "CCmark",
        "PlaybookMarkdown", "CXLSXWriter", "PlaybookXLSX",
        "PlaybookScenario",
        // What the stages share: safe file access, the incremental session, XHTML rewriting.
        "PlaybookFiles", "PlaybookSession", "PlaybookXHTML",
        // The stages, in the order the data flows.
        "PlaybookLoad", "PlaybookEvaluate", "PlaybookTransform", "PlaybookRender", "PlaybookWrite",
        // Bringing an existing book in (`playbook import`).
        "PlaybookImport",
        // The pipeline, the preview server, the command.
        "PlaybookKit", "PlaybookServe", "CJemalloc", "playbook",
    ]

    /// The modules each target of Package.swift declares (Playbook's own, CCmark, CXLSXWriter, CZlib and CJemalloc; products of
    /// other packages are left out), by target name.
    static func declared() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: Tools.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        // Each `.target(`/`.executableTarget(`/`.systemLibrary(` up to the next one.
        let pieces = manifest.components(separatedBy: "\n        .").dropFirst()
        for piece in pieces where piece.hasPrefix("target(") || piece.hasPrefix("executableTarget(") || piece.hasPrefix("systemLibrary(") {
            let names = quoted(in: piece)
            guard let name = names.first else { continue }
            let dependencies = piece.range(of: "dependencies:").map { quoted(in: String(piece[$0.upperBound...])) } ?? []
            graph[name] = Set(dependencies.filter { order.contains($0) && $0 != name })
        }
        return graph
    }

    /// The Playbook modules the Swift files under `Sources/<module>` import.
    static func imported(by module: String) throws -> Set<String> {
        let folder = Tools.repository.appendingPathComponent("Sources").appendingPathComponent(module)
        var found: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                      words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "internal" || $0 == "package" }) else { continue }
                let name = String(words[index + 1])
                if order.contains(name) { found.insert(name) }
            }
        }
        return found
    }

    private static func quoted(in text: String) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// No module depends on one that comes later in the flow.
    @Test func noModuleDependsOnALaterOne() throws {
        let graph = try Self.declared()
        #expect(Set(graph.keys) == Set(Self.order), "a module is missing from ModuleGraphTests.order, or gone from Package.swift")
        var backEdges: [String] = []
        for (module, dependencies) in graph {
            let position = Self.order.firstIndex(of: module) ?? 0
            for dependency in dependencies where (Self.order.firstIndex(of: dependency) ?? 0) >= position {
                backEdges.append("\(module) → \(dependency)")
            }
        }
        #expect(backEdges.sorted() == [])
    }

    /// What each module imports is what Package.swift declares for it, no more and no less.
    @Test func everyImportIsDeclaredAndEveryDeclarationImported() throws {
        let graph = try Self.declared()
        var mismatches: [String] = []
        for module in Self.order where module != "CCmark" && module != "CXLSXWriter" && module != "CZlib" && module != "CJemalloc" {
            let declared = graph[module] ?? []
            let imported = try Self.imported(by: module)
            for name in imported.subtracting(declared).sorted() { mismatches.append("\(module) imports \(name) without declaring it") }
            for name in declared.subtracting(imported).sorted() { mismatches.append("\(module) declares \(name) and never imports it") }
        }
        #expect(mismatches == [])
    }
}
