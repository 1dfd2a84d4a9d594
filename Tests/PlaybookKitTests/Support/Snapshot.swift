import Foundation
import Testing

/// Snapshot files beside the tests: compared byte for byte, rewritten when the environment
/// variable PLAYBOOK_RECORD is set (`PLAYBOOK_RECORD=1 swift test`).
enum Snapshot {
    /// Whether snapshots are being recorded instead of compared.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["PLAYBOOK_RECORD"] != nil }

    /// The folder of fixture projects.
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Compares `actual` with the file at `url`, or records it.
    static func assertText(_ actual: String, matches url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(Comment(rawValue: "missing snapshot \(url.path); run PLAYBOOK_RECORD=1 swift test to record it"), sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(url.lastPathComponent) differs", sourceLocation: sourceLocation)
        if actual != expected { Issue.record(Comment(rawValue: Snapshot.diff(expected: expected, actual: actual)), sourceLocation: sourceLocation) }
    }

    /// Compares a whole folder tree with `expected` (every file, and no extra or missing file),
    /// or records it.
    static func assertTree(_ actual: URL, matches expected: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: actual, to: expected)
            return
        }
        let actualFiles = files(under: actual)
        let expectedFiles = files(under: expected)
        #expect(actualFiles == expectedFiles, "the files written differ from \(expected.path)", sourceLocation: sourceLocation)
        for path in actualFiles where expectedFiles.contains(path) {
            let left = FileManager.default.contents(atPath: expected.appendingPathComponent(path).path) ?? Data()
            let right = FileManager.default.contents(atPath: actual.appendingPathComponent(path).path) ?? Data()
            if left != right {
                let diff = diffText(expected: String(decoding: left, as: UTF8.self), actual: String(decoding: right, as: UTF8.self))
                Issue.record(Comment(rawValue: "\(path) differs from the snapshot:\n\(diff)"), sourceLocation: sourceLocation)
            }
        }
    }

    /// Every file below `root`, relative, sorted.
    static func files(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    static func diff(expected: String, actual: String) -> String {
        diffText(expected: expected, actual: actual)
    }

    /// The first differing lines, with a little context.
    private static func diffText(expected: String, actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r {
                return "line \(index + 1):\n  expected: \(l)\n  actual:   \(r)"
            }
        }
        return "(no line differs; the files differ in their final newline)"
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes text files (path → contents) below the folder.
    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
