import Foundation
import PlaybookCore
import PlaybookMarkdown

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
        /// The file's device, inode, size and modification time in nanoseconds.
        var stamp: [Int]
        var smartPunctuation: Bool
    }

    /// Loads `content/<book>/<name>`; `nil` (with diagnostics) when it cannot be used.
    func load(path: String) -> (Loaded?, [Diagnostic]) {
        // In a session, a file whose size and modification time are unchanged is not read again.
        var info = stat()
        if let session, stat(directory.root.path + "/" + path, &info) == 0 {
            #if os(Linux)
            let modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            #else
            let modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
            #endif
            let stamp = [Int(info.st_dev), Int(info.st_ino), Int(info.st_size)] + modified
            return session.memo("chapter:" + path, input: Input(stamp: stamp, smartPunctuation: parser.smartPunctuation)) {
                read(path: path)
            }.value
        }
        return read(path: path)
    }

    private func read(path: String) -> (Loaded?, [Diagnostic]) {
        let file: SourceFile
        switch directory.read(path) {
        case .file(let read): file = read
        case .missing: return (nil, [.disappeared(path)])
        case .failed(let diagnostic): return (nil, [diagnostic])
        }
        return load(file)
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
