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
    var memo: Memo = .none

    /// What a chapter's parse depends on.
    private struct Input: Equatable, Sendable {
        /// The file's device, inode, size, and modification and status-change times. The
        /// status-change time cannot be set back, so a file rewritten with its size and
        /// modification time kept (`cp -p`, `rsync -t`, a restore) has a new status.
        var status: ProjectDirectory.FileStatus
        /// The file's text when it changed so recently that it could change again without its
        /// status changing (time stamps move in clock ticks of a few milliseconds): such a file
        /// is compared by its bytes.
        var text: ExactText?
        var smartPunctuation: Bool
    }

    /// How recent a change must be for a file's stamp not to be trusted, in seconds: far more
    /// than a clock tick, and short enough that a file being edited is read only while it is.
    static let recentChange: Int = 2

    /// Loads `content/<book>/<name>`; `nil` (with diagnostics) when it cannot be used.
    ///
    /// In a session, a file whose status is unchanged is not read again, unless it was read
    /// while its status could not be trusted. (When the session knows which paths changed, the
    /// status of a file not among them is not even looked at again: ``ProjectDirectory``
    /// remembers it.)
    func load(path: String) -> (Loaded?, [Diagnostic]) {
        guard let status = directory.status(path) else { return read(path: path) }
        let settled = Input(status: status, smartPunctuation: parser.smartPunctuation)
        let second = 1_000_000_000
        let recent = max(status.modified, status.changed) / second >= Int(Date().timeIntervalSince1970) - Self.recentChange
        let previous = memo.previousInput(.chapter, path, as: Input.self)
        if recent || (previous?.status == status && previous?.text != nil) {
            let result = directory.read(path)
            guard case .file(let file) = result else { return loaded(result, path: path) }
            var input = settled
            input.text = ExactText(file.text)
            let found = memo.query(.chapter, path, input: input) { load(file) }.value
            // Once the change is old enough, the status says it all.
            if !recent { memo.restate(.chapter, path, input: settled) }
            return found
        }
        return memo.query(.chapter, path, input: settled) { read(path: path) }.value
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
