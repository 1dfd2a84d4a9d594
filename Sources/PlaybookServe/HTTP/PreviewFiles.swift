import Foundation
internal import Hummingbird

/// The files of the preview folder as the server hands them out: found safely, read once and
/// kept while they are unchanged on disk, with the live-reload script added to HTML pages.
///
/// Nothing outside the folder is ever returned: the request's segments are already free of
/// `..` and dotfiles (``RequestPath``), and the file's real path (symlinks resolved) must lie
/// inside the folder's real path.
final class PreviewFiles: @unchecked Sendable {
    // @unchecked: the only mutable state, `cache`, is read and written under `lock`.

    /// What a request's path leads to.
    enum Lookup: Sendable {
        /// A regular file to send.
        case file(ServedFile)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        /// Nothing that may be served.
        case notFound
    }

    /// The folder's real path.
    let root: String
    /// Inserted into HTML pages before `</head>` (the live-reload script tag); empty for none.
    let injection: String

    private let lock = NSLock()
    private var cache: [String: (stamp: FileStamp, file: ServedFile)] = [:]

    /// Serves `folder`, which must exist.
    init(folder: URL, injection: String) {
        root = Self.realPath(folder.path) ?? folder.standardizedFileURL.path
        self.injection = injection
    }

    /// Finds what `path` names.
    func lookup(_ path: RequestPath) -> Lookup {
        let candidate = path.segments.isEmpty ? root : root + "/" + path.segments.joined(separator: "/")
        guard let real = inside(candidate), let stamp = FileStamp(path: real) else { return .notFound }
        if stamp.isDirectory {
            guard path.endsWithSlash || path.segments.isEmpty else { return .redirect(path.encoded + "/") }
            guard let index = inside(real + "/index.html"), let indexStamp = FileStamp(path: index), indexStamp.isRegular else {
                return .notFound
            }
            return file(at: index, stamp: indexStamp)
        }
        guard stamp.isRegular, !path.endsWithSlash else { return .notFound }
        return file(at: real, stamp: stamp)
    }

    // MARK: - Internals

    /// The real path of `path` when it exists and lies inside the root (the root included).
    private func inside(_ path: String) -> String? {
        guard let real = Self.realPath(path) else { return nil }
        guard real == root || real.hasPrefix(root + "/") else { return nil }
        // A symlink inside the folder may still point at a hidden file inside it.
        if real.dropFirst(root.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return nil }
        return real
    }

    private func file(at path: String, stamp: FileStamp) -> Lookup {
        lock.lock()
        let cached = cache[path]
        lock.unlock()
        if let cached, cached.stamp == stamp { return .file(cached.file) }
        guard let data = FileManager.default.contents(atPath: path) else { return .notFound }
        var bytes = [UInt8](data)
        let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
        if MediaTypes.isHTMLPage(name), !injection.isEmpty { bytes = Self.inject(injection, into: bytes) }
        let served = ServedFile(body: ByteBuffer(bytes: bytes), contentType: MediaTypes.type(of: name),
                                etag: "\"" + String(Self.fnv1a(bytes), radix: 16) + "\"", modified: stamp.modifiedSeconds)
        lock.lock()
        cache[path] = (stamp, served)
        lock.unlock()
        return .file(served)
    }

    /// `text` inserted before the first `</head>` (or at the start when there is none).
    static func inject(_ text: String, into page: [UInt8]) -> [UInt8] {
        let marker = Array("</head>".utf8)
        var index = 0
        while index + marker.count <= page.count {
            if page[index] == marker[0], Array(page[index..<index + marker.count]).lowercased() == marker {
                return Array(page[..<index]) + Array(text.utf8) + Array(page[index...])
            }
            index += 1
        }
        return Array(text.utf8) + page
    }

    /// 64-bit FNV-1a: the ETag, a digest of exactly the bytes sent.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file ready to send.
struct ServedFile: Sendable {
    /// The bytes (with the live-reload script in HTML pages).
    var body: ByteBuffer
    /// The `Content-Type`.
    var contentType: String
    /// A strong entity tag: a digest of `body`.
    var etag: String
    /// The file's modification time, in whole seconds since 1970 (`Last-Modified`).
    var modified: Int
}

/// What `stat` says about a file, enough to tell whether a cached copy is still current.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var mode: UInt32

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if os(Linux)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #endif
        mode = UInt32(info.st_mode)
    }

    var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
}

extension Array where Element == UInt8 {
    /// ASCII letters in lower case.
    fileprivate func lowercased() -> [UInt8] {
        map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }
}
