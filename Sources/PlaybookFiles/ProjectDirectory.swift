import Foundation
import PlaybookCore

/// Read-only access to the files of a project folder, by paths relative to its root.
///
/// All reading of the user's files goes through here, so that one rule holds for every file a
/// build (and `check`, `report`, `calc`, `serve`) reads:
///
/// - the path is resolved, symbolic links included, and must lie inside the project folder
///   (itself resolved; ``boundary``) — a file or folder that leads outside is refused;
/// - only a regular file is read: a named pipe, a device or a socket is refused without
///   waiting on it, and so is a file larger than ``RegularFile/sizeLimit``;
/// - what is refused is a diagnostic naming the project-relative path, never the content of
///   the file it leads to.
///
/// A text file becomes a ``SourceFile`` the same way every time: checked as UTF-8 (a bad byte
/// is a diagnostic at its line and column), byte-order mark dropped, and named by its
/// project-relative path.
package struct ProjectDirectory: Sendable {
    /// The project root, which relative paths start from.
    let root: URL
    /// The real path (links resolved) of the folder every file read must lie in: the project
    /// root, or for a scenario named outside any project, the folder it lies in.
    package let boundary: String
    /// The boundary as diagnostics name it: "the project", or "the scenario's folder".
    let boundaryName: String
    /// What earlier builds of a session found, reused while no change is reported under it
    /// (``RememberedFiles``); `nil` asks the file system every time.
    private(set) var remembered: RememberedFiles? = nil

    /// Access to the project in `root`.
    package init(root: URL) {
        self.init(root: root, boundary: root, named: "the project")
    }

    /// Access to paths relative to `root` that may read only inside `boundary`, which
    /// diagnostics call `name`.
    package init(root: URL, boundary: URL, named name: String) {
        self.root = root
        self.boundary = Self.realPath(boundary.path) ?? ProjectDirectory.canonical(boundary)
        boundaryName = name
    }

    /// The same access, answering from (and keeping in) `files` when it is not `nil`.
    package func remembering(_ files: RememberedFiles?) -> ProjectDirectory {
        var copy = self
        copy.remembered = files
        return copy
    }

    /// What reading a file can give.
    package enum ReadResult: Sendable {
        /// The file and its text.
        case file(SourceFile)
        /// There is no such file.
        case missing
        /// The file exists but cannot be used; the diagnostic says why.
        case failed(Diagnostic)
    }

    /// What reading a file's bytes can give.
    package enum BytesResult: Sendable {
        /// The file's bytes.
        case bytes([UInt8])
        /// There is no such file.
        case missing
        /// The file exists but cannot be used; the diagnostic says why.
        case failed(Diagnostic)
    }

    /// The absolute URL of a project-relative path (an absolute path is taken as it is).
    package func url(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return path.isEmpty ? root : root.appendingPathComponent(path)
    }

    /// Reads a text file.
    package func read(_ path: String) -> ReadResult {
        remember(.text, path, read: true) { tracking in
            let (bytes, direct) = readBytesFound(path, tracking: tracking)
            switch bytes {
            case .bytes(let bytes): return (Self.decode(bytes, path: path), direct)
            case .missing: return (.missing, direct)
            case .failed(let diagnostic): return (.failed(diagnostic), direct)
            }
        }
    }

    /// Reads a file's bytes (an image, a font, a file of `site/`).
    package func readBytes(_ path: String) -> BytesResult {
        remember(.bytes, path, read: true) { readBytesFound(path, tracking: $0) }
    }

    /// The bytes of `path`, and whether it was found without following a symbolic link.
    private func readBytesFound(_ path: String, tracking: Bool) -> (BytesResult, direct: Bool) {
        let real: String
        switch locate(path) {
        case .inside(let found): real = found
        case .missing: return (.missing, tracking && isDirect(path))
        case .outside: return (.failed(outside(path)), false)
        }
        let direct = real == canonical(path)
        switch RegularFile.read(real) {
        case .success(let bytes): return (.bytes(bytes), direct)
        case .failure(.missing): return (.missing, direct)
        case .failure(let refusal): return (.failed(Self.diagnostic(refusal, path: path)), direct)
        }
    }

    /// A file's status, for telling whether it changed since it was last read: its device,
    /// inode and size, and its modification and status-change times in nanoseconds. `nil` when
    /// there is no such file.
    package func status(_ path: String) -> FileStatus? {
        remember(.status, path, read: false) { tracking in
            var info = stat()
            guard stat(url(path).path, &info) == 0 else { return (nil, tracking && isDirect(path)) }
            #if os(Linux)
            let (modified, changed) = (info.st_mtim, info.st_ctim)
            #else
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #endif
            let status = FileStatus(device: Int(info.st_dev), inode: Int(info.st_ino), size: Int(info.st_size),
                                    modified: Int(modified.tv_sec) * 1_000_000_000 + Int(modified.tv_nsec),
                                    changed: Int(changed.tv_sec) * 1_000_000_000 + Int(changed.tv_nsec))
            return (status, tracking && isDirect(path))
        }
    }

    /// Whether a file or folder exists at `path`.
    package func exists(_ path: String) -> Bool {
        remember(.exists, path, read: false) { tracking in
            (FileManager.default.fileExists(atPath: url(path).path), tracking && isDirect(path))
        }
    }

    /// Whether `path` is a folder.
    package func isDirectory(_ path: String) -> Bool {
        remember(.isDirectory, path, read: false) { tracking in
            var isDirectory: ObjCBool = false
            let found = FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
            return (found, tracking && isDirect(path))
        }
    }

    /// The names in a folder, sorted, without hidden ones (starting with `.`).
    package func list(_ path: String) -> [String] {
        remember(.list, path, read: false) { tracking in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []
            return (names.filter { !$0.hasPrefix(".") }.sorted(), tracking && isDirect(path))
        }
    }

    /// The diagnostic when the folder `path` leads outside the project (it, or a folder above
    /// it, is a symbolic link to somewhere else); `nil` when it is inside or does not exist.
    package func folderProblem(_ path: String) -> Diagnostic? {
        remember(.folderProblem, path, read: false) { tracking in
            if case .outside = locate(path) { return (outside(path), false) }
            return (nil, tracking && isDirect(path))
        }
    }

    // MARK: - Remembered answers

    /// The answer `ask` gives, from ``remembered`` when it has one; else asked now, counted,
    /// and kept when it was found without following a symbolic link (`ask` says, when told it
    /// is `tracking`: without a session nothing is kept and that is not worked out).
    private func remember<Answer: Sendable>(_ question: RememberedFiles.Question, _ path: String, read: Bool,
                                             ask: (_ tracking: Bool) -> (Answer, direct: Bool)) -> Answer {
        guard let remembered else { return ask(false).0 }
        if let found = remembered.recall(question, path, as: Answer.self) {
            if found.suspects.isEmpty { return found.answer }
            if found.suspects.allSatisfy({ stillHolds(found.answer, listing: path, after: $0) }) {
                remembered.cleared(question, path)
                return found.answer
            }
        }
        let (answer, direct) = ask(true)
        remembered.count(path, read: read)
        if direct { remembered.keep(question, path, answer) }
        return answer
    }

    /// Whether a listing of `folder` still holds after a change reported at `changed` below it,
    /// looking at that path alone: a file saved in place is still listed, a file or folder that
    /// was created, deleted or renamed is not (a file's status may also have made it refused).
    private func stillHolds<Answer>(_ answer: Answer, listing folder: String, after changed: String) -> Bool {
        let relative = folder.isEmpty ? changed : String(changed.dropFirst(folder.count + 1))
        // The watcher reports no hidden path, and listings leave them out.
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return true }
        // One folder's names: only a name directly in it matters (a folder created below is
        // reported itself).
        let names = answer as? [String]
        if names != nil, relative.contains("/") { return true }
        var info = stat()
        remembered?.count(changed, read: false)
        let exists = lstat(url(changed).path, &info) == 0
        if let names { return names.contains(relative) == exists }
        guard let list = answer as? FileList, list.refused.isEmpty else { return false }
        // A folder that was listed (renamed or deleted as a whole) changes the listing.
        if list.files.contains(where: { $0.hasPrefix(relative + "/") }) { return false }
        guard list.files.contains(relative) else { return !exists }
        guard exists, info.st_mode & S_IFMT == S_IFREG, case .success = RegularFile.classify(info) else { return false }
        return true
    }

    /// The path of `path` with every link resolved, as it would be without links.
    private func canonical(_ path: String) -> String {
        path.isEmpty ? boundary : (boundary == "/" ? "/" : boundary + "/") + path
    }

    /// Whether `path` is reached without a symbolic link: it, or the nearest folder above it
    /// that exists, resolves to itself (so a change under it is reported under this path). Only
    /// what was found at such paths is remembered.
    private func isDirect(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else { return false }
        var current = path
        while true {
            if let real = Self.realPath(url(current).path) { return real == canonical(current) }
            var info = stat()
            // A link to nothing: what it leads to may appear anywhere.
            if lstat(url(current).path, &info) == 0 { return false }
            if current.isEmpty { return false }
            current = Self.parent(of: current)
        }
    }

    /// The folder `path` lies in ("" for the project folder).
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Every regular file below `path`, as paths relative to `path`, sorted, and the
    /// diagnostics of what was refused. Hidden files and folders are skipped. Symbolic links
    /// are followed while they stay inside the project (each folder is walked once); a link
    /// leading outside, a named pipe, a device, a socket or a file over the size limit is
    /// refused with a diagnostic. A folder `path` that itself leads outside gives nothing but
    /// its diagnostic.
    package func files(under path: String) -> (files: [String], refused: [Diagnostic]) {
        let answer: FileList = remember(.files, path, read: false) { tracking in
            var linked = false
            let (files, refused) = walkFiles(under: path, followedLink: &linked)
            return (FileList(files: files, refused: refused), tracking && !linked && isDirect(path))
        }
        return (answer.files, answer.refused)
    }

    /// What ``files(under:)`` finds.
    private struct FileList: Sendable {
        var files: [String]
        var refused: [Diagnostic]
    }

    private func walkFiles(under path: String, followedLink: inout Bool) -> (files: [String], refused: [Diagnostic]) {
        if let problem = folderProblem(path) { return ([], [problem]) }
        var result: [String] = []
        var refused: [Diagnostic] = []
        var walked: Set<String> = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? path : (path.isEmpty ? relative : path + "/" + relative)
            if case .inside(let real) = locate(folder) {
                guard walked.insert(real).inserted else { return }
            }
            for name in list(folder) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = path.isEmpty ? child : path + "/" + child
                var info = stat()
                guard lstat(url(full).path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    followedLink = true
                    switch locate(full) {
                    case .missing: continue  // a link to nothing: there is no file
                    case .outside:
                        refused.append(outside(full))
                        continue
                    case .inside(let real):
                        guard stat(real, &info) == 0 else { continue }
                    }
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(child)
                } else if case .failure(let refusal) = RegularFile.classify(info) {
                    // `info` is the file's own status (a link's target's, once resolved inside):
                    // no second lookup.
                    refused.append(Self.diagnostic(refusal, path: full))
                } else {
                    result.append(child)
                }
            }
        }
        walk("")
        return (result.sorted(), refused)
    }

    // MARK: - The rule

    /// A file's status (see ``status(_:)``).
    package struct FileStatus: Equatable, Sendable {
        var device: Int
        var inode: Int
        var size: Int
        /// Nanoseconds since 1970.
        package var modified: Int
        /// Nanoseconds since 1970: the status-change time, which user space cannot set back.
        package var changed: Int
    }

    /// Where a path really is.
    private enum Location {
        /// Inside the boundary, at this real path.
        case inside(String)
        /// Nothing there (or a link to nothing).
        case missing
        /// Outside the boundary.
        case outside
    }

    private func locate(_ path: String) -> Location {
        // A relative path that climbs out with `..` is outside whether or not it exists.
        if !path.hasPrefix("/") {
            var depth = 0
            for component in path.split(separator: "/") {
                if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
                if depth < 0 { return .outside }
            }
        }
        guard let real = Self.realPath(url(path).path) else { return .missing }
        return real == boundary || real.hasPrefix(boundary == "/" ? "/" : boundary + "/") ? .inside(real) : .outside
    }

    /// The path with every symbolic link resolved, or `nil` when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func outside(_ path: String) -> Diagnostic {
        .error(.outsideProject, "\(path) leads outside \(boundaryName)", at: .file(path),
               hint: "Playbook reads only files inside \(boundaryName), following symbolic links: copy what you need into it")
    }

    private static func diagnostic(_ refusal: RegularFile.Refusal, path: String) -> Diagnostic {
        switch refusal {
        case .missing:
            return .disappeared(path)
        case .folder:
            return .error(.notAFile, "\(path) is a folder, not a file", at: .file(path))
        case .special(let kind):
            return .error(.notARegularFile, "\(path) is \(kind), not a regular file", at: .file(path),
                          hint: "Playbook reads only regular files")
        case .tooLarge:
            return .error(.fileTooLarge, "\(path) is larger than \(RegularFile.sizeLimitText), the most Playbook reads from one file",
                          at: .file(path))
        case .unreadable(let reason):
            return .error(.unreadable, "\(path) cannot be read: \(reason)", at: .file(path))
        }
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
                return .failed(.error(.notUtf8, "\(path) is not valid UTF-8 text", at: location,
                                      hint: "save the file as UTF-8 in your editor"))
            case .emptyInput:
                break loop
            }
        }
        return .file(SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)))
    }
}
