import Foundation
import PlaybookCore

/// The write stage: puts a build's files into a fresh folder next to the output folder, then
/// swaps it in. Until the swap the previous output is untouched, so a build that fails while
/// writing leaves it as it was.
///
/// The folder gets `site/…`, `epub/<book>.epub` and the same EPUBs unzipped in
/// `xhtml/<book>/`, plus a `.playbook-output` marker.
public struct OutputWriter: Sendable {
    /// The project root, which `copy` contents are relative to.
    public let projectRoot: URL
    /// The output folder.
    public let output: URL

    /// Creates a writer.
    public init(projectRoot: URL, output: URL) {
        self.projectRoot = projectRoot
        self.output = output
    }

    /// Writes everything; on failure the diagnostic says what could not be written.
    ///
    /// `keeping` names a folder whose subfolders in the previous output survive when the new
    /// output has none of that name: `playbook build` makes the reports `playbook.yaml` lists,
    /// and keeps the other clients' reports that `playbook report` wrote beside them.
    public func write(_ rendered: RenderedOutput, keeping: String? = nil) async -> Diagnostic? {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try await fill(staging, with: rendered)
            if let keeping { try carryOver(keeping, into: staging) }
            try Data().write(to: staging.appendingPathComponent(OutputFolder.marker))
        } catch {
            try? fileManager.removeItem(at: staging)
            return .error("write-failed", "cannot write the output: \(Self.describe(error))", at: nil,
                          hint: "the previous output in \(output.path) was left as it was")
        }
        do {
            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
            }
            try fileManager.moveItem(at: staging, to: output)
            try? fileManager.removeItem(at: retired)
        } catch {
            if !fileManager.fileExists(atPath: output.path), fileManager.fileExists(atPath: retired.path) {
                try? fileManager.moveItem(at: retired, to: output)
            }
            try? fileManager.removeItem(at: staging)
            return .error("write-failed", "cannot replace \(output.path): \(Self.describe(error))", at: nil)
        }
        return nil
    }

    // MARK: - Internals

    /// Moves `output/<folder>/<name>/` into the staging folder for each name the new output lacks.
    private func carryOver(_ folder: String, into staging: URL) throws {
        let fileManager = FileManager.default
        let old = output.appendingPathComponent(folder)
        let names = (try? fileManager.contentsOfDirectory(atPath: old.path)) ?? []
        let new = staging.appendingPathComponent(folder)
        for name in names.sorted() where !name.hasPrefix(".") {
            let target = new.appendingPathComponent(name)
            guard !fileManager.fileExists(atPath: target.path) else { continue }
            try fileManager.createDirectory(at: new, withIntermediateDirectories: true)
            try fileManager.copyItem(at: old.appendingPathComponent(name), to: target)
        }
    }

    private enum Job: Sendable {
        case file(OutputFile)
        case epub(EPUBPackage)
    }

    private func fill(_ folder: URL, with rendered: RenderedOutput) async throws {
        // Folders first, so that files can be written on all cores without racing for them.
        var folders: Set<String> = rendered.epubs.isEmpty ? [] : ["epub"]
        for file in rendered.files { folders.insert(Self.parent(of: file.path)) }
        for epub in rendered.epubs {
            for entry in epub.entries { folders.insert(Self.parent(of: "xhtml/\(epub.slug)/\(entry.path)")) }
        }
        for path in folders.sorted() where !path.isEmpty {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        // EPUBs first: each is one long job, and the many small files fill in around them.
        let jobs = rendered.epubs.map(Job.epub) + rendered.files.map(Job.file)
        let writer = self
        let errors = await jobs.concurrentMap { job -> String? in
            do {
                switch job {
                case .file(let file):
                    try writer.write(file.content, to: folder.appendingPathComponent(file.path))
                case .epub(let epub):
                    try writer.writeEPUB(epub, into: folder)
                }
                return nil
            } catch {
                return Self.describe(error)
            }
        }
        if let error = errors.compactMap({ $0 }).first { throw WriteError(message: error) }
    }

    private func writeEPUB(_ epub: EPUBPackage, into folder: URL) throws {
        for entry in epub.entries {
            try write(entry.content, to: folder.appendingPathComponent("xhtml/\(epub.slug)/\(entry.path)"))
        }
        try write(.bytes(epub.archive), to: folder.appendingPathComponent("epub/\(epub.slug).epub"))
    }

    /// Writes content to a new file without copying it into a `Data` first.
    private func write(_ content: OutputFile.Content, to url: URL) throws {
        switch content {
        case .text(var text):
            try text.withUTF8 { try Self.write($0, to: url) }
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { try Self.write($0, to: url) }
        case .copy(let source):
            let from = projectRoot.appendingPathComponent(source)
            guard let data = FileManager.default.contents(atPath: from.path) else {
                throw WriteError(message: "\(source) could not be read")
            }
            try data.write(to: url)
        }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(message: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? WriteError { return error.message }
        return (error as NSError).localizedDescription
    }

    private struct WriteError: Error {
        var message: String
    }
}
