import Foundation
import PlaybookCore

/// The fresh folder a build fills beside its output folder, swapped in once the build has
/// succeeded (``commit(_:keeping:)``) or removed when it failed (``discard()``): until then the
/// previous output is untouched.
///
/// It is the build's ``OutputSink``: the render stage puts each page into it as soon as the
/// page is made, so a build never holds all its files at once. A file that cannot be written
/// is remembered and fails the commit.
public final class StagingFolder: OutputSink, @unchecked Sendable {
    // @unchecked Sendable: the mutable state (the folders made so far, the first failure) is
    // only read and written under `lock`; everything else is immutable.
    /// The writer whose output folder this stages.
    let writer: OutputWriter
    /// The staging folder, `.<name>.new-<pid>` beside the output folder.
    public let url: URL
    /// Where the previous output goes when the swap cannot exchange the two folders in one step.
    let retired: URL
    private let lock = NSLock()
    /// The folders made in it, relative to it ("" is itself).
    private var folders: Set<String> = [""]
    /// The first file that could not be written.
    private var failure: String?

    /// Makes the staging folder for `writer`'s output folder, with the output marker first
    /// (it is how a later build knows the folder is ours to remove), after removing what killed
    /// builds left behind.
    static func make(for writer: OutputWriter) -> Result<StagingFolder, Diagnostic> {
        let fileManager = FileManager.default
        let parent = writer.output.deletingLastPathComponent()
        let name = writer.output.lastPathComponent
        let names = FolderSwap.stagingNames(for: name, pid: getpid())
        let staging = StagingFolder(writer: writer, url: parent.appendingPathComponent(names.new),
                                    retired: parent.appendingPathComponent(names.old))
        FolderSwap.removeStale(of: name, in: parent, marker: OutputFolder.marker)
        do {
            try? fileManager.removeItem(at: staging.url)
            try? fileManager.removeItem(at: staging.retired)
            try fileManager.createDirectory(at: staging.url, withIntermediateDirectories: true)
            try Data().write(to: staging.url.appendingPathComponent(OutputFolder.marker))
        } catch {
            try? fileManager.removeItem(at: staging.url)
            return .failure(.error(.writeFailed, "cannot write the output: \(OutputWriter.describe(error))", at: nil,
                                   hint: "the previous output in \(writer.output.path) was left as it was"))
        }
        return .success(staging)
    }

    private init(writer: OutputWriter, url: URL, retired: URL) {
        self.writer = writer
        self.url = url
        self.retired = retired
    }

    /// Writes `file` into the folder now (its folders made as needed). After a failure the
    /// folder takes nothing more: the build's commit fails.
    package func put(_ file: OutputFile) {
        do {
            guard try prepare(OutputWriter.parent(of: file.path)) else { return }
            try writer.write(file.content, to: url.appendingPathComponent(file.path))
        } catch {
            lock.withLock { if failure == nil { failure = OutputWriter.describe(error) } }
        }
    }

    /// Writes the parts one after the other into the file at `path`, never joined in memory.
    package func put(_ path: String, parts: [String]) {
        do {
            guard try prepare(OutputWriter.parent(of: path)) else { return }
            try writer.write(parts: parts, to: url.appendingPathComponent(path))
        } catch {
            lock.withLock { if failure == nil { failure = OutputWriter.describe(error) } }
        }
    }

    /// Makes `folder` (relative to the staging folder) once; `false` after a failure.
    private func prepare(_ folder: String) throws -> Bool {
        try lock.withLock {
            guard failure == nil else { return false }
            guard !folders.contains(folder) else { return true }
            try FileManager.default.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
            var path = folder
            while !path.isEmpty, folders.insert(path).inserted { path = OutputWriter.parent(of: path) }
            return true
        }
    }

    /// Writes the rest of the output (what the renderers did not put here as they went),
    /// moves `output/<keeping>/<name>/` in for each name the new output lacks, and swaps the
    /// folder in for the output folder. On failure the folder is removed and the previous
    /// output is left as it was.
    public func commit(_ rest: RenderedOutput, keeping: String? = nil) async -> Diagnostic? {
        let fileManager = FileManager.default
        do {
            if let failure = lock.withLock({ failure }) { throw OutputWriter.WriteError(message: failure) }
            try await writer.fill(url, with: rest)
            if let keeping { try writer.carryOver(keeping, into: url) }
        } catch {
            discard()
            return .error(.writeFailed, "cannot write the output: \(OutputWriter.describe(error))", at: nil,
                          hint: "the previous output in \(writer.output.path) was left as it was")
        }
        do {
            if let old = try FolderSwap.replace(writer.output.path, with: url.path, aside: retired.path) {
                try? fileManager.removeItem(atPath: old)
            }
        } catch {
            discard()
            return .error(.writeFailed, error.message, at: nil)
        }
        return nil
    }

    /// Removes the folder and what was written into it: the build failed, and the previous
    /// output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: url)
    }
}
