import Foundation
import PlaybookCore
import PlaybookMarkdown
import PlaybookFiles
import PlaybookSession

/// Reads one chapter file: front matter, then the Markdown body parsed by cmark.
struct ChapterLoader: Sendable {
    /// A chapter and where its `order` is written (for duplicate-order diagnostics).
    struct Loaded: Sendable {
        var chapter: Chapter
        var orderLocation: SourceLocation
    }

    let directory: ProjectDirectory
    let parser: MarkdownParser
    /// Parses of earlier builds, reused when a chapter's text is unchanged.
    var session: BuildSession? = nil

    private struct Input: Equatable, Sendable {
        /// The file's device, inode and size, and its modification and status-change times in
        /// nanoseconds. The status-change time cannot be set back, so a file rewritten with
        /// its size and modification time kept (`cp -p`, `rsync -t`, a restore) has a new stamp.
        var stamp: [Int]
        /// The file's text when it changed so recently that it could change again without its
        /// stamp changing (time stamps move in clock ticks of a few milliseconds): such a file
        /// is compared by its bytes.
        var text: ExactText?
        var smartPunctuation: Bool
    }

    /// How recent a change must be for a file's stamp not to be trusted, in seconds: far more
    /// than a clock tick, and short enough that a file being edited is read only while it is.
    static let recentChange: Int = 2

    /// Loads `content/<book>/<name>`; `nil` (with diagnostics) when it cannot be used.
    func load(path: String) -> (Loaded?, [Diagnostic]) {
        var info = stat()
        guard let session, stat(directory.root.path + "/" + path, &info) == 0 else { return read(path: path) }
        // In a session, a file whose stamp is unchanged is not read again, unless it was read
        // while its stamp could not be trusted.
        #if os(Linux)
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #else
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #endif
        let times = [modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec].map { Int($0) }
        let stamp = [Int(info.st_dev), Int(info.st_ino), Int(info.st_size)] + times
        let key = "chapter:" + path
        let settled = Input(stamp: stamp, smartPunctuation: parser.smartPunctuation)
        let recent = max(times[0], times[2]) >= Int(Date().timeIntervalSince1970) - Self.recentChange
        let previous = session.previousInput(key, as: Input.self)
        if recent || (previous?.stamp == stamp && previous?.text != nil) {
            let result = directory.read(path)
            guard case .file(let file) = result else { return loaded(result, path: path) }
            var input = settled
            input.text = ExactText(file.text)
            let found = session.memo(key, input: input) { load(file) }.value
            // Once the change is old enough, the stamp says it all.
            if !recent { session.restate(key, input: settled) }
            return found
        }
        return session.memo(key, input: settled) { read(path: path) }.value
    }

    private func read(path: String) -> (Loaded?, [Diagnostic]) {
        loaded(directory.read(path), path: path)
    }

    /// The chapter from what reading `path` gave.
    private func loaded(_ result: ProjectDirectory.ReadResult, path: String) -> (Loaded?, [Diagnostic]) {
        switch result {
        case .file(let file): return load(file)
        case .missing: return (nil, [.disappeared(path)])
        case .failed(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// Loads a chapter file already read (a built-in one has no file on disk).
    func load(_ file: SourceFile) -> (Loaded?, [Diagnostic]) {
        let path = file.path
        let split: FrontMatter.Split
        switch FrontMatter.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let (frontMatter, frontMatterDiagnostics) = FrontMatter.load(split, file: file)
        guard let frontMatter else { return (nil, frontMatterDiagnostics) }
        let (document, markdownDiagnostics) = parser.parse(split.body, in: file, firstLine: split.bodyLine)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let slug = String(name.dropLast(3))
        let chapter = Chapter(slug: slug, source: file, frontMatter: frontMatter, document: document)
        let references = ForbiddenCharacterReferences.warnings(in: document, file: file, bodyLine: split.bodyLine)
        return (Loaded(chapter: chapter, orderLocation: Self.orderLocation(in: file, before: split.bodyLine)),
                frontMatterDiagnostics + markdownDiagnostics + references)
    }

    /// The location of the `order:` value in the front matter.
    private static func orderLocation(in file: SourceFile, before bodyLine: Int) -> SourceLocation {
        for line in 2..<max(bodyLine, 2) where file.line(line).hasPrefix("order:") {
            let text = file.line(line)
            let value = text.dropFirst("order:".count).drop { $0 == " " }
            let column = text.utf8.count - value.utf8.count + 1
            return file.location(line: line, column: column, length: max(value.utf8.count, 1))
        }
        return file.location(line: 1, column: 1, length: 3)
    }
}
