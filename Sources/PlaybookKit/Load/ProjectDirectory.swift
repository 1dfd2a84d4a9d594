import Foundation
import PlaybookCore

/// Read-only access to the files of a project folder, by paths relative to its root.
///
/// All reading of the user's files goes through here, so that every file becomes a
/// ``SourceFile`` the same way: checked as UTF-8 (a bad byte is a diagnostic at its line and
/// column), byte-order mark dropped, and named by its project-relative path.
struct ProjectDirectory: Sendable {
    /// The project root.
    let root: URL

    /// What reading a file can give.
    enum ReadResult {
        /// The file and its text.
        case file(SourceFile)
        /// There is no such file.
        case missing
        /// The file exists but cannot be used; the diagnostic says why.
        case failed(Diagnostic)
    }

    /// The absolute URL of a project-relative path (an absolute path is taken as it is).
    func url(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return path.isEmpty ? root : root.appendingPathComponent(path)
    }

    /// Reads a text file.
    func read(_ path: String) -> ReadResult {
        let descriptor = open(url(path).path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            return .failed(.error("unreadable", "\(path) cannot be read: \(String(cString: strerror(errno)))", at: .file(path)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failed(.error("unreadable", "\(path) cannot be read: \(String(cString: strerror(errno)))", at: .file(path)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return .failed(.error("not-a-file", "\(path) is a folder, not a file", at: .file(path)))
        }
        // Read the whole file into one buffer sized from fstat (one byte more, to see the end),
        // growing it if the file grew in the meantime.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var total = 0
        while true {
            if total == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress?.advanced(by: total), buffer.count - total)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failed(.error("unreadable", "\(path) cannot be read: \(String(cString: strerror(errno)))", at: .file(path)))
            }
            if read == 0 { break }
            total += read
        }
        bytes.removeLast(bytes.count - total)
        return Self.decode(bytes, path: path)
    }

    /// Whether a file or folder exists at `path`.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    /// Whether `path` is a folder.
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The names in a folder, sorted, without hidden ones (starting with `.`).
    func list(_ path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every regular file below `path`, as paths relative to `path`, sorted; hidden files and
    /// folders are skipped, and so are symbolic links (a link could lead out of the project).
    func files(under path: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            for name in list(path.isEmpty ? relative : (relative.isEmpty ? path : path + "/" + relative)) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = path.isEmpty ? child : path + "/" + child
                var info = stat()
                guard lstat(root.path + "/" + full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG: result.append(child)
                default: break  // symbolic links and devices are not project files
                }
            }
        }
        walk("")
        return result.sorted()
    }

    /// Decodes UTF-8 bytes into a source file, reporting the first invalid byte.
    static func decode(_ bytes: [UInt8], path: String) -> ReadResult {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            let file = SourceFile(path: path, text: text)
            if let forbidden = ForbiddenCharacters.check(file) { return .failed(forbidden) }
            return .file(file)
        }
        // Find the first byte that is not valid UTF-8 and say where it is.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        var line = 1
        var lineStart = bytes.startIndex
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error(let length):
                let lineBytes = bytes[lineStart...].prefix { $0 != UInt8(ascii: "\n") }
                let lineText = String(decoding: lineBytes, as: UTF8.self)
                let location = SourceLocation(file: path, line: line, column: offset - lineStart + 1,
                                              length: length, lineText: lineText)
                return .failed(.error("not-utf8", "\(path) is not valid UTF-8 text", at: location,
                                      hint: "save the file as UTF-8 in your editor"))
            case .emptyInput:
                break loop
            }
        }
        return .file(SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)))
    }
}
