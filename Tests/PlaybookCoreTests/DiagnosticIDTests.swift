import Foundation
import PlaybookCore
import Testing

/// The catalogue of diagnostic ids (`DiagnosticID`) against the sources that raise them.
@Suite struct DiagnosticIDTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under Sources/ except the catalogue and `Diagnostic` itself, by path.
    static func sources() throws -> [String: String] {
        let sources = repository.appendingPathComponent("Sources")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(repository.standardizedFileURL.path.count + 1))
            if path.hasSuffix("Diagnostics/DiagnosticID.swift") || path.hasSuffix("Diagnostics/Diagnostic.swift") { continue }
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The first capture of every match of `pattern` in `text`.
    static func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The Swift case name a kebab-case id is spelled as: `no-scenario` → `noScenario`.
    static func caseName(_ id: String) -> String {
        let parts = id.split(separator: "-")
        return parts.prefix(1).joined() + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    @Test func idsAreUniqueKebabCaseNamesSpelledLikeTheirCases() {
        for id in DiagnosticID.allCases {
            #expect(id.rawValue.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id.rawValue) is not kebab-case")
            #expect(String(reflecting: id).hasSuffix("." + Self.caseName(id.rawValue)), "\(id.rawValue) is spelled \(String(reflecting: id))")
        }
    }

    @Test func everyCataloguedIdIsRaisedAndEveryRaisedIdIsCatalogued() throws {
        var typed: Set<String> = []
        var written: [String: Set<String>] = [:]
        for (path, text) in try Self.sources() {
            typed.formUnion(try Self.captures(#"\.(?:error|warning)\(\s*\.([A-Za-z0-9]+)\b"#, in: text))
            typed.formUnion(try Self.captures(#"DiagnosticID\.([A-Za-z0-9]+)\b"#, in: text))
            for id in try Self.captures(#"\.(?:error|warning)\(\s*"([^"]*)""#, in: text) {
                written[id, default: []].insert(path)
            }
        }
        let catalogue = Set(DiagnosticID.allCases.map(\.rawValue))
        for id in DiagnosticID.allCases {
            #expect(typed.contains(Self.caseName(id.rawValue)) || written[id.rawValue] != nil,
                    "\(id.rawValue) is in the catalogue but nothing raises it: remove it from DiagnosticID")
        }
        for (id, paths) in written.sorted(by: { $0.key < $1.key }) {
            #expect(catalogue.contains(id), "\(id) is raised in \(paths.sorted()) but is not in DiagnosticID")
        }
        // No id is written as text: `Diagnostic` takes only a DiagnosticID, so this guards against
        // a string-taking overload coming back.
        let textual = Set(written.values.joined())
        #expect(textual.isEmpty, "these files write diagnostic ids as text, not as DiagnosticID: \(textual.sorted())")
    }
}
