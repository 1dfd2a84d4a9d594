import Foundation

/// A file the render stage wants written, by path relative to the output folder.
public struct OutputFile: Sendable, Equatable {
    /// What goes into the file.
    public enum Content: Sendable, Equatable {
        /// Text, written as UTF-8.
        case text(String)
        /// Bytes (an image the load stage read).
        case bytes([UInt8])
        /// The bytes of a project file (an image), copied when the output is written.
        case copy(from: String)
    }

    /// The path relative to the output folder, such as `site/foundations/index.html`.
    public var path: String
    /// The content.
    public var content: Content

    /// Creates an output file.
    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }
}

/// An EPUB made by the render stage: its entries in order, and the zip archive holding them
/// (`mimetype` first and stored). The writer writes the archive, and the entries unzipped for
/// other tools.
public struct EPUBPackage: Sendable, Equatable {
    /// The book's slug.
    public var slug: String
    /// Entries in zip order, by path inside the EPUB (`mimetype`, `META-INF/container.xml`, `OEBPS/…`).
    public var entries: [OutputFile]
    /// The `.epub` file's bytes.
    public var archive: [UInt8]

    /// Creates a package.
    public init(slug: String, entries: [OutputFile], archive: [UInt8]) {
        self.slug = slug
        self.entries = entries
        self.archive = archive
    }
}

/// Everything a build writes.
public struct RenderedOutput: Sendable {
    /// Plain files (the site).
    public var files: [OutputFile]
    /// EPUB books.
    public var epubs: [EPUBPackage]
    /// The paths of the files the renderers handed to the run's ``OutputSink`` as they made
    /// them (relative to the output folder): written (or dropped) already, so not held here,
    /// and still counted and checked for clashes.
    package var streamed: [String]

    /// Everything a build writes: `files`, and `epubs`, and the files `streamed` already.
    package init(files: [OutputFile], epubs: [EPUBPackage], streamed: [String] = []) {
        self.files = files
        self.epubs = epubs
        self.streamed = streamed
    }

    /// How many files the output makes: its files, each EPUB and its entries, and those streamed.
    package var fileCount: Int {
        files.count + epubs.reduce(0) { $0 + 1 + $1.entries.count } + streamed.count
    }
}

extension OutputFile.Content {
    /// The bytes of text or bytes content (empty for a copy, which the writer reads itself).
    package var data: Data {
        switch self {
        case .text(let text): return Data(text.utf8)
        case .bytes(let bytes): return Data(bytes)
        case .copy: return Data()
        }
    }
}
