import Foundation
import PlaybookCore
import PlaybookFiles
import PlaybookSession

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
    /// The project's files, read under its rule (resolved once, not per copied file).
    private let directory: ProjectDirectory

    /// Creates a writer.
    public init(projectRoot: URL, output: URL) {
        self.projectRoot = projectRoot
        self.output = output
        directory = ProjectDirectory(root: projectRoot)
    }

    /// Writes everything; on failure the diagnostic says what could not be written.
    ///
    /// `keeping` names a folder whose subfolders in the previous output survive when the new
    /// output has none of that name: `playbook build` makes the reports `playbook.yaml` lists,
    /// and keeps the other clients' reports that `playbook report` wrote beside them.
    public func write(_ rendered: RenderedOutput, keeping: String? = nil) async -> Diagnostic? {
        switch stage() {
        case .success(let staging): return await staging.commit(rendered, keeping: keeping)
        case .failure(let problem): return problem
        }
    }

    /// A fresh staging folder beside the output folder, for a build that writes its files as
    /// it makes them (``StagingFolder``), then commits or discards it.
    public func stage() -> Result<StagingFolder, Diagnostic> {
        StagingFolder.make(for: self)
    }

    /// Updates the output folder in place for a ``BuildSession``: writes the files whose bytes
    /// differ from what the session's previous build wrote, and removes the files it wrote
    /// before and no longer makes. Files it did not write are left alone. Each file is written
    /// under a hidden name and renamed, so that a reader (the preview server) never sees half
    /// a file. Returns how many files were written or removed.
    ///
    /// When not `complete` (the preview's pages, written before the rest of the build), nothing
    /// is removed, and the session remembers these files beside what it wrote before.
    public func update(_ rendered: RenderedOutput, session: BuildSession, complete: Bool = true) async -> Result<Int, Diagnostic> {
        var files: [String: OutputFile.Content] = [OutputFolder.marker: .text("")]
        // `site/` files the session's watcher reports unchanged are not read again.
        let directory = self.directory.remembering(session.files)
        for file in rendered.files {
            if case .copy(let source) = file.content {
                switch Self.copied(source, from: directory) {
                case .success(let bytes): files[file.path] = .bytes(bytes)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            } else {
                files[file.path] = file.content
            }
        }
        for epub in rendered.epubs {
            for entry in epub.entries { files[EPUBPaths.unzipped(entry.path, book: epub.slug)] = entry.content }
            files[EPUBPaths.archive(book: epub.slug)] = .bytes(epub.archive)
        }
        let previous = session.written
        let changed = files.filter { path, content in !(previous[path].map { $0.sameBytes(as: content) } ?? false) }
            .map { OutputFile(path: $0.key, content: $0.value) }
        let removed = complete ? previous.keys.filter { files[$0] == nil } : []
        let fileManager = FileManager.default
        do {
            for path in Set(changed.map { Self.parent(of: $0.path) }).sorted() where !path.isEmpty {
                try fileManager.createDirectory(at: output.appendingPathComponent(path), withIntermediateDirectories: true)
            }
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            return .failure(.error(.writeFailed, "cannot write the output: \(Self.describe(error))", at: nil))
        }
        let writer = self
        let errors = await changed.concurrentMap { file -> String? in
            let target = writer.output.appendingPathComponent(file.path)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).playbook-new")
            do {
                try writer.write(file.content, to: temporary)
                guard rename(temporary.path, target.path) == 0 else {
                    throw WriteError(message: "cannot replace \(target.path): \(String(cString: strerror(errno)))")
                }
                return nil
            } catch {
                unlink(temporary.path)
                return Self.describe(error)
            }
        }
        if let error = errors.compactMap({ $0 }).first {
            // What was written stays: the session forgets it, so the next build writes it again.
            session.written = [:]
            return .failure(.error(.writeFailed, "cannot write the output: \(error)", at: nil))
        }
        for path in removed { unlink(output.appendingPathComponent(path).path) }
        // A folder left empty by the files removed goes too (deepest first): a fresh build would
        // not have it. `rmdir` removes only an empty folder, so a file put there by hand stays.
        var emptied = Set<String>()
        for path in removed {
            var folder = Self.parent(of: path)
            while !folder.isEmpty { emptied.insert(folder); folder = Self.parent(of: folder) }
        }
        // Descending order puts a folder after every folder inside it (its path is their prefix).
        for folder in emptied.sorted(by: >) {
            rmdir(output.appendingPathComponent(folder).path)
        }
        session.written = complete ? files : previous.merging(files) { $1 }
        return .success(changed.count + removed.count)
    }

    // MARK: - Internals

    /// Moves `output/<folder>/<name>/` into the staging folder for each name the new output lacks.
    func carryOver(_ folder: String, into staging: URL) throws {
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

    func fill(_ folder: URL, with rendered: RenderedOutput) async throws {
        // Folders first, so that files can be written on all cores without racing for them.
        var folders: Set<String> = rendered.epubs.isEmpty ? [] : ["epub"]
        for file in rendered.files { folders.insert(Self.parent(of: file.path)) }
        for epub in rendered.epubs {
            for entry in epub.entries { folders.insert(Self.parent(of: EPUBPaths.unzipped(entry.path, book: epub.slug))) }
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
            try write(entry.content, to: folder.appendingPathComponent(EPUBPaths.unzipped(entry.path, book: epub.slug)))
        }
        try write(.bytes(epub.archive), to: folder.appendingPathComponent(EPUBPaths.archive(book: epub.slug)))
    }

    /// Writes content to a new file without copying it into a `Data` first.
    func write(_ content: OutputFile.Content, to url: URL) throws {
        switch content {
        case .text(var text):
            try text.withUTF8 { try Self.write($0, to: url) }
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { try Self.write($0, to: url) }
        case .copy(let source):
            switch copied(source) {
            case .success(let bytes): try bytes.withUnsafeBufferPointer { try Self.write($0, to: url) }
            case .failure(let diagnostic): throw WriteError(message: diagnostic.message)
            }
        }
    }

    /// The bytes of a project file to copy, read under the project's rule (inside the
    /// project, a regular file, within the size limit: see ``ProjectDirectory``).
    private func copied(_ source: String) -> Result<[UInt8], Diagnostic> {
        Self.copied(source, from: directory)
    }

    private static func copied(_ source: String, from directory: ProjectDirectory) -> Result<[UInt8], Diagnostic> {
        switch directory.readBytes(source) {
        case .bytes(let bytes): return .success(bytes)
        case .missing: return .failure(.disappeared(source))
        case .failed(let diagnostic): return .failure(diagnostic)
        }
    }

    /// Writes text given in parts into a new file, one part after the other.
    func write(parts: [String], to url: URL) throws {
        let descriptor = try Self.create(url)
        defer { close(descriptor) }
        for var part in parts {
            try part.withUTF8 { try Self.write($0, to: descriptor, at: url) }
        }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to url: URL) throws {
        let descriptor = try create(url)
        defer { close(descriptor) }
        try write(bytes, to: descriptor, at: url)
    }

    /// A new file, empty, open for writing.
    private static func create(_ url: URL) throws -> Int32 {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(message: "cannot create \(url.path): \(String(cString: strerror(errno)))") }
        return descriptor
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, at url: URL) throws {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? WriteError { return error.message }
        return (error as NSError).localizedDescription
    }

    struct WriteError: Error {
        var message: String
    }
}
